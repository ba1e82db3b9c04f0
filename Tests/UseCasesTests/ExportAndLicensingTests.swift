import FormEngine
import Foundation
import GapReports
import Records
import SQLiteStore
import TestSupport
import UseCases
import StoreKinds
import Testing

@Suite("Export across form versions")
struct ExportTests {
    /// The school form as a version 3: a new question, and a question dropped.
    static func versionTwo() throws -> FormCatalog {
        let path = Paths.root + "/Forms/section11-school-return.yaml"
        var text = try String(contentsOfFile: path, encoding: .utf8)
        text = text.replacingOccurrences(of: "version: \"2\"", with: "version: \"3\"")
        text = text.replacingOccurrences(
            of:
                "      - {id: dsl_phone, type: phone, label: The DSL's phone number, kept: \"The board's contact at the school, for follow-up and reminders\"}\n",
            with: "      - {id: deputy_dsl_trained, type: yes-no, label: Has the deputy DSL had formal training?}\n")
        let form = try FormDefinition.load(bytes: Array(text.utf8), file: path).get()
        let rules = try RuleSet.load(
            bytes: catalog.ruleSets["section11-school-return"]!.bytes, file: "section11-school-return.rules.yaml",
            forms: [form.id: form], includingTests: false
        ).get()
        return FormCatalog(forms: [form, catalog.forms["taxi-driver-application"]!], ruleSets: [rules])
    }

    @Test(
        "CSV columns span both versions, with a form_version column; repeats go in their own files",
        arguments: StoreKind.available)
    func csvAcrossVersions(_ kind: StoreKind) async throws {
        let temporary = try await TemporaryCounty(kind)
        try await temporary.importRegister()
        try await temporary.openCollection()
        _ = try await temporary.submit(example: "returns/oakfield-primary.yaml")
        let v2 = try Self.versionTwo()
        let text = try String(contentsOfFile: Paths.examples + "/returns/hillcrest-junior.json", encoding: .utf8)
            .replacingOccurrences(
                of: "\"safeguarding_governor\"", with: "\"deputy_dsl_trained\": \"yes\", \"safeguarding_governor\"")
        _ = try await temporary.submit(text: text, catalog: v2)
        let files = try await temporary.cases(catalog: v2).exportCSV(
            formID: "section11-school-return", allVersions: false, by: .commandLine("officer"))
        #expect(
            files.map(\.name) == [
                "section11-school-return.csv", "section11-school-return.cse.sessions.csv",
                "section11-school-return.missing.sessions.csv", "section11-school-return.school.other_deputies.csv",
            ])
        #expect(files.allSatisfy { $0.text.hasPrefix("\u{FEFF}") }, "each file starts with the byte order mark")
        let main = String(files[0].text.dropFirst()).components(separatedBy: "\r\n")
        let header = main[0].components(separatedBy: ",")
        #expect(
            header.prefix(7) == [
                "submission", "form_version", "subject", "collection", "district", "received_at", "decision",
            ])
        #expect(header.contains("school.deputy_dsl_trained"), "version 3's question")
        #expect(header.contains("school.dsl_phone"), "version 2's question, which version 3 dropped")
        #expect(header.firstIndex(of: "school.deputy_dsl_trained")! < header.firstIndex(of: "school.dsl_phone")!)
        let rows = main.dropFirst().filter { !$0.isEmpty }.map { $0.components(separatedBy: ",") }
        #expect(rows.map { $0[1] } == ["2", "3"])
        let deputy = header.firstIndex(of: "school.dsl_phone")!
        let trained = header.firstIndex(of: "school.deputy_dsl_trained")!
        #expect(rows[0][deputy] == "01604 496000" && rows[0][trained] == "")
        #expect(rows[1][deputy] == "" && rows[1][trained] == "yes")
        let sessions = String(files[1].text.dropFirst()).components(separatedBy: "\r\n")
        #expect(
            sessions[0]
                == "submission,item,topic,audience,year_groups,provider_type,provider_name,programme,date,number_reached,quality_assured,quality_assured_by"
        )
        #expect(
            sessions[1]
                == "1,1,online-safety-and-sharing-images,pupils,year-5; year-6,police,The RISE team,Keeping safe online,2026-02-10,58,yes,The DSL observed and reviewed pupil feedback"
        )
        #expect(try await temporary.store.auditLog(since: nil).last?.detail == "CSV, 2 submissions")
    }

    @Test(
        "JSON Lines: one object a submission, with its answers as bound; every version on request",
        arguments: StoreKind.available)
    func jsonLines(_ kind: StoreKind) async throws {
        let temporary = try await TemporaryCounty(kind)
        try await temporary.importRegister()
        try await temporary.openCollection()
        _ = try await temporary.submit(example: "returns/riverside-broken.yaml")
        _ = try await temporary.submit(example: "returns/riverside-corrected.yaml")
        var latest: [String] = []
        try await temporary.cases().exportJSONLines(formID: nil, allVersions: false, by: tester) { latest.append($0) }
        #expect(latest.count == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(latest[0].utf8)) as? [String: Any])
        #expect(object["submission"] as? Int == 2)
        #expect(object["supersedes"] as? Int == 1)
        #expect(object["decision"] as? String == "accepted")
        #expect(
            ((object["answers"] as? [String: Any])?["school"] as? [String: Any])?["dsl_last_training"] as? String
                == "2025-03-14")
        var all: [String] = []
        try await temporary.cases().exportJSONLines(formID: "section11-school-return", allVersions: true, by: tester) {
            all.append($0)
        }
        #expect(all.count == 2)
        #expect(all.allSatisfy { $0.hasSuffix("}\n") && !$0.dropLast().contains("\n") })
    }
}

@Suite("Licensing decisions and checks")
struct LicensingTests {
    @Test(
        "a grant is recorded with its dates; an incomplete or replaced application cannot be granted",
        arguments: StoreKind.available)
    func decisions(_ kind: StoreKind) async throws {
        let temporary = try await TemporaryCounty(kind)
        let cases = temporary.cases()
        let ready = try #require(
            storedID(try await temporary.submit(example: "applications/amir-patel-renewal.yaml", asOf: "2026-10-20")))
        let incomplete = try #require(
            storedID(try await temporary.submit(example: "applications/beth-jones-incomplete.yaml", asOf: "2026-10-20"))
        )
        let start = Day(iso: "2026-11-01")!
        let granted = try await cases.decide(
            DecisionRequest(submissionID: ready, outcome: .grant, start: start), by: .commandLine("o"))
        #expect(granted.licenceStart == "2026-11-01" && granted.licenceEnd == "2029-10-31" && granted.decidedBy == "o")
        await #expect(throws: Refusal.incomplete(incomplete)) {
            try await cases.decide(DecisionRequest(submissionID: incomplete, outcome: .grant, start: start), by: tester)
        }
        let refused = try await cases.decide(
            DecisionRequest(submissionID: incomplete, outcome: .refuse, note: "Incomplete", grounds: .other),
            by: .commandLine("o"))
        #expect(refused.outcome == .refuse && refused.licenceStart == nil)
        _ = try await temporary.submit(example: "applications/amir-patel-renewal.yaml", asOf: "2026-10-21")
        await #expect(throws: Refusal.replaced(ready, by: 3)) {
            try await cases.decide(
                DecisionRequest(submissionID: ready, outcome: .refuse, note: "Late", grounds: .other), by: tester)
        }
        #expect(try await temporary.store.submissionDetail(incomplete)?.decisions.map(\.outcome) == [.refuse])
    }

    @Test(
        "a decision made once for both doors: dates, conditions and reasons, and an earlier decision replaced only when said",
        arguments: StoreKind.available
    )
    func decisionRules(_ kind: StoreKind) async throws {
        let temporary = try await TemporaryCounty(kind)
        let cases = temporary.cases()
        let id = try #require(
            storedID(try await temporary.submit(example: "applications/carl-mason-refer.json", asOf: "2026-10-20")))
        let start = Day(iso: "2026-11-01")!
        await #expect(throws: Refusal.licenceStartNeeded) {
            try await cases.decide(DecisionRequest(submissionID: id, outcome: .grant), by: tester)
        }
        await #expect(throws: Refusal.licenceDatesReversed(start: start, end: Day(iso: "2026-10-01")!)) {
            try await cases.decide(
                DecisionRequest(submissionID: id, outcome: .grant, start: start, end: Day(iso: "2026-10-01")),
                by: tester)
        }
        await #expect(throws: Refusal.noteNeeded(.grantWithConditions), "conditions are what such a grant is") {
            try await cases.decide(
                DecisionRequest(submissionID: id, outcome: .grantWithConditions, start: start, note: "  "), by: tester)
        }
        await #expect(throws: Refusal.noteNeeded(.refuse)) {
            try await cases.decide(DecisionRequest(submissionID: id, outcome: .refuse), by: tester)
        }
        _ = try await cases.decide(
            DecisionRequest(submissionID: id, outcome: .deferred, note: "To the sub-committee"), by: .commandLine("o"))
        let granted = try await cases.decide(
            DecisionRequest(submissionID: id, outcome: .grantWithConditions, start: start, note: "Annual DBS check"),
            by: .commandLine("o"))
        #expect(granted.note == "Annual DBS check", "a decision that follows a deferral needs no more")
        await #expect(
            throws: Refusal.earlierDecision(
                submission: id, outcome: .grantWithConditions, by: "o", on: String(granted.decidedAt.prefix(10)))
        ) {
            try await cases.decide(
                DecisionRequest(submissionID: id, outcome: .refuse, note: "Appeal lost", grounds: .other), by: tester)
        }
        let replaced = try await cases.decide(
            DecisionRequest(
                submissionID: id, outcome: .refuse, note: "New information", replacesEarlier: true,
                grounds: .safeguarding),
            by: tester)
        #expect(replaced.outcome == .refuse)
        let log = try await temporary.store.auditLog(since: nil).filter { $0.action == .decide }
        #expect(log.last?.detail.contains("replaces the decision of") == true, "the audit log says what it replaced")
        #expect(try await temporary.store.submissionDetail(id)?.decisions.count == 3, "every decision is kept")
    }

    @Test(
        "Update Service checks are kept per driver; an unknown driver, or a check after today, is refused",
        arguments: StoreKind.available)
    func dbsChecks(_ kind: StoreKind) async throws {
        let temporary = try await TemporaryCounty(kind)
        let cases = temporary.cases(today: "2027-06-01")
        _ = try await temporary.submit(example: "applications/amir-patel-renewal.yaml", asOf: "2026-10-20")
        _ = try await cases.recordDBSCheck(
            driver: "patel702238ap9ab", on: Day(iso: "2026-11-15")!, result: .noChange, note: nil, by: tester)
        _ = try await cases.recordDBSCheck(
            driver: "PATEL702238AP9AB", on: Day(iso: "2027-05-15")!, result: .newInformation, note: "Ask", by: tester)
        #expect(
            try await temporary.cases().history(of: "PATEL702238AP9AB", by: tester).last?.dbsChecks.map(\.result) == [
                .noChange, .newInformation,
            ])
        await #expect(throws: Refusal.noApplicationForDriver("JONES957309BA9XY")) {
            try await cases.recordDBSCheck(
                driver: "JONES957309BA9XY", on: Day(iso: "2026-11-15")!, result: .noChange, note: nil, by: tester)
        }
        await #expect(throws: Refusal.dateInFuture(Day(iso: "2027-06-02")!, today: Day(iso: "2027-06-01")!)) {
            try await cases.recordDBSCheck(
                driver: "PATEL702238AP9AB", on: Day(iso: "2027-06-02")!, result: .noChange, note: nil, by: tester)
        }
    }
}

@Suite("The licensing report reads the DBS Update Service as it works")
struct UpdateServiceReportTests {
    @Test(
        "a status check keeps a certificate in date only if it was added to the Update Service within 30 days",
        arguments: StoreKind.available)
    func statusCheckNeedsTimelySubscription(_ kind: StoreKind) async throws {
        let temporary = try await TemporaryCounty(kind)
        let onTime = try String(
            contentsOfFile: Paths.examples + "/applications/amir-patel-renewal.yaml", encoding: .utf8)
        // Another driver with a newer certificate, added to the Update Service 75 days after issue: in date when
        // granted, but its status check counts for nothing, so by January its own age has run out.
        let late = onTime.replacingOccurrences(of: "PATEL702238AP9AB", with: "PATEL702238AP9AC")
            .replacingOccurrences(of: "issue_date: 2023-09-18", with: "issue_date: 2026-06-01")
            .replacingOccurrences(of: "subscription_date: 2023-09-25", with: "subscription_date: 2026-08-15")
        #expect(late.contains("2026-08-15") && late.contains("2026-06-01"))
        let cases = temporary.cases()
        for text in [onTime, late] {
            let id = try #require(storedID(try await temporary.submit(text: text, asOf: "2026-10-20")))
            _ = try await cases.decide(
                DecisionRequest(submissionID: id, outcome: .grant, start: Day(iso: "2026-10-20")), by: tester)
        }
        let report = try await temporary.cases().report(
            .licensing, options: ReportOptions(asOf: Day(iso: "2027-01-15")!, format: "test"), by: tester)
        let table = try report.table("by-district")
        let column = try #require(table.columns.firstIndex(of: "DBS in date %"))
        let kettering = try #require(table.rows.first { $0.first == .text("Kettering") })
        #expect(kettering[column] == .share(part: 1, whole: 2), "only the certificate subscribed in time is in date")
    }
}
