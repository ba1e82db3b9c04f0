import FormEngine
import Foundation
import GRDB
import GapReports
import Records
@testable import SQLiteStore
import SampleCounty
import StoreKinds
import TestSupport
import Testing
import UseCases

@Suite("Report facts kept when a submission is stored")
struct ReportFactsTests {
    /// Every report, in every format, as the policy officer reads them on the sample's day.
    static func everyReport(_ cases: Safeguarding, asOf: Day) async throws -> [String: String] {
        var rendered: [String: String] = [:]
        for kind in [ReportKind.schools, .licensing, .chase] {
            let document = try await cases.report(kind, options: ReportOptions(asOf: asOf, format: "test"), by: tester)
            rendered["\(kind.rawValue).txt"] = TextRenderer.render(document)
            rendered["\(kind.rawValue).md"] = MarkdownRenderer.render(document)
            rendered["\(kind.rawValue).json"] = JSONRenderer.render(document)
            rendered["\(kind.rawValue).html"] = HTMLRenderer.render(document)
            for (name, text) in CSVRenderer.files(document) { rendered[name] = text }
        }
        return rendered
    }

    /// A sample county loaded into a new store.
    static func sampleCounty() async throws -> (TemporaryCounty, Safeguarding, Day) {
        let temporary = try await TemporaryCounty()
        let options = SampleCounty.Options(schools: 60, drivers: 120)
        let folder = temporary.folder.appendingPathComponent("county").path
        try SampleCounty.generate(options, into: folder)
        let cases = Safeguarding(store: temporary.store, catalog: catalog, today: { options.asOf })
        _ = try await cases.loadSample(from: folder, today: options.asOf, by: tester)
        return (temporary, cases, options.asOf)
    }

    @Test("every report, in every format, is the same from the facts kept at submit as from the stored answers")
    func factsAgreeWithAnswers() async throws {
        let (temporary, cases, asOf) = try await Self.sampleCounty()
        let kept = try await Self.everyReport(cases, asOf: asOf)
        #expect(kept.count > 10)
        #expect(kept["schools.txt"]?.contains("Year groups") == true)
        let (submissions, facts) = try await temporary.sqlite.pool.read { db in
            (
                try Int.fetchOne(db, sql: "SELECT count(*) FROM submission")!,
                try Int.fetchOne(
                    db, sql: "SELECT (SELECT count(*) FROM returnFact) + (SELECT count(*) FROM driverFact)")!
            )
        }
        #expect(submissions > 150 && facts == submissions, "every stored version keeps its facts")
        let keptRows = try await Self.factRows(temporary)
        // The store as Safeguarding before v11 left it: no facts, every submission listed to fill from its answers.
        try await temporary.sqlite.pool.write { db in
            try db.execute(sql: "DELETE FROM returnFact; DELETE FROM driverFact")
            try db.execute(sql: "INSERT INTO factBackfill SELECT 0, max(id) FROM submission")
        }
        let filled = try await Self.everyReport(cases, asOf: asOf)
        for name in kept.keys.sorted() {
            #expect(filled[name] == kept[name], "\(name) is the same from facts filled from the stored answers")
        }
        let left = try await temporary.sqlite.pool.read { db in
            (
                try Int.fetchOne(db, sql: "SELECT count(*) FROM factBackfill")!,
                try Int.fetchOne(
                    db, sql: "SELECT (SELECT count(*) FROM returnFact) + (SELECT count(*) FROM driverFact)")!
            )
        }
        #expect(left.0 == 0 && left.1 == submissions, "the fill is done once, and fills every version")
        let filledRows = try await Self.factRows(temporary)
        #expect(keptRows.count == submissions)
        #expect(filledRows.count == keptRows.count, "the fill makes a row for every version, no more")
        for (keptRow, filledRow) in zip(keptRows, filledRows) {
            #expect(keptRow == filledRow, "a version's facts kept at submit are those filled from its answers")
        }
    }

    /// Every version's fact row, every column, in version order: the returns' and the drivers'.
    static func factRows(_ temporary: TemporaryCounty) async throws -> [String] {
        try await temporary.sqlite.pool.read { db in
            try ["returnFact", "driverFact"].flatMap { table in
                try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY submissionID").map(\.description)
            }
        }
    }

    @Test("a store that cannot be written, with facts still to fill, refuses the report rather than count without them")
    func readOnlyNeedsFilling() async throws {
        let temporary = try await TemporaryCounty()
        try await temporary.importRegister()
        try await temporary.openCollection()
        try await temporary.submit(example: "returns/oakfield-primary.yaml", asOf: "2026-07-22")
        try await temporary.sqlite.pool.write { db in
            try db.execute(sql: "DELETE FROM returnFact")
            try db.execute(sql: "INSERT INTO factBackfill SELECT 0, max(id) FROM submission")
        }
        let path = temporary.folder.appendingPathComponent("test.sqlite").path
        // As `SQLiteStore.open` opens a file its user cannot write (which root, running CI, always can).
        var readOnly = try SQLiteStore.open(path: path)
        readOnly.isReadOnly = true
        let cases = Safeguarding(store: readOnly, catalog: catalog, today: { Day(iso: "2026-10-20")! })
        await #expect(throws: Refusal.readOnlyDatabase(path)) {
            _ = try await cases.report(.schools, options: ReportOptions(format: "test"), by: tester)
        }
    }

    @Test(
        "revalidation keeps each version's facts with its newest decision; a new version replaces the latest",
        arguments: StoreKind.available)
    func factsFollowDecisions(_ kind: StoreKind) async throws {
        let temporary = try await RevalidationAndReplayTests.storeWithExamples(kind)
        let stricter = try catalogWith(
            rules: "taxi-driver-application", replacing: "  minimum_age:\n    value: 21",
            with: "  minimum_age:\n    value: 50")
        _ = try await temporary.cases(catalog: stricter).revalidate(
            formID: "taxi-driver-application", asOf: Day(iso: "2026-10-20")!, by: .commandLine("officer"))
        let applications = try await temporary.store.latestApplications(
            formID: "taxi-driver-application", district: nil
        ).flatMap { $0 }
        #expect(applications.map(\.id) == [4, 5, 6])
        #expect(applications.map(\.decision) == [.rejected, .rejected, .rejected], "4 and 6 newly rejected")
        #expect(applications[0].facts.dbsUpdateService && applications[0].facts.registerSearched)
        try await temporary.submit(example: "applications/amir-patel-renewal.yaml", asOf: "2026-10-20")
        let after = try await temporary.store.latestApplications(formID: "taxi-driver-application", district: nil)
            .flatMap { $0 }
        #expect(after.map(\.id) == [5, 6, 7], "the new version is its driver's latest; the one it replaces is not")
        #expect(after.last?.decision == .accepted)
    }
}
