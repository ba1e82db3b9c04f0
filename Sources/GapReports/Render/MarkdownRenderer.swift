/// Renders a report as Markdown: headings, paragraphs, and pipe tables; a chart as its caption and a table of its bars;
/// the small trend charts as the trends table that follows them.
public enum MarkdownRenderer {
    /// The report as Markdown.
    public static func render(_ document: ReportDocument) -> String {
        var output = "# \(escape(document.title))\n\n_\(escape(document.subtitle))_\n"
        var printed = Set<String>()
        for block in document.blocks {
            switch block {
            case .heading(let text): output += "\n## \(escape(text))\n"
            case .paragraph(let text): output += "\n\(escape(text))\n"
            case .chart(let chart):
                output +=
                    "\n**\(escape(chart.caption))**\n\n"
                    + table([chart.table.columns.first ?? "", "%"], chart.bars.map { [$0.label, $0.share.text] })
                if printed.insert(chart.table.id).inserted { output += "\n" + table(chart.table) }
            case .trend:
                continue
            case .table(let table):
                if printed.insert(table.id).inserted { output += "\n" + self.table(table) }
            }
        }
        return output
    }

    static func table(_ table: ReportTable) -> String {
        "_\(escape(table.caption))_\n\n"
            + (table.rows.isEmpty ? "None.\n" : self.table(table.columns, table.rows.map { $0.map(\.text) }))
    }

    private static func table(_ columns: [String], _ rows: [[String]]) -> String {
        var output = "| " + columns.map(cell).joined(separator: " | ") + " |\n"
        output += "|" + columns.map { _ in " --- |" }.joined() + "\n"
        for row in rows { output += "| " + row.map(cell).joined(separator: " | ") + " |\n" }
        return output
    }

    private static func cell(_ text: String) -> String {
        escape(String(text.map { $0.isNewline ? " " : $0 }), alsoEscaping: "|")
    }

    /// Text with Markdown's special characters escaped, so a school's name cannot become markup.
    static func escape(_ text: String, alsoEscaping extra: String = "") -> String {
        var output = ""
        for character in text {
            if "\\`*_{}[]<>#".contains(character) || extra.contains(character) { output += "\\" }
            output.append(character)
        }
        return output
    }
}
