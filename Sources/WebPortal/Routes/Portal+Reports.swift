import FormEngine
import GapReports
import Hummingbird
import Records
import UseCases

extension Portal {
    func addReportsRoutes(to routes: PortalRoutes) {
        for kind in ReportKind.allCases {
            routes.people(.get, "/reports/\(kind.rawValue)", kind.readers) { request, context, sender in
                try await LongWork.run {
                    let document = try await report(kind, sender: sender, request: request, format: "portal html")
                    let schoolForm = configuration.schoolForm?.id
                    let collections = try await safeguarding.collections().filter { $0.formID == schoolForm }
                    let query = request.uri.queryParameters
                    let body = ReportPage.html(
                        document, kind: kind, asOf: query["as-of"].map(String.init) ?? safeguarding.today().iso,
                        collection: query["collection"].map(String.init).flatMap { $0.isEmpty ? nil : $0 },
                        collections: collections.map { ($0.name, $0.title) }.reversed())
                    return page(document.title, body, context: context)
                }
            }
            routes.people(.get, "/reports/\(kind.rawValue).csv", kind.readers) { request, context, sender in
                try await LongWork.run {
                    let document = try await report(kind, sender: sender, request: request, format: "portal csv")
                    return try Self.csv(document, table: request.uri.queryParameters["table"].map(String.init))
                }
            }
        }
    }

    /// A report as the sender may read it; `collection` and `as-of` in the query choose the round and the date.
    func report(_ kind: ReportKind, sender: Sender, request: Request, format: String) async throws
        -> ReportDocument
    {
        let query = request.uri.queryParameters
        var asOf: Day?
        if let text = query["as-of"], !text.isEmpty {
            guard let day = Day(iso: String(text)) else {
                throw PortalError.badRequest("as-of must be a date written YYYY-MM-DD, like 2026-07-31.")
            }
            asOf = day
        }
        let options = ReportOptions(
            collection: query["collection"].map(String.init).flatMap { $0.isEmpty ? nil : $0 }, asOf: asOf,
            format: format)
        return try await safeguarding.report(kind, options: options, by: sender)
    }

    /// One of a report's tables as a CSV download.
    static func csv(_ document: ReportDocument, table id: String?) throws -> Response {
        guard let id else {
            throw PortalError.badRequest(
                "Say which table to download with ?table=: one of \(document.tables.map(\.id).joined(separator: ", "))."
            )
        }
        let table = try document.table(id)
        var response = text(CSV.byteOrderMark + CSVRenderer.render(table), type: "text/csv; charset=utf-8")
        response.headers[.contentDisposition] = "attachment; filename=\"\(document.id)-\(table.id).csv\""
        return response
    }
}
