import FormEngine

/// What a driver's DBS Update Service status checks say, taken in the order they were recorded: what the last one
/// found, and the latest day one found no change. The stores keep it on each of the driver's facts rows whenever a
/// check is recorded, so the licensing report reads no check.
public struct CheckHistory: Sendable, Equatable {
    /// What the last check recorded found.
    public private(set) var lastResult: DBSCheckResult
    /// The latest day a check found no change; nil when none did (or none's day is known).
    public private(set) var latestNoChange: Day?

    /// A history as a store kept it.
    public init(lastResult: DBSCheckResult, latestNoChange: Day?) {
        (self.lastResult, self.latestNoChange) = (lastResult, latestNoChange)
    }

    /// The history of a driver's checks, oldest first; nil when there are none.
    public init?(_ checks: [StatusCheck]) {
        guard let first = checks.first else { return nil }
        lastResult = first.result
        for check in checks { add(check) }
    }

    /// Takes in the next check recorded on the driver.
    public mutating func add(_ check: StatusCheck) {
        lastResult = check.result
        if check.result == .noChange, let day = check.checkedOn, latestNoChange.map({ day > $0 }) ?? true {
            latestNoChange = day
        }
    }
}
