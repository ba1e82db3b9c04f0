/// Renders a report as one self-contained HTML page: no scripts, no fonts or images from elsewhere, charts as
/// inline SVG with a caption and a data table each, and a print style. Every value is escaped.
public enum HTMLRenderer {
    /// The report as an HTML page.
    public static func render(_ document: ReportDocument) -> String {
        """
        <!DOCTYPE html>
        <html lang="en-GB">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escape(document.title))</title>
        <style>\(style)</style>
        </head>
        <body>
        <header><h1>\(escape(document.title))</h1><p class="subtitle">\(escape(document.subtitle))</p></header>
        <main>
        \(content(document))</main>
        </body>
        </html>

        """
    }

    /// The report's content without a page around it: its headings, paragraphs, charts and tables, then every
    /// table not yet shown, as data. The portal puts this inside its own pages.
    public static func content(_ document: ReportDocument) -> String {
        var body = ""
        var printed = Set<String>()
        for block in document.blocks {
            switch block {
            case .heading(let text): body += "<h2>\(escape(text))</h2>\n"
            case .paragraph(let text): body += "<p>\(escape(text))</p>\n"
            case .chart(let chart): body += figure(chart)
            case .trend(let trend): body += multiples(trend)
            case .table(let table):
                if printed.insert(table.id).inserted { body += self.table(table) }
            }
        }
        for table in document.tables where printed.insert(table.id).inserted {
            body += "<h2>Data: \(escape(table.caption))</h2>\n" + self.table(table)
        }
        return body
    }

    /// A chart: an SVG of horizontal bars (the county's darker), its caption, and a data table of its bars beside it.
    static func figure(_ chart: BarChart) -> String {
        let rowHeight = 24
        let labelWidth = 190
        let barWidth = 360
        let width = labelWidth + barWidth + 60
        let axisY = chart.bars.count * rowHeight + 8
        let height = axisY + 22
        var svg =
            "<svg role=\"img\" aria-label=\"\(escape(chart.caption))\" viewBox=\"0 0 \(width) \(height)\" "
            + "width=\"\(width)\" height=\"\(height)\" xmlns=\"http://www.w3.org/2000/svg\">\n"
        for tick in stride(from: 0, through: 100, by: 25) {
            let x = labelWidth + tick * barWidth / 100
            svg += "<line x1=\"\(x)\" y1=\"2\" x2=\"\(x)\" y2=\"\(axisY)\" class=\"grid\"/>"
            svg += "<text x=\"\(x)\" y=\"\(axisY + 15)\" text-anchor=\"middle\" class=\"tick\">\(tick)%</text>\n"
        }
        for (index, bar) in chart.bars.enumerated() {
            let y = index * rowHeight + 4
            let length = Int(((bar.share.percentage ?? 0) * Double(barWidth) / 100).rounded())
            let kind = bar.label == countyLabel || bar.label == limitedTotalLabel ? "bar total" : "bar"
            svg += "<text x=\"\(labelWidth - 8)\" y=\"\(y + 14)\" text-anchor=\"end\">\(escape(bar.label))</text>"
            svg += "<rect x=\"\(labelWidth)\" y=\"\(y + 2)\" width=\"\(length)\" height=\"16\" class=\"\(kind)\"/>"
            svg += "<text x=\"\(labelWidth + barWidth + 6)\" y=\"\(y + 14)\">\(escape(bar.share.text))</text>\n"
        }
        svg += "</svg>\n"
        let data = ReportTable(
            id: chart.table.id + "-chart", caption: chart.caption, columns: [chart.table.columns.first ?? "", "%"],
            rows: chart.bars.map { [.text($0.label), $0.share] })
        return "<figure>\n<figcaption>\(escape(chart.caption))</figcaption>\n<div class=\"chart\">\(svg)"
            + "\(table(data, caption: "Data for the chart"))</div></figure>\n"
    }

    /// Small charts of one measure across the rounds, one a district (the whole's darker), side by side; each SVG
    /// says its values in words, and the trends table follows with every figure.
    static func multiples(_ trend: TrendChart) -> String {
        let barWidth = 22
        let gap = 6
        let height = 60
        var html = "<figure>\n<figcaption>\(escape(trend.caption))</figcaption>\n<div class=\"multiples\">"
        for district in trend.districts {
            let width = max(trend.rounds.count, 1) * (barWidth + gap) + gap
            let words = zip(trend.rounds, district.values).map { "\($0): \($1.text)" }.joined(separator: ", ")
            var svg =
                "<svg role=\"img\" aria-label=\"\(escape(district.label)): \(escape(words))\" viewBox=\"0 0 \(width) \(height + 14)\" "
                + "width=\"\(width)\" height=\"\(height + 14)\" xmlns=\"http://www.w3.org/2000/svg\">"
            svg += "<line x1=\"0\" y1=\"\(height)\" x2=\"\(width)\" y2=\"\(height)\" class=\"grid\"/>"
            let kind = district.label == countyLabel || district.label == limitedTotalLabel ? "bar total" : "bar"
            for (index, value) in district.values.enumerated() {
                let length = Int(((value.percentage ?? 0) * Double(height - 14) / 100).rounded())
                let x = gap + index * (barWidth + gap)
                svg +=
                    "<rect x=\"\(x)\" y=\"\(height - length)\" width=\"\(barWidth)\" height=\"\(length)\" class=\"\(kind)\"/>"
                svg +=
                    "<text x=\"\(x + barWidth / 2)\" y=\"\(height - length - 3)\" text-anchor=\"middle\" class=\"tick\">"
                    + "\(escape(value.percentage.map { ReportCell.percent($0) } ?? "-"))</text>"
                svg +=
                    "<text x=\"\(x + barWidth / 2)\" y=\"\(height + 12)\" text-anchor=\"middle\" class=\"tick\">\(index + 1)</text>"
            }
            html += "<div class=\"multiple\">\(svg)</svg><p>\(escape(district.label))</p></div>"
        }
        let key = trend.rounds.enumerated().map { "\($0.offset + 1): \(escape($0.element))" }.joined(separator: "; ")
        return html + "</div><p class=\"none\">Rounds: \(key). Every figure is in the table below.</p></figure>\n"
    }

    /// A table with its caption; numbers are right-aligned.
    static func table(_ table: ReportTable, caption: String? = nil) -> String {
        guard !table.rows.isEmpty else { return "<p class=\"none\">\(escape(table.caption)): none.</p>\n" }
        // A wide table scrolls inside its own region, which the keyboard can reach (WCAG 2.1.1, 1.4.10).
        // Labelled by the table's own caption, which differs from table to table (a chart's data table's is the
        // chart's).
        var html =
            "<div class=\"table\" role=\"region\" aria-label=\"\(escape(table.caption))\" tabindex=\"0\"><table>\n"
            + "<caption>\(escape(caption ?? table.caption))</caption>\n<thead><tr>"
        html += table.columns.map { "<th scope=\"col\">\(escape($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for row in table.rows {
            html +=
                "<tr>"
                + row.enumerated().map { index, cell in
                    let numeric: Bool
                    switch cell {
                    case .text: numeric = false
                    default: numeric = true
                    }
                    let tag = index == 0 ? "th scope=\"row\"" : "td"
                    let end = index == 0 ? "th" : "td"
                    return "<\(tag)\(numeric ? " class=\"number\"" : "")>\(escape(cell.text))</\(end)>"
                }.joined() + "</tr>\n"
        }
        return html + "</tbody>\n</table></div>\n"
    }

    /// Text safe inside HTML and SVG: `&`, `<`, `>`, `"` and `'` as entities.
    public static func escape(_ text: String) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "'": output += "&#39;"
            default: output.append(character)
            }
        }
        return output
    }

    /// The page's style: GOV.UK's colours and type sizes, readable on screen and on paper.
    public static let style = """
        body{font-family:Arial,Helvetica,sans-serif;color:#0b0c0c;margin:0 auto;max-width:1200px;padding:0 20px 40px;line-height:1.4}
        header{border-bottom:10px solid #1d70b8;margin-bottom:20px}h1{font-size:2rem;margin:20px 0 5px}
        .subtitle{color:#505a5f;margin:0 0 15px}h2{font-size:1.5rem;margin:30px 0 10px}
        @media print{body{max-width:none;padding:0}header{border-bottom-width:4px}}

        """ + contentStyle

    /// The style of the report's content alone (charts and tables), for pages that bring their own layout.
    public static let contentStyle = """
        figure{margin:10px 0 25px;break-inside:avoid}figcaption{font-weight:bold;margin-bottom:5px}
        .chart{display:flex;flex-wrap:wrap;gap:10px 30px;align-items:flex-start}.chart svg{max-width:100%;height:auto}
        svg text{font-size:13px;fill:#0b0c0c}svg .tick{font-size:11px;fill:#505a5f}
        .bar{fill:#1d70b8}.bar.total{fill:#003078}.grid{stroke:#dee0e2;stroke-width:1}.table{overflow-x:auto;max-width:100%}
        .table:focus{outline:3px solid #ffdd00;box-shadow:0 0 0 6px #0b0c0c}
        .table table{border-collapse:collapse;margin:10px 0 20px;font-size:0.85rem}.table caption,.chart caption{text-align:left;font-weight:bold;padding:5px 0}
        .table th,.table td{border-bottom:1px solid #b1b4b6;padding:5px 8px;text-align:left;vertical-align:top}
        .table thead th{border-bottom:2px solid #0b0c0c}.table td.number,.table th.number{text-align:right}.none{color:#505a5f}
        .chart .table table{margin:0}.multiples{display:flex;flex-wrap:wrap;gap:10px 20px}
        .multiple{text-align:center}.multiple p{margin:0;font-size:0.85rem}
        @media print{.table{overflow:visible}table,figure{break-inside:avoid}h2{break-after:avoid}
        .bar{print-color-adjust:exact;-webkit-print-color-adjust:exact}}
        """
}
