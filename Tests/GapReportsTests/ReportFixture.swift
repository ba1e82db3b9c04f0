import FormEngine
import Foundation
import GapReports
import Records
import SQLiteStore
import TestSupport
import Testing
import UseCases

extension Paths {
    /// The reports this target's tests expect, rendered by hand-checked runs.
    static var expected: String { root + "/Tests/GapReportsTests/Expected" }
}

/// A small county whose figures are worked out by hand in the tests: the example register (7 open schools),
/// three returns to s11-2025-26 (Riverside's corrected after the due date), and the three example applications
/// with a grant, a deferral and an Update Service check.
final class ReportFixture: Sendable {
    let folder: URL
    let schools: SchoolsAnalysis
    let licensing: LicensingAnalysis

    /// The fixture, made once for every test that reads it.
    static let shared = Task { try await ReportFixture() }

    /// The fixture, made once.
    static func loaded() async throws -> ReportFixture { try await shared.value }

    private init() async throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("reports-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let store = try SQLiteStore.open(path: folder.appendingPathComponent("fixture.sqlite").path)
        let cases = Safeguarding(store: store, catalog: catalog, today: { Day(iso: "2026-11-20")! })
        let sender = Sender.commandLine("t")
        let register = try FileBytes.read(Paths.examples + "/register/gias-extract.csv").get().bytes
        _ = try await cases.importRegister(register, file: "gias.csv", by: sender).get()
        _ = try await cases.openCollection(
            "s11-2025-26", formID: "section11-school-return", periodStart: Day(iso: "2025-09-01")!,
            periodEnd: Day(iso: "2026-08-31")!, due: Day(iso: "2026-09-30")!, by: sender)
        func submit(_ files: [String], on day: String) async throws {
            let options = SubmitOptions(source: .file, asOf: Day(iso: day)!, receivedOn: Day(iso: day)!)
            try await cases.submit(files: files.map { Paths.examples + "/" + $0 }, options: options, by: sender) {
                results in
                for result in results { _ = try #require(storedID(result.outcome)) }
            }
        }
        try await submit(
            ["returns/oakfield-primary.yaml", "returns/hillcrest-junior.json", "returns/riverside-broken.yaml"],
            on: "2026-07-15")
        try await submit(["returns/riverside-corrected.yaml"], on: "2026-10-05")
        try await submit(
            [
                "applications/amir-patel-renewal.yaml", "applications/beth-jones-incomplete.yaml",
                "applications/carl-mason-refer.json",
            ], on: "2026-10-20")
        _ = try await cases.decide(
            DecisionRequest(submissionID: 5, outcome: .grant, start: Day(iso: "2026-11-01"), note: "Renewal"),
            by: sender)
        _ = try await cases.decide(
            DecisionRequest(submissionID: 7, outcome: .deferred, note: "Await trial"), by: sender)
        _ = try await cases.recordDBSCheck(
            driver: "PATEL702238AP9AB", on: Day(iso: "2026-11-15")!, result: .noChange, note: nil, by: sender)
        schools = try await SchoolsAnalysis.make(
            store: store, catalog: catalog, collection: "s11-2025-26", asOf: Day(iso: "2026-10-01")!,
            today: Day(iso: "2026-10-01")!)
        licensing = try await LicensingAnalysis.make(store: store, catalog: catalog, asOf: Day(iso: "2026-11-20")!)
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    /// The schools report document.
    var schoolsDocument: ReportDocument { SchoolsReport.document(schools) }

    /// The licensing report document.
    var licensingDocument: ReportDocument { LicensingReport.document(licensing) }
}
