import FormEngine

/// Renders a report as one JSON object: its blocks in order, then every table once under `tables`, its columns in
/// order and each row an object keyed by the column names, with typed cells. A table block and a chart name their
/// table by its id.
///
/// A count is a number; a share is `{"part", "whole", "percent"}` with the percentage as the other formats
/// round it (null when the whole is 0); a change is a number of percentage points or null.
public enum JSONRenderer {
    /// The report as JSON text.
    public static func render(_ document: ReportDocument) -> String {
        String(decoding: bytes(document), as: UTF8.self)
    }

    /// The report as JSON text's UTF-8 bytes, ended with a line break when `lineEnd`: for a caller that needs them
    /// whole (a web response, a test).
    public static func bytes(_ document: ReportDocument, lineEnd: Bool = false) -> [UInt8] {
        var output: [UInt8] = []
        write(document, lineEnd: lineEnd) { output.append(contentsOf: $0) }
        return output
    }

    /// Hands the report as JSON text's UTF-8 bytes to `sink` a piece at a time, in order, ended with a line break
    /// when `lineEnd`: for writing out as it is made. A national licensing report is 23 MB; made whole, its pieces
    /// and then the whole were memory the system handed over afresh, page by page, and that took most of its writing.
    public static func write(
        _ document: ReportDocument, lineEnd: Bool = false, to sink: (UnsafeBufferPointer<UInt8>) throws -> Void
    ) rethrows {
        var output: [UInt8] = []
        output.reserveCapacity(1 << 16)
        output.append(utf8: "{\"report\":")
        JSONValue.writeString(document.id, to: &output)
        output.append(utf8: ",\"title\":")
        JSONValue.writeString(document.title, to: &output)
        output.append(utf8: ",\"subtitle\":")
        JSONValue.writeString(document.subtitle, to: &output)
        output.append(utf8: ",\"blocks\":")
        JSONValue.array(document.blocks.map(block)).write(to: &output)
        output.append(utf8: ",\"tables\":[")
        for (index, table) in document.tables.enumerated() {
            if index > 0 { output.append(UInt8(ascii: ",")) }
            try write(table, to: &output, sink: sink)
        }
        output.append(utf8: "]}")
        if lineEnd { output.append(UInt8(ascii: "\n")) }
        try output.withUnsafeBufferPointer(sink)
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

    /// Writes a table: its id, caption and columns, and each row an object keyed by the column names. Its rows are
    /// handed to `sink` as they are made, after what `output` holds, which is left empty for what follows.
    private static func write(
        _ table: ReportTable, to output: inout [UInt8], sink: (UnsafeBufferPointer<UInt8>) throws -> Void
    ) rethrows {
        output.append(utf8: "{\"id\":")
        JSONValue.writeString(table.id, to: &output)
        output.append(utf8: ",\"caption\":")
        JSONValue.writeString(table.caption, to: &output)
        output.append(utf8: ",\"columns\":")
        JSONValue.array(table.columns.map(JSONValue.string)).write(to: &output)
        output.append(utf8: ",\"rows\":[")
        try output.withUnsafeBufferPointer(sink)
        output.removeAll(keepingCapacity: true)
        let keys = table.columns.map { column in
            var key: [UInt8] = []
            JSONValue.writeString(column, to: &key)
            key.append(UInt8(ascii: ":"))
            return key
        }
        // The rows written on every core, a run of them a core, a few thousand at a time into the same memory: a
        // national licensing report's 104,864 drivers needing action are 20 MB. Read through the arrays' buffers:
        // iterated as arrays, each row, cell and key was retained and released, a third of the writing.
        let writeRows: @Sendable (ArraySlice<[ReportCell]>, inout [UInt8]) -> Void = { rows, output in
            keys.withUnsafeBufferPointer { keys in
                for index in rows.indices {
                    if index > 0 { output.append(UInt8(ascii: ",")) }
                    output.append(UInt8(ascii: "{"))
                    rows[index].withUnsafeBufferPointer { cells in
                        for position in 0..<Swift.min(keys.count, cells.count) {
                            if position > 0 { output.append(UInt8(ascii: ",")) }
                            keys[position].withUnsafeBufferPointer { output.append(contentsOf: $0) }
                            write(cells[position], to: &output)
                        }
                    }
                    output.append(UInt8(ascii: "}"))
                }
            }
        }
        try table.rows.concurrentPieces(writeRows, into: sink)
        output.append(utf8: "]}")
    }

    /// A cell as a value of a block (a chart's bar, a trend's point): written as a table's cells are.
    static func cell(_ cell: ReportCell) -> JSONValue {
        var output: [UInt8] = []
        write(cell, to: &output)
        return .written(String(decoding: output, as: UTF8.self))
    }

    /// Writes a cell: a count as a number, a share as `{"part", "whole", "percent"}`, a change as a number or null.
    /// Straight to bytes, counts without a `String` made of them: the national schools report has half a million.
    private static func write(_ cell: ReportCell, to output: inout [UInt8]) {
        switch cell {
        case .text(let text): JSONValue.writeString(text, to: &output)
        case .count(let count): JSONValue.writeInteger(count, to: &output)
        case .share(let part, let whole):
            output.append(utf8: "{\"part\":")
            JSONValue.writeInteger(part, to: &output)
            output.append(utf8: ",\"whole\":")
            JSONValue.writeInteger(whole, to: &output)
            output.append(utf8: ",\"percent\":")
            if let percent = cell.percentage {
                JSONValue.writeNumber(((percent * 10).rounded()) / 10, to: &output)
            } else {
                output.append(utf8: "null")
            }
            output.append(UInt8(ascii: "}"))
        case .change(let points):
            if let points {
                JSONValue.writeNumber(((points * 10).rounded()) / 10, to: &output)
            } else {
                output.append(utf8: "null")
            }
        case .empty: output.append(utf8: "null")
        }
    }
}
