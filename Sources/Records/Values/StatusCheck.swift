import FormEngine

/// A DBS Update Service status check as the licensing report weighs it: whose, when, and what it found.
public struct StatusCheck: Sendable, Equatable {
    /// The driver number.
    public let driver: String
    /// The day of the check; nil when the stored day is not a day.
    public let checkedOn: Day?
    /// What it found.
    public let result: DBSCheckResult

    /// Creates one.
    public init(driver: String, checkedOn: Day?, result: DBSCheckResult) {
        self.driver = driver
        self.checkedOn = checkedOn
        self.result = result
    }
}
