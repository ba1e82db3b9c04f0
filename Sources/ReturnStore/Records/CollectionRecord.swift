import GRDB

/// One round of returns: its name, its form, the period it covers and when it is due.
public struct CollectionRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    /// The table.
    public static let databaseTableName = "collection"
    /// The row id.
    public var id: Int64?
    /// The name people give it, such as `s11-2025-26`.
    public var name: String
    /// The form its returns answer.
    public var formID: String
    /// The first day of the period the returns cover, `YYYY-MM-DD`.
    public var periodStart: String
    /// The last day of the period, `YYYY-MM-DD`.
    public var periodEnd: String
    /// The day returns are due, `YYYY-MM-DD`.
    public var due: String
    /// Who opened it.
    public var openedBy: String
    /// When it was opened.
    public var openedAt: String

    /// Records the row id after an insert.
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
