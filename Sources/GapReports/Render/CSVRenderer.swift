import FormEngine

/// Renders a report as CSV (RFC 4180): one file a table, since each table has its own columns.
///
/// Numbers are numbers a spreadsheet or a script can add up: a share is its percentage (`77.8`, its column
/// headed with `%`), a change is signed percentage points (`+3.5`, `-2`, its column headed `(pts)`), and a share
/// of nothing is an empty cell.
public enum CSVRenderer {
    /// One CSV file a table, named `<report>-<table>.csv`, in the order of the report, each starting with the byte
    /// order mark so that Excel reads it as UTF-8.
    public static func files(_ document: ReportDocument) -> [(name: String, text: String)] {
        document.tables.map { table in ("\(document.id)-\(table.id).csv", CSV.byteOrderMark + render(table)) }
    }

    /// One table as CSV: a header row, then a row a row; text that a spreadsheet would run as a formula made inert.
    public static func render(_ table: ReportTable) -> String {
        CSV.line(headings(table))
            + table.rows.map { row in CSV.line(row.map(value)) }.joined()
    }

    /// The column headings, with the unit of a column of shares or changes when the heading does not say it.
    static func headings(_ table: ReportTable) -> [String] {
        table.columns.enumerated().map { index, column in
            let cells = table.rows.compactMap { index < $0.count ? $0[index] : nil }
            if cells.contains(where: { if case .share = $0 { return true } else { return false } }),
                !column.hasSuffix("%")
            {
                return column + " %"
            }
            if cells.contains(where: { if case .change = $0 { return true } else { return false } }),
                !column.contains("pts")
            {
                return column + " (pts)"
            }
            return column
        }
    }

    /// A cell as a CSV value.
    static func value(_ cell: ReportCell) -> String {
        switch cell {
        case .text(let text): return CSV.inert(text)
        case .count(let count): return String(count)
        case .share: return cell.percentage.map(ReportCell.percent) ?? ""
        case .change(let points): return points.map { ($0 > 0 ? "+" : "") + ReportCell.percent($0) } ?? ""
        case .empty: return ""
        }
    }
}
