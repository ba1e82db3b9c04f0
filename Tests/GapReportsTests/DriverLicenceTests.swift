import FormEngine
import Records
import Testing

/// A driver's licence state, from their decisions in the order recorded, and their Update Service checks'.
@Suite struct DriverLicenceTests {
    private func day(_ text: String) -> Day { Day(iso: text)! }

    private func decision(
        _ outcome: LicensingOutcome, from start: String? = nil, to end: String? = nil,
        effective: String? = "2026-01-01"
    ) -> LicenceDecision {
        LicenceDecision(
            outcome: outcome, licenceStart: start.map(day), licenceEnd: end.map(day), takesEffect: effective.map(day))
    }

    @Test("a grant licenses its term; a suspension ends it from the day it takes effect; a new grant licenses again")
    func grantsAndEndings() {
        let regranted = DriverLicence([
            decision(.grant, from: "2026-01-01", to: "2028-12-31"),
            decision(.suspend, effective: "2026-06-01"),
            decision(.grant, from: "2026-09-01", to: "2029-08-31"),
        ])
        #expect(!regranted.licensed(on: day("2026-05-31")), "the new grant's term has not begun")
        #expect(regranted.licensed(on: day("2026-09-01")))
        #expect(regranted.licensed(on: day("2029-08-31")))
        #expect(!regranted.licensed(on: day("2029-09-01")))

        var suspended = DriverLicence()
        suspended.add(decision(.grant, from: "2026-01-01", to: "2028-12-31"))
        suspended.add(decision(.suspend, effective: "2026-06-01"))
        #expect(suspended.licensed(on: day("2026-05-31")), "until the suspension takes effect")
        #expect(!suspended.licensed(on: day("2026-06-01")))
        suspended.add(decision(.revoke, effective: "2026-08-01"))
        #expect(suspended.endsOn == day("2026-06-01"), "the earliest ending since the grant")
        #expect(
            suspended
                == DriverLicence(
                    granted: true, start: day("2026-01-01"), end: day("2028-12-31"), endsOn: day("2026-06-01")),
            "as a store keeps it")
        #expect(!DriverLicence().licensed(on: day("2026-07-01")), "no decision, no licence")
    }

    @Test("no licence without a grant that names its term, and an ending of unknown day ends it at once")
    func unknownDays() {
        let undated = DriverLicence([decision(.grant, from: "2026-01-01", to: nil)])
        #expect(!undated.licensed(on: day("2026-06-01")))
        let refused = DriverLicence([
            decision(.grant, from: "2026-01-01", to: "2028-12-31"), decision(.refuseToRenew, effective: nil),
        ])
        #expect(!refused.licensed(on: day("2026-06-01")))
        #expect(refused.endsOn == DriverLicence.unknownDay)
        let deferred = DriverLicence([decision(.deferred), decision(.referToCommittee)])
        #expect(!deferred.licensed(on: day("2026-06-01")))
        let stillGranted = DriverLicence([
            decision(.grant, from: "2026-01-01", to: "2028-12-31"), decision(.deferred, effective: nil),
        ])
        #expect(stillGranted.licensed(on: day("2026-06-01")), "a deferral does not end a licence")
    }

    @Test("checks: what the last one found, and the latest day one found no change, whatever the order recorded")
    func checks() {
        let found = CheckHistory([
            StatusCheck(checkedOn: day("2026-05-01"), result: .noChange),
            StatusCheck(checkedOn: day("2026-03-01"), result: .noChange),
            StatusCheck(checkedOn: nil, result: .noChange),
        ])
        #expect(found == CheckHistory(lastResult: .noChange, latestNoChange: day("2026-05-01")))
        let lapsed = CheckHistory([
            StatusCheck(checkedOn: day("2026-05-01"), result: .noChange),
            StatusCheck(checkedOn: day("2026-06-01"), result: .notSubscribed),
        ])
        #expect(lapsed?.lastResult == .notSubscribed)
        #expect(lapsed?.latestNoChange == day("2026-05-01"))
        #expect(CheckHistory([]) == nil, "no check, no history")
    }
}
