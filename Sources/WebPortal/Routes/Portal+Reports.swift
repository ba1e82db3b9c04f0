import FormEngine
import GapReports
import Hummingbird
import ReturnStore

/// The gap reports the portal and the API serve.
enum ReportKind: String, CaseIterable, Sendable {
    case schools
    case licensing

    /// Who may read it: the schools report the policy officer; the licensing report the policy officer (every
    /// district) and licensing officers (their own).
    var readers: Set<Role> { self == .schools ? [.policy] : [.policy, .licensing] }
}

extension Portal {
    func addReportsRoutes(to router: Router<PortalContext>) {
        for kind in ReportKind.allCases {
            router.get("/reports/\(kind.rawValue)") { request, context in
                let account = try require(context, kind.readers)
                let document = try await report(kind, account: account, request: request, format: "html")
                let schoolForm = configuration.schoolForm?.id
                let collections = try await Blocking.run {
                    try store.collections().filter { $0.formID == schoolForm }.map(\.name).reversed()
                }
                let query = request.uri.queryParameters
                let body = ReportPage.html(
                    document, kind: kind, asOf: query["as-of"].map(String.init) ?? configuration.today().iso,
                    collection: query["collection"].map(String.init).flatMap { $0.isEmpty ? nil : $0 },
                    collections: Array(collections))
                return page(document.title, body, context: context)
            }
            router.get("/reports/\(kind.rawValue).csv") { request, context in
                let account = try require(context, kind.readers)
                let document = try await report(kind, account: account, request: request, format: "csv")
                return try Self.csv(document, table: request.uri.queryParameters["table"].map(String.init))
            }
        }
    }

    /// A report as the account may read it: the licensing report only for a licensing officer's own district.
    /// `collection` and `as-of` in the query choose the round and the date. Reading a report is audited.
    func report(_ kind: ReportKind, account: AccountRecord, request: Request, format: String) async throws
        -> ReportDocument
    {
        let query = request.uri.queryParameters
        var asOf = configuration.today()
        if let text = query["as-of"], !text.isEmpty {
            guard let day = Day(iso: String(text)) else {
                throw PortalError.badRequest("as-of must be a date written YYYY-MM-DD, like 2026-07-31.")
            }
            asOf = day
        }
        let collection = query["collection"].map(String.init).flatMap { $0.isEmpty ? nil : $0 }
        let district = Role(rawValue: account.role) == .licensing ? account.scope : nil
        let (store, catalog) = (self.store, self.catalog)
        let date = asOf
        do {
            return try await Blocking.run {
                let document: ReportDocument
                switch kind {
                case .schools:
                    let analysis = try SchoolsAnalysis.make(
                        store: store, catalog: catalog, collection: collection, asOf: date)
                    document = SchoolsReport.document(
                        analysis, lists: catalog.forms[analysis.collection.formID]?.lists ?? [:])
                case .licensing:
                    document = LicensingReport.document(
                        try LicensingAnalysis.make(store: store, catalog: catalog, asOf: date, district: district))
                }
                try store.audit(
                    actor: account.name, action: "view", target: "report \(kind.rawValue)",
                    detail: "portal \(format), as of \(date.iso)" + (district.map { ", district \($0)" } ?? ""))
                return document
            }
        } catch let error as StoreError {
            throw PortalError.notFound(error.message)
        }
    }

    /// One of a report's tables as a CSV download.
    static func csv(_ document: ReportDocument, table id: String?) throws -> Response {
        let names = document.tables.map(\.id).joined(separator: ", ")
        guard let id else { throw PortalError.badRequest("Say which table to download with ?table=: one of \(names).") }
        guard let table = document.tables.first(where: { $0.id == id }) else {
            throw PortalError.notFound("There is no table '\(id)' in this report. The tables are: \(names).")
        }
        var response = text(CSVRenderer.render(table), type: "text/csv; charset=utf-8")
        response.headers[.contentDisposition] = "attachment; filename=\"\(document.id)-\(table.id).csv\""
        return response
    }
}
