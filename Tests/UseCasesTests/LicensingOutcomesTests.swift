import FormEngine
import Foundation
import GapReports
import Records
import SQLiteStore
import StoreKinds
import TestSupport
import Testing
import UseCases

@Suite("Every licensing outcome: its grounds, when it takes effect, the appeal window, the report's counts")
struct LicensingOutcomesTests {
    /// Today as the store dates decisions (the appeal window runs from the day a decision is recorded).
    let today = Day(iso: Date().formatted(.iso8601.year().month().day()))!

    func day(_ days: Int) -> Day { Day(daysSinceEpoch: today.daysSinceEpoch + days) }

    @Test(
        "suspend and revoke act on a licence granted, with grounds; at once or when the 21 days have run",
        arguments: StoreKind.available)
    func suspendAndRevoke(_ kind: StoreKind) async throws {
        let temporary = try await TemporaryCounty(kind)
        let cases = temporary.cases(today: today.iso)
        let patel = try #require(
            storedID(try await temporary.submit(example: "applications/amir-patel-renewal.yaml", asOf: "2026-10-20")))
        let mason = try #require(
            storedID(try await temporary.submit(example: "applications/carl-mason-refer.json", asOf: "2026-10-20")))
        let officer = Sender.commandLine("o")
        await #expect(throws: Refusal.noLicenceInForce(submission: patel, outcome: .suspend)) {
            try await cases.decide(
                DecisionRequest(submissionID: patel, outcome: .suspend, note: "x", grounds: .safeguarding), by: officer)
        }
        for id in [patel, mason] {
            _ = try await cases.decide(
                DecisionRequest(
                    submissionID: id, outcome: id == patel ? .grant : .grantWithConditions, start: day(-30),
                    years: 1, note: id == patel ? nil : "A one-year licence while the caution is reviewed"),
                by: officer)
        }
        await #expect(throws: Refusal.groundsNeeded(.suspend)) {
            try await cases.decide(DecisionRequest(submissionID: patel, outcome: .suspend, note: "Police"), by: officer)
        }
        await #expect(throws: Refusal.immediateNotFor(.refuse)) {
            try await cases.decide(
                DecisionRequest(
                    submissionID: patel, outcome: .refuse, note: "x", replacesEarlier: true, grounds: .other,
                    immediate: true), by: officer)
        }
        // Patel: suspended at once, on safeguarding grounds, with no --replace (it acts on the licence).
        let suspended = try await cases.decide(
            DecisionRequest(
                submissionID: patel, outcome: .suspend, note: "Arrested: information from the police",
                grounds: .safeguarding, immediate: true), by: officer)
        #expect(suspended.effectiveOn == today.iso && suspended.grounds == .safeguarding)
        #expect(suspended.appealBy == day(20), "21 days, beginning with the day of the decision")
        // Mason: revoked, not at once: still licensed until the 21 days have run.
        let revoked = try await cases.decide(
            DecisionRequest(submissionID: mason, outcome: .revoke, note: "Road safety", grounds: .roadSafety),
            by: officer)
        #expect(revoked.effectiveOn == day(21).iso && revoked.appealBy == day(20))

        let now = try await LicensingAnalysis.make(store: temporary.store, catalog: catalog, asOf: today)
        #expect(now.drivers.first { $0.submission == patel }?.licensed == false, "suspended at once")
        #expect(now.drivers.first { $0.submission == mason }?.licensed == true, "until the appeal period has run")
        #expect(now.total.suspended == 1 && now.total.revoked == 1 && now.total.granted == 0)
        let later = try await LicensingAnalysis.make(store: temporary.store, catalog: catalog, asOf: day(21))
        #expect(later.drivers.first { $0.submission == mason }?.licensed == false, "revoked from its effective day")
        let document = LicensingReport.document(now)
        let table = try document.table("by-district")
        #expect(
            table.columns.contains("Suspended") && table.columns.contains("Revoked")
                && table.columns.contains("To sub-committee") && table.columns.contains("Not renewed"))
        #expect(
            !LicensingReport.actionTable(later).rows.contains { $0[1] == .count(Int(mason)) },
            "no action on a revoked licence")
    }

    @Test(
        "a referral to the sub-committee waits for its decision; refusing to renew needs its grounds",
        arguments: StoreKind.available)
    func referAndRefuseToRenew(_ kind: StoreKind) async throws {
        let temporary = try await TemporaryCounty(kind)
        let cases = temporary.cases(today: today.iso)
        let mason = try #require(
            storedID(try await temporary.submit(example: "applications/carl-mason-refer.json", asOf: "2026-10-20")))
        let referred = try await cases.decide(
            DecisionRequest(submissionID: mason, outcome: .referToCommittee, note: "Caution for violence in 2020"),
            by: tester)
        #expect(referred.appealBy == nil && referred.effectiveOn == nil, "nothing to appeal yet")
        let analysis = try await LicensingAnalysis.make(store: temporary.store, catalog: catalog, asOf: today)
        #expect(analysis.total.referredToCommittee == 1)
        await #expect(throws: Refusal.groundsNeeded(.refuseToRenew)) {
            try await cases.decide(
                DecisionRequest(submissionID: mason, outcome: .refuseToRenew, note: "Sub-committee"), by: tester)
        }
        let refused = try await cases.decide(
            DecisionRequest(
                submissionID: mason, outcome: .refuseToRenew, note: "Sub-committee: violence", grounds: .violence),
            by: tester)
        #expect(refused.appealBy == day(20) && refused.effectiveOn == nil)
        let after = try await LicensingAnalysis.make(store: temporary.store, catalog: catalog, asOf: today)
        #expect(after.total.refusedToRenew == 1 && after.total.referredToCommittee == 0)
        #expect(
            try await temporary.store.auditLog(since: nil).last?.detail.hasPrefix("refuse-to-renew, violence grounds; ")
                == true,
            "the audit line names the outcome and its grounds")
    }

    @Test(
        "a licence granted ends no later than the driver's permission to stay: on that day when no end is given",
        arguments: StoreKind.available)
    func permissionToStayCapsTheTerm(_ kind: StoreKind) async throws {
        let temporary = try await TemporaryCounty(kind)
        let cases = temporary.cases(today: "2026-10-20")
        let officer = Sender.commandLine("o")
        let application = try String(
            contentsOfFile: Paths.examples + "/applications/amir-patel-renewal.yaml", encoding: .utf8)
        let limited = try #require(
            storedID(
                try await temporary.submit(
                    text: application.replacingOccurrences(
                        of: "  right_to_work_evidence: uk-or-irish-passport\n",
                        with: "  right_to_work_evidence: share-code\n  leave_ends: 2028-01-31\n"),
                    asOf: "2026-10-20")))
        let start = Day(iso: "2026-11-01")!
        await #expect(throws: Refusal.licenceOutlastsLeave(leaveEnds: Day(iso: "2028-01-31")!)) {
            try await cases.decide(
                DecisionRequest(submissionID: limited, outcome: .grant, start: start, end: Day(iso: "2029-10-31")!),
                by: officer)
        }
        await #expect(throws: Refusal.licenceOutlastsLeave(leaveEnds: Day(iso: "2028-01-31")!)) {
            try await cases.decide(
                DecisionRequest(submissionID: limited, outcome: .grant, start: Day(iso: "2028-02-01")!), by: officer)
        }
        let granted = try await cases.decide(
            DecisionRequest(submissionID: limited, outcome: .grant, start: start), by: officer)
        #expect(granted.licenceStart == "2026-11-01" && granted.licenceEnd == "2028-01-31")

        // A British passport is no time-limited permission: a date given anyway does not apply, and changes nothing.
        let passport = try #require(
            storedID(
                try await temporary.submit(
                    text: application.replacingOccurrences(of: "PATEL702238AP9AB", with: "PATEL702238AP9AC")
                        .replacingOccurrences(
                            of: "  right_to_work_evidence: uk-or-irish-passport\n",
                            with: "  right_to_work_evidence: uk-or-irish-passport\n  leave_ends: 2028-01-31\n"),
                    asOf: "2026-10-20")))
        let full = try await cases.decide(
            DecisionRequest(submissionID: passport, outcome: .grant, start: start), by: officer)
        #expect(full.licenceEnd == LicensingOutcome.licenceEnd(from: start, years: 3).iso)
    }
}
