import FormEngine
import Foundation
import GapReports
import TestSupport
import Testing

@Suite("Every format of both reports, against expected files, and agreeing with each other")
struct FormatTests {
    /// Every file each format makes of a report, by name.
    static func renderings(_ document: ReportDocument) -> [(name: String, text: String)] {
        [
            ("\(document.id).txt", TextRenderer.render(document)),
            ("\(document.id).md", MarkdownRenderer.render(document)),
            ("\(document.id).json", JSONRenderer.render(document) + "\n"),
            ("\(document.id).html", HTMLRenderer.render(document)),
        ] + CSVRenderer.files(document)
    }

    @Test(
        "each format matches its expected file (UPDATE_EXPECTED=1 writes them afresh)",
        arguments: ["schools", "licensing"])
    func expectedFiles(report: String) async throws {
        let fixture = try await ReportFixture.loaded()
        let document = report == "schools" ? fixture.schoolsDocument : fixture.licensingDocument
        let update = ProcessInfo.processInfo.environment["UPDATE_EXPECTED"] == "1"
        for (name, text) in Self.renderings(document) {
            let path = Paths.expected + "/" + name
            if update { try text.write(toFile: path, atomically: true, encoding: .utf8) }
            // Decoded as bytes: reading with an encoding would drop a CSV file's byte order mark.
            let expected = String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
            #expect(text == expected, "\(name) differs from Tests/GapReportsTests/Expected/\(name)")
        }
    }

    @Test("the numbers agree across text, CSV, JSON, Markdown and HTML", arguments: ["schools", "licensing"])
    func agree(report: String) async throws {
        let fixture = try await ReportFixture.loaded()
        let document = report == "schools" ? fixture.schoolsDocument : fixture.licensingDocument
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(JSONRenderer.render(document).utf8)) as? [String: Any])
        let jsonTables = json["tables"] as? [[String: Any]] ?? []
        #expect(jsonTables.count == Set(document.tables.map(\.id)).count, "every table once in the JSON")
        let html = HTMLRenderer.render(document)
        let markdown = MarkdownRenderer.render(document)
        let text = TextRenderer.render(document)
        for table in document.tables {
            let expected = table.rows.map { $0.map(\.text) }
            // CSV: read back with the project's reader; shares and changes are plain numbers there.
            let csv = CSVRenderer.render(table)
            let rows = try CSVReader.rows(of: csv).get().map { $0.map(\.text) }
            #expect(rows.first?.count == table.columns.count)
            #expect(rows.count == table.rows.count + 1)
            #expect(
                zip(rows.dropFirst(), table.rows).map { values, cells in zip(values, cells).map(Self.text(ofCSV:like:))
                }
                    == expected, "CSV of \(table.id)")
            // JSON: a share's percent, rounded as shown; counts as numbers; text as text.
            let jsonTable = try #require(
                jsonTables.first(where: { $0["id"] as? String == table.id }), "JSON has \(table.id)")
            do {
                let jsonRows = jsonTable["rows"] as? [[String: Any]] ?? []
                #expect(jsonRows.count == table.rows.count)
                for (row, object) in zip(table.rows, jsonRows) {
                    #expect(Set(object.keys) == Set(table.columns), "JSON row of \(table.id) keyed by the columns")
                    for (column, cell) in zip(table.columns, row) {
                        #expect(
                            Self.text(of: object[column] ?? NSNull(), like: cell) == cell.text, "JSON of \(table.id)")
                    }
                }
            }
            let htmlRows = Self.rows(ofHTML: html)
            let markdownRows = Self.rows(ofMarkdown: markdown)
            for row in expected {
                #expect(htmlRows.contains(row), "HTML row \(row) of \(table.id)")
                #expect(markdownRows.contains(row), "Markdown row \(row) of \(table.id)")
                #expect(
                    text.split(separator: "\n").contains { line in row.allSatisfy { $0.isEmpty || line.contains($0) } },
                    "text row \(row)")
            }
        }
    }

    /// The cells of every table row of an HTML page, tags removed and entities read.
    static func rows(ofHTML html: String) -> [[String]] {
        html.components(separatedBy: "<tr>").dropFirst().map { row in
            let body = row.components(separatedBy: "</tr>")[0]
            return body.components(separatedBy: "</t").dropLast().map { cell in
                let text = cell.components(separatedBy: ">").last ?? ""
                return text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
                    .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
                    .replacingOccurrences(of: "&amp;", with: "&")
            }
        }
    }

    /// The cells of every pipe-table row of a Markdown text, escapes removed.
    static func rows(ofMarkdown markdown: String) -> [[String]] {
        markdown.split(separator: "\n").filter { $0.hasPrefix("| ") }.map { line in
            var cells: [String] = []
            var current = ""
            var escaped = false
            for character in line.dropFirst(2) {
                if escaped {
                    current.append(character)
                    escaped = false
                } else if character == "\\" {
                    escaped = true
                } else if character == "|" {
                    cells.append(current.trimmingCharacters(in: .whitespaces))
                    current = ""
                } else {
                    current.append(character)
                }
            }
            return cells
        }
    }

    /// A CSV value shown as the other formats show it: a share's number with `%`, a change's with ` pts`.
    static func text(ofCSV value: String, like cell: ReportCell) -> String {
        switch cell {
        case .share: return value.isEmpty ? "-" : value + "%"
        case .change: return value.isEmpty ? "-" : value + " pts"
        default: return value
        }
    }

    /// A JSON cell shown as the other formats show it.
    static func text(of value: Any, like cell: ReportCell) -> String {
        switch cell {
        case .share:
            guard let object = value as? [String: Any], let percent = object["percent"] as? Double else { return "-" }
            let text = percent == percent.rounded() ? String(Int(percent)) : String(percent)
            return text + "%"
        case .count: return (value as? Int).map(String.init) ?? "?"
        case .text: return value as? String ?? "?"
        case .change:
            guard let points = value as? Double else { return "-" }
            return (points > 0 ? "+" : "") + (points == points.rounded() ? String(Int(points)) : String(points))
                + " pts"
        case .empty: return value is NSNull ? "" : "?"
        }
    }

    @Test("HTML escapes every value: a school named with markup shows as text")
    func escaping() {
        let table = ReportTable(
            id: "t", caption: "<b>caption</b>", columns: ["A & B"], rows: [[.text("<script>alert('x')</script>")]])
        let document = ReportDocument(id: "x", title: "T \"quoted\"", subtitle: "", blocks: [.table(table)])
        let html = HTMLRenderer.render(document)
        #expect(!html.contains("<script>") && !html.contains("<b>caption"))
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"))
        #expect(html.contains("A &amp; B") && html.contains("T &quot;quoted&quot;"))
        let markdown = MarkdownRenderer.render(document)
        #expect(markdown.contains("\\<script\\>"))
    }

    @Test("the HTML page is self-contained: no scripts, no links, no fetches")
    func selfContained() async throws {
        let fixture = try await ReportFixture.loaded()
        for document in [fixture.schoolsDocument, fixture.licensingDocument] {
            let html = HTMLRenderer.render(document)
            #expect(
                !html.contains("<script") && !html.contains("<link") && !html.contains("src=") && !html.contains("url(")
            )
            #expect(html.contains("<svg") && html.contains("@media print"))
            #expect(
                html.components(separatedBy: "<figure>").count - 1 == html.components(separatedBy: "<figcaption>").count
                    - 1)
        }
    }
}
