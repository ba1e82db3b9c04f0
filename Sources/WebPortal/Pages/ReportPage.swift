import Foundation
import GapReports
import UseCases

/// A gap report inside the portal: a form to choose its date (and round), a CSV download of each table, then
/// the report itself with its charts.
enum ReportPage {
    /// The page's content; the download links carry the same date and round, so they give the same figures.
    static func html(
        _ document: ReportDocument, kind: ReportKind, asOf: String, collection: String?,
        collections: [(name: String, title: String)]
    ) -> String {
        var html =
            "<span class=\"govuk-caption-l\">\(Components.escape(document.subtitle))</span>"
            + "<h1 class=\"govuk-heading-l\">\(Components.escape(document.title))</h1>"
        html += "<form method=\"get\" action=\"/reports/\(kind.rawValue)\" novalidate class=\"govuk-report-options\">"
        if kind != .licensing {
            html += Components.select(
                id: "collection", name: "collection", label: "Round of returns", hint: "Blank for the newest",
                options: collections.map { ($0.name, $0.title) }, selected: collection, error: nil)
        }
        html +=
            Components.textInput(
                id: "as-of", name: "as-of", label: "Measured on", hint: "A date written YYYY-MM-DD", value: asOf,
                error: nil, width: "10")
            + Components.button("Show the report", name: "show", value: "1", secondary: true) + "</form>"
        var query = "as-of=\(asOf)"
        if let collection { query += "&collection=\(percentEncoded(collection))" }
        var seen = Set<String>()
        let links = document.tables.filter { seen.insert($0.id).inserted }.map { table in
            "<li><a class=\"govuk-link\" href=\"/reports/\(kind.rawValue).csv?table=\(table.id)&amp;\(Components.escape(query))\" download>"
                + "\(Components.escape(table.caption)) (CSV)</a></li>"
        }
        html +=
            "<details class=\"govuk-details\"><summary>Download the tables as CSV</summary><ul class=\"govuk-list\">"
            + links.joined() + "</ul></details>"
        return html + "<div class=\"govuk-report\">" + HTMLRenderer.content(document) + "</div>"
    }

    /// Text safe as a query parameter's value.
    private static func percentEncoded(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }
}
