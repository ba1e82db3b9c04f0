/// A DBS Update Service status check on a licensed driver, made at least every 6 months.
public struct DBSCheckRecord: Codable, Sendable, Equatable {
    /// The row id.
    public var id: Int64?
    /// The driver's licence number.
    public var driverNumber: String
    /// The day of the check, `YYYY-MM-DD`.
    public var checkedOn: String
    /// `no-change`, `new-information` or `not-subscribed`.
    public var result: DBSCheckResult
    /// A note.
    public var note: String?
    /// Who recorded it.
    public var recordedBy: String
    /// When it was recorded.
    public var recordedAt: String

    /// Creates a record; `id` is nil until it is stored.
    public init(
        id: Int64?, driverNumber: String, checkedOn: String, result: DBSCheckResult, note: String?, recordedBy: String,
        recordedAt: String
    ) {
        self.id = id
        self.driverNumber = driverNumber
        self.checkedOn = checkedOn
        self.result = result
        self.note = note
        self.recordedBy = recordedBy
        self.recordedAt = recordedAt
    }
}
