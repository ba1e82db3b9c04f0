import FormEngine
import Records

/// What the officers' decisions on a driver's applications say about their licence, taken in the order they were
/// recorded: the latest grant, and when anything recorded since ends it. A few values a driver, not their decisions:
/// a national county has hundreds of thousands of drivers, and each driver's figures ask this once.
struct LicenceHistory: Sendable {
    /// True when a licence has been granted.
    private var granted = false
    /// The first and last day of the latest grant's licence; nil when the grant does not name it.
    private var start: Day?, end: Day?
    /// The earliest day a refusal, refusal to renew, suspension or revocation recorded since the latest grant (or,
    /// without one, at all) takes effect; `distantPast` for one whose day is not known (it ends the licence at
    /// once), nil for none.
    private var endsOn: Day?

    /// Takes in the next decision recorded on one of the driver's applications.
    mutating func add(_ decision: LicenceDecision) {
        if decision.outcome.grantsLicence {
            (granted, start, end, endsOn) = (true, decision.licenceStart, decision.licenceEnd, nil)
        } else if decision.outcome.endsLicence {
            let day = decision.takesEffect ?? Self.distantPast
            endsOn = endsOn.map { min($0, day) } ?? day
        }
    }

    /// True when the latest grant's licence covers `day` and nothing recorded since has ended it by then (a
    /// suspension or revocation takes effect after the appeal period, unless immediate).
    func licensed(on day: Day) -> Bool {
        guard granted, let start, let end, start <= day, day <= end else { return false }
        return endsOn.map { $0 > day } ?? true
    }

    /// A day before any a decision names.
    private static let distantPast = Day(daysSinceEpoch: Int.min / 2)

    /// Every driver's history, by driver number, and the outcome of the latest decision on each application, by
    /// submission number, from decisions oldest first.
    static func of(_ decisions: [LicenceDecision]) -> (
        byDriver: [String: LicenceHistory], outcomes: [Int64: LicensingOutcome]
    ) {
        var byDriver: [String: LicenceHistory] = [:]
        var outcomes: [Int64: LicensingOutcome] = [:]
        // Room for as many as there are decisions, the most there can be: grown by doubling, each step rehashed every
        // driver number.
        byDriver.reserveCapacity(decisions.count)
        outcomes.reserveCapacity(decisions.count)
        for decision in decisions {
            byDriver[decision.driver, default: LicenceHistory()].add(decision)
            outcomes[decision.submissionID] = decision.outcome
        }
        return (byDriver, outcomes)
    }
}
