/// Renders a report for a terminal: headings, wrapped paragraphs, charts as bars of `#`, aligned tables.
public enum TextRenderer {
    /// The report as text; the tables whose ids are in `omitting` are left out (the long per-school list, say).
    public static func render(_ document: ReportDocument, omitting: Set<String> = []) -> String {
        var output =
            document.title + "\n" + String(repeating: "=", count: document.title.count) + "\n" + document.subtitle
            + "\n"
        var printed = Set<String>()
        for (index, block) in document.blocks.enumerated() {
            switch block {
            case .heading(let text):
                // A heading whose section is only tables left out is left out with them.
                let section = document.blocks[(index + 1)...].prefix { if case .heading = $0 { false } else { true } }
                let shown = section.contains { block in
                    if case .table(let table) = block { return !omitting.contains(table.id) }
                    return true
                }
                if !section.isEmpty && !shown { continue }
                output += "\n" + text + "\n" + String(repeating: "-", count: text.count) + "\n"
            case .paragraph(let text):
                output += "\n" + wrap(text, width: 100) + "\n"
            case .chart(let chart):
                output += "\n" + chart.caption + "\n" + bars(chart)
                if !printed.contains(chart.table.id) && !omitting.contains(chart.table.id) {
                    printed.insert(chart.table.id)
                    output += "\n" + table(chart.table)
                }
            case .trend:
                continue
            case .table(let table):
                guard !omitting.contains(table.id), !printed.contains(table.id) else { continue }
                printed.insert(table.id)
                output += "\n" + self.table(table)
            }
        }
        return output
    }

    /// A table with its columns aligned: text to the left, numbers to the right.
    static func table(_ table: ReportTable) -> String {
        guard !table.rows.isEmpty else { return table.caption + ": none.\n" }
        let texts = table.rows.map { $0.map(\.text) }
        let widths = table.columns.indices.map { column in
            max(table.columns[column].count, texts.map { column < $0.count ? $0[column].count : 0 }.max() ?? 0)
        }
        func line(_ cells: [String], numeric: [Bool]) -> String {
            cells.indices.map { column in
                let padding = String(repeating: " ", count: widths[column] - cells[column].count)
                return numeric[column] ? padding + cells[column] : cells[column] + padding
            }.joined(separator: "  ").trimmingTrailingSpaces + "\n"
        }
        let numeric = table.columns.indices.map { column in
            table.rows.allSatisfy { row in
                switch row[column] {
                case .count, .share, .change, .empty: return true
                case .text: return false
                }
            }
        }
        var output = line(table.columns, numeric: numeric)
        output += line(widths.map { String(repeating: "-", count: $0) }, numeric: numeric)
        for row in texts { output += line(row, numeric: numeric) }
        return output
    }

    /// A chart as one line a bar: the label, a bar of `#` 40 wide at 100%, and the value.
    static func bars(_ chart: BarChart) -> String {
        let labelWidth = chart.bars.map(\.label.count).max() ?? 0
        return chart.bars.map { bar in
            let filled = Int(((bar.share.percentage ?? 0) * 40 / 100).rounded())
            return bar.label + String(repeating: " ", count: labelWidth - bar.label.count) + "  "
                + String(repeating: "#", count: filled) + String(repeating: ".", count: 40 - filled) + "  "
                + bar.share.text
        }.joined(separator: "\n") + "\n"
    }

    /// Text broken into lines no wider than `width`, at spaces.
    static func wrap(_ text: String, width: Int) -> String {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            if !current.isEmpty && current.count + 1 + word.count > width {
                lines.append(current)
                current = ""
            }
            current += (current.isEmpty ? "" : " ") + word
        }
        if !current.isEmpty { lines.append(current) }
        return lines.joined(separator: "\n")
    }
}

extension String {
    /// The text without spaces at its end.
    var trimmingTrailingSpaces: String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
