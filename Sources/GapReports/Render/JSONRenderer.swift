import FormEngine

/// Renders a report as one JSON object: its blocks in order, then every table once under `tables`, its columns in
/// order and each row an object keyed by the column names, with typed cells. A table block and a chart name their
/// table by its id.
///
/// A count is a number; a share is `{"part", "whole", "percent"}` with the percentage as the other formats
/// round it (null when the whole is 0); a change is a number of percentage points or null.
public enum JSONRenderer {
    /// The report as JSON.
    public static func render(_ document: ReportDocument) -> JSONValue {
        .object([
            ("report", .string(document.id)),
            ("title", .string(document.title)),
            ("subtitle", .string(document.subtitle)),
            ("blocks", .array(document.blocks.map(block))),
            ("tables", .array(document.tables.map(table))),
        ])
    }

    private static func block(_ block: ReportBlock) -> JSONValue {
        switch block {
        case .heading(let text): return .object([("heading", .string(text))])
        case .paragraph(let text): return .object([("paragraph", .string(text))])
        case .table(let table): return .object([("table", .string(table.id))])
        case .trend(let trend):
            return .object([
                (
                    "trend",
                    .object([
                        ("caption", .string(trend.caption)), ("table", .string(trend.table.id)),
                        ("measure", .string(trend.measure)), ("rounds", .array(trend.rounds.map(JSONValue.string))),
                        (
                            "districts",
                            .array(
                                trend.districts.map {
                                    .object([("label", .string($0.label)), ("values", .array($0.values.map(cell)))])
                                })
                        ),
                    ])
                )
            ])
        case .chart(let chart):
            return .object([
                (
                    "chart",
                    .object([
                        ("caption", .string(chart.caption)),
                        ("table", .string(chart.table.id)),
                        (
                            "bars",
                            .array(
                                chart.bars.map { .object([("label", .string($0.label)), ("value", cell($0.share))]) })
                        ),
                    ])
                )
            ])
        }
    }

    static func table(_ table: ReportTable) -> JSONValue {
        .object([
            ("id", .string(table.id)),
            ("caption", .string(table.caption)),
            ("columns", .array(table.columns.map(JSONValue.string))),
            (
                "rows",
                .array(
                    table.rows.map { row in
                        .object(zip(table.columns, row).map { column, value in (column, cell(value)) })
                    })
            ),
        ])
    }

    static func cell(_ cell: ReportCell) -> JSONValue {
        switch cell {
        case .text(let text): return .string(text)
        case .count(let count): return .number(Double(count))
        case .share(let part, let whole):
            return .object([
                ("part", .number(Double(part))), ("whole", .number(Double(whole))),
                ("percent", cell.percentage.map { .number((($0 * 10).rounded()) / 10) } ?? .null),
            ])
        case .change(let points): return points.map { .number((($0 * 10).rounded()) / 10) } ?? .null
        case .empty: return .null
        }
    }
}
