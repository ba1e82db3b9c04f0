import FormEngine
import Foundation
import Records
import SQLiteStore
import TestSupport
import UseCases
import StoreKinds
import Testing

@Suite("Revalidation and replay")
struct RevalidationAndReplayTests {
    /// A store holding the example returns and applications.
    static func storeWithExamples(_ kind: StoreKind = .sqlite) async throws -> TemporaryCounty {
        let temporary = try await TemporaryCounty(kind)
        try await temporary.importRegister()
        try await temporary.openCollection()
        for example in [
            "returns/oakfield-primary.yaml", "returns/hillcrest-junior.json", "returns/riverside-corrected.yaml",
        ] {
            try await temporary.submit(example: example, asOf: "2026-07-22")
        }
        for example in [
            "applications/amir-patel-renewal.yaml", "applications/beth-jones-incomplete.yaml",
            "applications/carl-mason-refer.json",
        ] {
            try await temporary.submit(example: example, asOf: "2026-10-20")
        }
        return temporary
    }

    @Test(
        "after a rule parameter changes, revalidate lists exactly the submissions whose decision changed",
        arguments: StoreKind.available)
    func changedParameter(_ kind: StoreKind) async throws {
        let temporary = try await Self.storeWithExamples(kind)
        let changed = try catalogWith(
            rules: "section11-school-return", replacing: "  staff_update_months:\n    value: 12",
            with: "  staff_update_months:\n    value: 10")
        let report = try await temporary.cases(catalog: changed).revalidate(
            formID: nil, asOf: Day(iso: "2026-11-21")!, by: .commandLine("officer"))
        #expect(report.evaluated == 6)
        // Oakfield's last update was 2 September 2025 and Riverside's 1 September 2025, more than 10 months before
        // their declarations; Hillcrest's (3 September 2025) is 10 months and 5 days before its 8 July declaration.
        let changes = report.otherDecisionChanges
        #expect(changes.map(\.submissionID) == [1, 2, 3])
        #expect(changes.allSatisfy { $0.before == .accepted && $0.after == .referred })
        #expect(changes[0].added == ["s11.staff-update-out-of-date refer /staff/last_all_staff_update"])
        #expect(report.newlyRejected.isEmpty && report.newlyAccepted.isEmpty && report.findingsChanged.isEmpty)
        #expect(report.unchanged == 3)
        #expect(try await temporary.store.submissionDetail(1)?.evaluation.reason == .revalidated)
        let audited = try await temporary.store.auditLog(since: nil).last
        #expect(audited?.action == .revalidate)
        #expect(audited?.detail == "6 evaluated as of 2026-11-21; 3 decisions changed")
        let history = try await temporary.cases().history(of: "121734", by: tester)
        #expect(history[0].evaluations.map(\.record.decision) == [.accepted, .referred], "the old evaluation stays")
    }

    @Test("a newly rejected and a newly accepted submission are listed as such", arguments: StoreKind.available)
    func newlyRejectedAndAccepted(_ kind: StoreKind) async throws {
        let temporary = try await Self.storeWithExamples(kind)
        let stricter = try catalogWith(
            rules: "taxi-driver-application", replacing: "  minimum_age:\n    value: 21",
            with: "  minimum_age:\n    value: 50")
        let report = try await temporary.cases(catalog: stricter).revalidate(
            formID: "taxi-driver-application", asOf: Day(iso: "2026-10-20")!, by: .commandLine("officer"))
        #expect(report.evaluated == 3)
        #expect(report.newlyRejected.map(\.submissionID) == [4, 6])
        #expect(
            report.newlyRejected.allSatisfy { $0.added == ["taxi.under-minimum-age error /applicant/date_of_birth"] })
        #expect(report.findingsChanged.map(\.submissionID) == [5])
        let back = try await temporary.cases().revalidate(
            formID: "taxi-driver-application", asOf: nil, by: .commandLine("officer"))
        #expect(back.newlyAccepted.map(\.submissionID) == [4])
        #expect(back.otherDecisionChanges.map(\.submissionID) == [6])
    }

    @Test(
        "an old evaluation replays from its stored hashes, whatever the rules say today", arguments: StoreKind.available
    )
    func replay(_ kind: StoreKind) async throws {
        let temporary = try await Self.storeWithExamples(kind)
        let changed = try catalogWith(
            rules: "section11-school-return", replacing: "  staff_update_months:\n    value: 12",
            with: "  staff_update_months:\n    value: 10")
        _ = try await temporary.cases(catalog: changed).revalidate(
            formID: nil, asOf: Day(iso: "2026-11-21")!, by: .commandLine("officer"))
        let evaluations = try await temporary.cases().history(of: "121734", by: tester)[0].evaluations.map(\.record)
        let original = try await temporary.cases().replay(evaluationID: evaluations[0].id!, by: tester)
        #expect(original.matches)
        #expect(original.replayed.decision == .accepted)
        #expect(original.replayed.ruleSetHash == catalog.ruleSets["section11-school-return"]!.hash)
        let revalidated = try await temporary.cases().replay(evaluationID: evaluations[1].id!, by: tester)
        #expect(revalidated.matches)
        #expect(revalidated.replayed.decision == .referred)
        #expect(revalidated.replayed.ruleSetHash != original.replayed.ruleSetHash)
        await #expect(throws: Refusal.noSuchEvaluation(999)) {
            try await temporary.cases().replay(evaluationID: 999, by: tester)
        }
    }

    @Test(
        "the collection's period is recorded with an evaluation and used again in replay",
        arguments: StoreKind.available)
    func parametersReplayed(_ kind: StoreKind) async throws {
        let temporary = try await TemporaryCounty(kind)
        try await temporary.importRegister()
        _ = try await temporary.cases().openCollection(
            "s11-2024-25", formID: "section11-school-return", periodStart: Day(iso: "2024-09-01")!,
            periodEnd: Day(iso: "2025-08-31")!, due: Day(iso: "2025-09-30")!, by: tester)
        let id = try #require(storedID(try await temporary.submit(example: "returns/oakfield-primary.yaml")))
        let evaluation = try #require(try await temporary.store.submissionDetail(id)?.evaluation)
        #expect(evaluation.parameters == #"{"period_end":"2025-08-31","period_start":"2024-09-01"}"#)
        #expect(evaluation.decision == .rejected)
        let replayed = try await temporary.cases().replay(evaluationID: evaluation.id!, by: tester)
        #expect(replayed.matches)
        #expect(replayed.replayed.findings.filter { $0.rule == "s11.session-outside-period" }.count == 3)
    }
}
