import GRDB

/// A DBS Update Service status check on a licensed driver, made at least every 6 months.
public struct DBSCheckRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    /// The table.
    public static let databaseTableName = "dbsCheck"
    /// The row id.
    public var id: Int64?
    /// The driver's licence number.
    public var driverNumber: String
    /// The day of the check, `YYYY-MM-DD`.
    public var checkedOn: String
    /// `no-change`, `new-information` or `not-subscribed`.
    public var result: String
    /// A note.
    public var note: String?
    /// Who recorded it.
    public var recordedBy: String
    /// When it was recorded.
    public var recordedAt: String

    /// Records the row id after an insert.
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
