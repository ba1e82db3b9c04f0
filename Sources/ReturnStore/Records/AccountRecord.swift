import GRDB

/// Someone who may sign in: their role, what it covers (a school's URN, a district), and their token's hash.
public struct AccountRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    /// The table.
    public static let databaseTableName = "account"
    /// The row id.
    public var id: Int64?
    /// A name people recognise: "Oakfield DSL".
    public var name: String
    /// `school`, `licensing`, `policy` or `admin`.
    public var role: String
    /// For a school, its URN; for licensing, its district.
    public var scope: String?
    /// The SHA-256 of the sign-in token: the token itself is never stored.
    public var tokenHash: String
    /// When it was made.
    public var createdAt: String
    /// When it was disabled, if it has been.
    public var disabledAt: String?

    /// Records the row id after an insert.
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
