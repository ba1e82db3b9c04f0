import FormEngine
import Foundation
import ReturnStore
import Testing

@Suite("Revalidation and replay")
struct RevalidationAndReplayTests {
    /// A store holding the example returns and applications.
    static func storeWithExamples() throws -> TemporaryStore {
        let temporary = try TemporaryStore()
        try temporary.importRegister()
        let collection = try temporary.openCollection()
        for example in [
            "returns/oakfield-primary.yaml", "returns/hillcrest-junior.json", "returns/riverside-corrected.yaml",
        ] {
            _ = try temporary.submit(example: example, collection: collection, asOf: "2026-07-22")
        }
        for example in [
            "applications/amir-patel-renewal.yaml", "applications/beth-jones-incomplete.yaml",
            "applications/carl-mason-refer.json",
        ] {
            _ = try temporary.submit(example: example, asOf: "2026-10-20")
        }
        return temporary
    }

    @Test("after a rule parameter changes, revalidate lists exactly the submissions whose decision changed")
    func changedParameter() throws {
        let temporary = try Self.storeWithExamples()
        let changed = try catalogWith(
            rules: "section11-school-return", replacing: "  staff_update_months:\n    value: 12",
            with: "  staff_update_months:\n    value: 10")
        let report = try temporary.store.revalidate(
            validator: Validator(catalog: changed), asOf: Day(iso: "2026-11-21")!, actor: "officer")
        #expect(report.evaluated == 6)
        // Oakfield's last update was 2 September 2025 and Riverside's 1 September 2025, more than 10 months before
        // their declarations; Hillcrest's (3 September 2025) is 10 months and 5 days before its 8 July declaration.
        let changes = report.otherDecisionChanges
        #expect(changes.map(\.submissionID) == [1, 2, 3])
        #expect(changes.allSatisfy { $0.before == "accepted" && $0.after == "referred" })
        #expect(changes[0].added == ["s11.staff-update-out-of-date refer /staff/last_all_staff_update"])
        #expect(report.newlyRejected.isEmpty && report.newlyAccepted.isEmpty && report.findingsChanged.isEmpty)
        #expect(report.unchanged == 3)
        #expect(try temporary.store.latestEvaluation(ofSubmission: 1)?.reason == "revalidated")
        let history = try temporary.store.history(subjectKey: "121734", actor: "test")
        #expect(history[0].evaluations.map(\.record.decision) == ["accepted", "referred"], "the old evaluation stays")
    }

    @Test("a newly rejected and a newly accepted submission are listed as such")
    func newlyRejectedAndAccepted() throws {
        let temporary = try Self.storeWithExamples()
        let stricter = try catalogWith(
            rules: "taxi-driver-application", replacing: "  minimum_age:\n    value: 21",
            with: "  minimum_age:\n    value: 50")
        let report = try temporary.store.revalidate(
            formID: "taxi-driver-application", validator: Validator(catalog: stricter), asOf: Day(iso: "2026-10-20")!,
            actor: "officer")
        #expect(report.evaluated == 3)
        #expect(report.newlyRejected.map(\.submissionID) == [4, 6])
        #expect(
            report.newlyRejected.allSatisfy { $0.added == ["taxi.under-minimum-age error /applicant/date_of_birth"] })
        #expect(report.findingsChanged.map(\.submissionID) == [5])
        let back = try temporary.store.revalidate(
            formID: "taxi-driver-application", validator: Validator(catalog: catalog), asOf: Day(iso: "2026-10-20")!,
            actor: "officer")
        #expect(back.newlyAccepted.map(\.submissionID) == [4])
        #expect(back.otherDecisionChanges.map(\.submissionID) == [6])
    }

    @Test("an old evaluation replays from its stored hashes, whatever the rules say today")
    func replay() throws {
        let temporary = try Self.storeWithExamples()
        let changed = try catalogWith(
            rules: "section11-school-return", replacing: "  staff_update_months:\n    value: 12",
            with: "  staff_update_months:\n    value: 10")
        _ = try temporary.store.revalidate(
            validator: Validator(catalog: changed), asOf: Day(iso: "2026-11-21")!, actor: "officer")
        let evaluations = try temporary.store.history(subjectKey: "121734", actor: "test")[0].evaluations.map(\.record)
        let original = try temporary.store.replay(evaluationID: evaluations[0].id!)
        #expect(original.matches)
        #expect(original.replayed.decision == .accepted)
        #expect(original.replayed.ruleSetHash == catalog.ruleSets["section11-school-return"]!.hash)
        let revalidated = try temporary.store.replay(evaluationID: evaluations[1].id!)
        #expect(revalidated.matches)
        #expect(revalidated.replayed.decision == .referred)
        #expect(revalidated.replayed.ruleSetHash != original.replayed.ruleSetHash)
        #expect(throws: StoreError.self) { try temporary.store.replay(evaluationID: 999) }
    }

    @Test("the collection's period is recorded with an evaluation and used again in replay")
    func parametersReplayed() throws {
        let temporary = try TemporaryStore()
        try temporary.importRegister()
        let earlier = try temporary.store.openCollection(
            name: "s11-2024-25", formID: "section11-school-return", periodStart: Day(iso: "2024-09-01")!,
            periodEnd: Day(iso: "2025-08-31")!, due: Day(iso: "2025-09-30")!, actor: "test")
        let id = try #require(
            storedID(try temporary.submit(example: "returns/oakfield-primary.yaml", collection: earlier)))
        let evaluation = try #require(try temporary.store.latestEvaluation(ofSubmission: id))
        #expect(evaluation.parameters == #"{"period_end":"2025-08-31","period_start":"2024-09-01"}"#)
        #expect(evaluation.decision == "rejected")
        let replayed = try temporary.store.replay(evaluationID: evaluation.id!)
        #expect(replayed.matches)
        #expect(replayed.replayed.findings.filter { $0.rule == "s11.session-outside-period" }.count == 3)
    }
}
