import GRDB

/// A form someone has started in the portal and not yet submitted: their answers so far, as a submission's JSON.
public struct DraftRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    /// The table.
    public static let databaseTableName = "draft"
    /// The row id.
    public var id: Int64?
    /// Whose draft.
    public var accountID: Int64
    /// The form.
    public var formID: String
    /// The answers so far, as the JSON a submission file would hold.
    public var answers: String
    /// When it was last saved.
    public var updatedAt: String

    /// Records the row id after an insert.
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
