import FormEngine

/// What the officers' decisions on a driver's applications to a form say about their licence, taken in the order
/// they were recorded: the latest grant, and when anything recorded since ends it. The stores keep it on each of the
/// driver's facts rows whenever a decision is recorded, so the licensing report reads these few values a driver
/// rather than every decision (a national county has hundreds of thousands).
public struct DriverLicence: Sendable, Equatable {
    /// True when a licence has been granted.
    public private(set) var granted = false
    /// The first and last day of the latest grant's licence; nil when the grant does not name it.
    public private(set) var start: Day?, end: Day?
    /// The earliest day a refusal, refusal to renew, suspension or revocation recorded since the latest grant (or,
    /// without one, at all) takes effect; `unknownDay` for one whose day is not known (it ends the licence at once),
    /// nil for none.
    public private(set) var endsOn: Day?

    /// No decision yet.
    public init() {}

    /// A licence as a store kept it.
    public init(granted: Bool, start: Day?, end: Day?, endsOn: Day?) {
        (self.granted, self.start, self.end, self.endsOn) = (granted, start, end, endsOn)
    }

    /// The licence the decisions on a driver's applications give, oldest first.
    public init(_ decisions: [LicenceDecision]) {
        for decision in decisions { add(decision) }
    }

    /// Takes in the next decision recorded on one of the driver's applications.
    public mutating func add(_ decision: LicenceDecision) {
        if decision.outcome.grantsLicence {
            (granted, start, end, endsOn) = (true, decision.licenceStart, decision.licenceEnd, nil)
        } else if decision.outcome.endsLicence {
            let day = decision.takesEffect ?? Self.unknownDay
            endsOn = endsOn.map { min($0, day) } ?? day
        }
    }

    /// True when the latest grant's licence covers `day` and nothing recorded since has ended it by then (a
    /// suspension or revocation takes effect after the appeal period, unless immediate).
    public func licensed(on day: Day) -> Bool {
        guard granted, let start, let end, start <= day, day <= end else { return false }
        return endsOn.map { $0 > day } ?? true
    }

    /// The day an ending whose own day is not known takes effect: before any a decision names (about 700 BC, a
    /// number of days every store's day column holds).
    public static let unknownDay = Day(daysSinceEpoch: -1_000_000)
}
