import GRDB

/// One line of the audit log: who did what to which record, and when. Never changed.
public struct AuditRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    /// The table.
    public static let databaseTableName = "audit"
    /// The row id.
    public var id: Int64?
    /// When, ISO 8601 in UTC.
    public var at: String
    /// Who.
    public var actor: String
    /// What: `submit`, `decide`, `dbs-check`, `revalidate`, `export`, `view`, `register-import`, `collection-open`.
    public var action: String
    /// Which record: `submission 12`, `collection s11-2025-26`. Never personal data.
    public var target: String
    /// More about it, without personal data.
    public var detail: String

    /// Records the row id after an insert.
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
