import FormEngine

/// Renders a report as CSV (RFC 4180): one file a table, since each table has its own columns.
public enum CSVRenderer {
    /// One CSV text a table, named `<report>-<table>.csv`, in the order of the report.
    public static func files(_ document: ReportDocument) -> [(name: String, text: String)] {
        document.tables.map { table in ("\(document.id)-\(table.id).csv", render(table)) }
    }

    /// One table as CSV: a header row, then a row a row; each cell as the other formats show it, text that a
    /// spreadsheet would run as a formula made inert.
    public static func render(_ table: ReportTable) -> String {
        CSV.line(table.columns)
            + table.rows.map { row in
                CSV.line(
                    row.map { cell in
                        if case .text(let text) = cell { return CSV.inert(text) }
                        return cell.text
                    })
            }.joined()
    }
}
