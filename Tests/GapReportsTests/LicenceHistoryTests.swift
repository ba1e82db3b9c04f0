import FormEngine
import Records
import Testing

@testable import GapReports

/// A driver's licence state, from their decisions in the order recorded, and their Update Service checks'.
@Suite struct LicenceHistoryTests {
    private func day(_ text: String) -> Day { Day(iso: text)! }

    private func decision(
        _ id: Int64, _ outcome: LicensingOutcome, on submission: Int64 = 1, driver: String = "D1",
        from start: String? = nil, to end: String? = nil, effective: String? = "2026-01-01"
    ) -> LicenceDecision {
        LicenceDecision(
            id: id, submissionID: submission, driver: driver, outcome: outcome, licenceStart: start.map(day),
            licenceEnd: end.map(day), takesEffect: effective.map(day))
    }

    @Test("a grant licenses its term; a suspension ends it from the day it takes effect; a new grant licenses again")
    func grantsAndEndings() throws {
        let (histories, outcomes) = LicenceHistory.of([
            decision(1, .grant, from: "2026-01-01", to: "2028-12-31"),
            decision(2, .suspend, effective: "2026-06-01"),
            decision(3, .grant, on: 2, from: "2026-09-01", to: "2029-08-31"),
            decision(4, .grant, on: 3, driver: "D2", from: "2026-01-01", to: "2026-12-31"),
        ])
        let first = try #require(histories["D1"])
        #expect(!first.licensed(on: day("2026-05-31")), "the new grant's term has not begun")
        #expect(first.licensed(on: day("2026-09-01")))
        #expect(first.licensed(on: day("2029-08-31")))
        #expect(!first.licensed(on: day("2029-09-01")))
        #expect(outcomes == [1: .suspend, 2: .grant, 3: .grant], "the latest decision on each application")

        let suspended = LicenceHistory.of([
            decision(1, .grant, from: "2026-01-01", to: "2028-12-31"), decision(2, .suspend, effective: "2026-06-01"),
        ]).byDriver["D1"]
        #expect(suspended?.licensed(on: day("2026-05-31")) == true, "until the suspension takes effect")
        #expect(suspended?.licensed(on: day("2026-06-01")) == false)
        #expect(histories["D2"]?.licensed(on: day("2026-07-01")) == true)
        #expect(histories["D3"] == nil)
    }

    @Test("no licence without a grant that names its term, and an ending of unknown day ends it at once")
    func unknownDays() {
        let undated = LicenceHistory.of([decision(1, .grant, from: "2026-01-01", to: nil)]).byDriver["D1"]
        #expect(undated?.licensed(on: day("2026-06-01")) == false)
        let refused = LicenceHistory.of([
            decision(1, .grant, from: "2026-01-01", to: "2028-12-31"), decision(2, .refuseToRenew, effective: nil),
        ]).byDriver["D1"]
        #expect(refused?.licensed(on: day("2026-06-01")) == false)
        let deferred = LicenceHistory.of([decision(1, .deferred), decision(2, .referToCommittee)]).byDriver["D1"]
        #expect(deferred?.licensed(on: day("2026-06-01")) == false)
        let stillGranted = LicenceHistory.of([
            decision(1, .grant, from: "2026-01-01", to: "2028-12-31"), decision(2, .deferred, effective: nil),
        ]).byDriver["D1"]
        #expect(stillGranted?.licensed(on: day("2026-06-01")) == true, "a deferral does not end a licence")
    }

    @Test("checks: what the last one found, and the latest day one found no change, whatever the order recorded")
    func checks() {
        let histories = CheckHistory.of([
            StatusCheck(driver: "D1", checkedOn: day("2026-05-01"), result: .noChange),
            StatusCheck(driver: "D1", checkedOn: day("2026-03-01"), result: .noChange),
            StatusCheck(driver: "D1", checkedOn: nil, result: .noChange),
            StatusCheck(driver: "D2", checkedOn: day("2026-05-01"), result: .noChange),
            StatusCheck(driver: "D2", checkedOn: day("2026-06-01"), result: .notSubscribed),
        ])
        #expect(histories["D1"]?.lastResult == .noChange)
        #expect(histories["D1"]?.latestNoChange == day("2026-05-01"))
        #expect(histories["D2"]?.lastResult == .notSubscribed)
        #expect(histories["D2"]?.latestNoChange == day("2026-05-01"))
        #expect(histories["D3"] == nil)
    }
}
