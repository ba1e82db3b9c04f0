import FormEngine

/// A DBS Update Service status check as a driver's check history weighs it: when, and what it found.
public struct StatusCheck: Sendable, Equatable {
    /// The day of the check; nil when the stored day is not a day.
    public let checkedOn: Day?
    /// What it found.
    public let result: DBSCheckResult

    /// Creates one.
    public init(checkedOn: Day?, result: DBSCheckResult) {
        self.checkedOn = checkedOn
        self.result = result
    }
}
