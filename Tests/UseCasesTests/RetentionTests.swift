import FormEngine
import Foundation
import Records
import SQLiteStore
import StoreKinds
import TestSupport
import Testing
import UseCases

@Suite("Retention and subject access")
struct RetentionTests {
    /// The project's schedule.
    static let schedule = try! RetentionSchedule.load(path: Paths.root + "/Policies/retention.yaml").get()

    /// A county with: a school's broken return replaced by its correction; a driver granted a licence to 2040 whose
    /// renewal has since arrived; a driver refused, with an Update Service check; a school's draft.
    struct County {
        let temporary: TemporaryCounty
        let brokenReturn: Int64
        let correctedReturn: Int64
        let granted: Int64
        let renewal: Int64
        let refused: Int64

        init(_ kind: StoreKind = .sqlite) async throws {
            temporary = try await TemporaryCounty(kind)
            try await temporary.importRegister()
            try await temporary.openCollection()
            brokenReturn = try #require(storedID(try await temporary.submit(example: "returns/riverside-broken.yaml")))
            correctedReturn = try #require(
                storedID(try await temporary.submit(example: "returns/riverside-corrected.yaml")))
            let cases = temporary.cases()
            granted = try #require(
                storedID(
                    try await temporary.submit(example: "applications/amir-patel-renewal.yaml", asOf: "2026-10-20")))
            _ = try await cases.decide(
                DecisionRequest(
                    submissionID: granted, outcome: .grant, start: Day(iso: "2026-10-20"), end: Day(iso: "2040-01-01")),
                by: tester)
            renewal = try #require(
                storedID(
                    try await temporary.submit(example: "applications/amir-patel-renewal.yaml", asOf: "2026-10-20")))
            refused = try #require(
                storedID(try await temporary.submit(example: "applications/beth-jones-incomplete.yaml")))
            _ = try await cases.decide(
                DecisionRequest(
                    submissionID: refused, outcome: .refuse, note: "Failed the safeguarding assessment",
                    grounds: .safeguarding),
                by: tester)
            _ = try await cases.recordDBSCheck(
                driver: "JONES957309BA9XY", on: Day(iso: "2026-10-19")!, result: .noChange, note: nil, by: tester)
            let school = try await cases.addAccount(role: .school, scope: "121734", name: "Oakfield", by: tester)
            try await cases.saveDraft("{}", by: .account(school.account))
        }

        /// The licence the renewal's facts hold for its driver.
        func renewalLicence() async throws -> DriverLicence? {
            try await temporary.store.latestApplications(formID: "taxi-driver-application", district: nil).joined()
                .first { $0.id == renewal }?.licence
        }

        /// Every row of the tables retention may touch, by table, as text: to see that nothing else changed.
        func rows() async throws -> [String: Set<String>] {
            let store = temporary.store
            var rows: [String: Set<String>] = [:]
            for id in try await store.latestSubmissionIDs(formID: nil) {
                rows["latest", default: []].insert("\(id)")
            }
            for key in ["121734", "PATEL702238AP9AB", "JONES957309BA9XY", "137455"] {
                let held = try await store.subjectRecords(subjectKey: key)
                for submission in held?.submissions ?? [] {
                    rows["submission", default: []].insert("\(submission.id!) supersedes \(submission.supersedes ?? 0)")
                }
                for decision in held?.decisions ?? [] { rows["decision", default: []].insert("\(decision.id!)") }
                for check in held?.dbsChecks ?? [] { rows["check", default: []].insert("\(check.id!)") }
            }
            return rows
        }
    }

    @Test("the project's schedule gives every kind a period and a source")
    func projectSchedule() {
        #expect(Set(Self.schedule.periods.keys) == Set(RetentionKind.allCases))
        #expect(Self.schedule.periods[.refusedApplications]?.words == "11 years")
        #expect(Self.schedule.periods[.refusedApplications]?.source.contains("NR3S") == true)
        #expect(Self.schedule.periods.values.allSatisfy { !$0.source.isEmpty })
    }

    @Test(
        "listing changes nothing; applying erases only what is past its period, and keeps what a licence rests on",
        arguments: StoreKind.available)
    func listAndApply(_ kind: StoreKind) async throws {
        let county = try await County(kind)
        let cases = county.temporary.cases()
        let before = try await county.rows()

        let today = try await cases.retention(Self.schedule, asOf: nil, apply: false, by: tester)
        #expect(today.asOf.iso == "2026-10-20")
        #expect(today.items.filter { $0.kind != .auditEntries && $0.kind != .drafts }.isEmpty, "nothing is old yet")

        let later = Day(iso: "2033-06-01")!
        let listed = try await cases.retention(Self.schedule, asOf: later, apply: false, by: tester)
        let superseded = listed.items.filter { $0.kind == .supersededVersions }
        #expect(superseded.map(\.target) == ["submission \(county.brokenReturn)", "submission \(county.granted)"])
        #expect(superseded.last?.keptBecause == "a licence in force was granted on it")
        #expect(listed.items.contains { $0.kind == .drafts && $0.keptBecause == nil })
        #expect(!listed.items.contains { $0.kind == .refusedApplications }, "a refusal is kept 11 years")
        let grantLine = listed.items.filter { $0.kind == .auditEntries && $0.keptBecause != nil }
        #expect(grantLine.count == 1, "the audit line of the grant in force is kept")
        #expect(try await county.rows() == before, "listing erased nothing")

        let applied = try await cases.retention(Self.schedule, asOf: later, apply: true, by: tester)
        #expect(applied.items.map(\.target) == listed.items.map(\.target))
        var expected = before
        expected["submission"]?.remove("\(county.brokenReturn) supersedes 0")
        expected["submission"]?.remove("\(county.correctedReturn) supersedes \(county.brokenReturn)")
        expected["submission"]?.insert("\(county.correctedReturn) supersedes 0")
        #expect(try await county.rows() == expected, "only the broken return went; its correction is now the first")
        let history = try await county.temporary.store.history(subjectKey: "137455")
        #expect(history.map(\.submission.id) == [county.correctedReturn])
        #expect(try await county.temporary.store.draft(accountID: 1, formID: "section11-school-return") == nil)
        let log = try await county.temporary.store.auditLog(since: nil)
        #expect(log.count == 2, "the grant's line, and the erasure's own")
        #expect(log.first?.action == .decide && log.first?.target == "submission \(county.granted)")
        #expect(log.last?.action == .retention)
        #expect(
            log.last?.detail
                == "as of 2033-06-01: erased 1 drafts, 0 sessions, 1 superseded-versions, 0 refused-applications, "
                + "0 register-entries, \(listed.items.filter { $0.kind == .auditEntries }.count - 1) audit-entries")

        let decade = try await cases.retention(Self.schedule, asOf: Day(iso: "2038-01-01")!, apply: true, by: tester)
        #expect(
            decade.items.filter { $0.kind == .refusedApplications }.map(\.target) == ["submission \(county.refused)"])
        #expect(
            try await county.temporary.store.subjectRecords(subjectKey: "JONES957309BA9XY") == nil,
            "the refused driver's application, decision and check are gone after 11 years")
        #expect(try await county.temporary.store.submission(county.granted) != nil, "the licence to 2040 still rests")
        #expect(
            try await county.temporary.store.latestSubmissionIDs(formID: nil) == [
                county.correctedReturn, county.renewal,
            ])
        #expect(
            try await county.renewalLicence()
                == DriverLicence(granted: true, start: Day(iso: "2026-10-20"), end: Day(iso: "2040-01-01"), endsOn: nil),
            "the renewal carries the licence granted on the version before it")

        let expired = try await cases.retention(Self.schedule, asOf: Day(iso: "2047-01-01")!, apply: true, by: tester)
        #expect(expired.items.contains { $0.target == "submission \(county.granted)" && $0.keptBecause == nil })
        #expect(
            try await county.renewalLicence() == DriverLicence(),
            "with the grant's version erased, the licence is worked out again from the decisions left: none")
    }

    @Test(
        "a subject's export holds every version, decision, check and audit line about them, and no one else's",
        arguments: StoreKind.available)
    func subjectExport(_ kind: StoreKind) async throws {
        let county = try await County(kind)
        let cases = county.temporary.cases()
        let text = try await cases.subjectExport("JONES957309BA9XY", by: tester)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(json["subject_key"] as? String == "JONES957309BA9XY")
        let submissions = try #require(json["submissions"] as? [[String: Any]])
        #expect(submissions.map { $0["id"] as? Int } == [Int(county.refused)])
        #expect(
            (submissions.first?["received"] as? String)?.contains("driver_number: JONES957309BA9XY") == true,
            "the application as received, as text")
        #expect((json["decisions"] as? [[String: Any]])?.map { $0["outcome"] as? String } == ["refuse"])
        #expect((json["dbs_checks"] as? [[String: Any]])?.count == 1)
        let audit = (json["audit"] as? [[String: Any]])?.compactMap { $0["action"] as? String }
        #expect(audit == ["submit", "decide", "dbs-check"])
        #expect(!text.contains("PATEL702238AP9AB") && !text.contains("137455"), "nothing of anyone else")
        let logged = try await county.temporary.store.auditLog(since: nil).last
        #expect(logged?.action == .subjectExport && logged?.target == "submissions \(county.refused)")
        #expect(logged.map { !$0.detail.contains("JONES") && !$0.target.contains("JONES") } == true)

        await #expect(throws: Refusal.nothingHeldAbout("NOONE000000XX0XX")) {
            try await cases.subjectExport("NOONE000000XX0XX", by: tester)
        }
        let school = try await cases.addAccount(role: .school, scope: "121734", name: "Oakfield", by: tester)
        await #expect(throws: Refusal.notAllowed(.school)) {
            try await cases.subjectExport("137455", by: .account(school.account))
        }
    }

    @Test("a broken schedule names each problem's line and column, and what to write")
    func brokenSchedule() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("schedule-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("retention.yaml").path
        try """
        periods:
          drafts:
            keep: ninety days
            source: Local decision
          sesions:
            keep: 30 days
            source: Local decision
          superseded-versions:
            keep: 6 years
          refused-applications:
            keep: 11 years
            source: NR3S
          audit-entries:
            keep: 0 years
            source: Limitation Act 1980
        """.write(toFile: path, atomically: true, encoding: .utf8)
        guard case .failure(let errors) = RetentionSchedule.load(path: path) else {
            Issue.record("a broken schedule was loaded")
            return
        }
        let lines = errors.description.split(separator: "\n").map(String.init)
        #expect(
            lines == [
                "\(path):2:3: error: The schedule has no period for sessions (from when it ended): add one under 'periods:'.",
                "\(path):2:3: error: The schedule has no period for register-entries (from the decision): add one under 'periods:'.",
                "\(path):3:11: error: Say how long to keep drafts with 'keep:', a number of days, months or years, like 'keep: 6 years'.",
                "\(path):5:3: error: 'sesions' is not a kind of record the schedule covers. Did you mean 'sessions'? The kinds are: drafts, sessions, superseded-versions, refused-applications, register-entries, audit-entries.",
                "\(path):9:5: error: Say where the period for superseded-versions comes from with 'source:' (the law, the guidance or the decision).",
                "\(path):14:11: error: Say how long to keep audit-entries with 'keep:', a number of days, months or years, like 'keep: 6 years'.",
            ])
    }
}
