import GRDB

/// A signed-in browser: its cookie's hash, whose it is, its CSRF token and when it ends.
public struct SessionRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    /// The table.
    public static let databaseTableName = "session"
    /// The row id.
    public var id: Int64?
    /// The SHA-256 of the session cookie's value.
    public var tokenHash: String
    /// The account signed in.
    public var accountID: Int64
    /// The token every form posted in this session must carry.
    public var csrfToken: String
    /// When it began.
    public var createdAt: String
    /// When it ends.
    public var expiresAt: String

    /// Records the row id after an insert.
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
