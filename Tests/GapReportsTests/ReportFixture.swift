import FormEngine
import Foundation
import GapReports
import ReturnStore
import Testing

/// The repository's folders.
enum Paths {
    static let root: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/")
    }()
    static var examples: String { root + "/Examples" }
    static var expected: String { root + "/Tests/GapReportsTests/Expected" }
}

let catalog: FormCatalog = try! FormCatalog.load(
    formsDirectory: Paths.root + "/Forms", rulesDirectory: Paths.root + "/Rules"
).get()

/// A small county whose figures are worked out by hand in the tests: the example register (7 open schools),
/// three returns to s11-2025-26 (Riverside's corrected after the due date), and the three example applications
/// with a grant, a deferral and an Update Service check.
final class ReportFixture: @unchecked Sendable {
    // `@unchecked Sendable`: set up once in `init` and only read after; nothing mutates it.
    let folder: URL
    let store: ReturnStore
    let schools: SchoolsAnalysis
    let licensing: LicensingAnalysis

    static let shared = try! ReportFixture()

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("reports-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        store = try ReturnStore.open(path: folder.appendingPathComponent("fixture.sqlite").path)
        let register = try FileBytes.read(Paths.examples + "/register/gias-extract.csv").get().bytes
        _ = try store.importRegister(
            register, file: "gias.csv", schoolForm: catalog.forms["section11-school-return"]!, actor: "t"
        ).get()
        let collection = try store.openCollection(
            name: "s11-2025-26", formID: "section11-school-return", periodStart: Day(iso: "2025-09-01")!,
            periodEnd: Day(iso: "2026-08-31")!, due: Day(iso: "2026-09-30")!, actor: "t")
        try Self.submit(
            ["returns/oakfield-primary.yaml", "returns/hillcrest-junior.json", "returns/riverside-broken.yaml"],
            to: store, collection: collection, on: "2026-07-15")
        try Self.submit(["returns/riverside-corrected.yaml"], to: store, collection: collection, on: "2026-10-05")
        try Self.submit(
            [
                "applications/amir-patel-renewal.yaml", "applications/beth-jones-incomplete.yaml",
                "applications/carl-mason-refer.json",
            ], to: store, collection: nil, on: "2026-10-20")
        _ = try store.decide(
            submissionID: 5, outcome: .grant, licenceStart: Day(iso: "2026-11-01"), licenceEnd: Day(iso: "2029-10-31"),
            note: "Renewal", actor: "t")
        _ = try store.decide(
            submissionID: 7, outcome: .deferred, licenceStart: nil, licenceEnd: nil, note: "Await trial", actor: "t")
        _ = try store.recordDBSCheck(
            driverNumber: "PATEL702238AP9AB", checkedOn: Day(iso: "2026-11-15")!, result: .noChange, note: nil,
            actor: "t")
        schools = try SchoolsAnalysis.make(
            store: store, catalog: catalog, collection: "s11-2025-26", asOf: Day(iso: "2026-10-01")!)
        licensing = try LicensingAnalysis.make(store: store, catalog: catalog, asOf: Day(iso: "2026-11-20")!)
    }

    private static func submit(_ files: [String], to store: ReturnStore, collection: CollectionRecord?, on day: String)
        throws
    {
        let validator = Validator(catalog: catalog)
        let parameters = collection?.ruleParameters ?? [:]
        let evaluations = try files.map { file in
            validator.evaluate(
                try FileBytes.read(Paths.examples + "/" + file).get().bytes, file: file, asOf: Day(iso: day)!,
                parameters: parameters)
        }
        let context = SubmissionContext(
            collection: collection, source: "file", submitter: "t", receivedAt: day + "T10:00:00Z")
        _ = try store.store(evaluations, context: context, catalog: catalog, parameters: parameters)
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    /// The schools report document.
    var schoolsDocument: ReportDocument {
        SchoolsReport.document(schools, lists: catalog.forms["section11-school-return"]!.lists)
    }

    /// The licensing report document.
    var licensingDocument: ReportDocument { LicensingReport.document(licensing) }
}
