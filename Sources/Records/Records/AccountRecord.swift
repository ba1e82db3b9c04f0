/// Someone who may sign in: their role, what it covers (a school's URN, a district), and their token's hash.
public struct AccountRecord: Codable, Sendable, Equatable {
    /// The row id.
    public var id: Int64?
    /// A name people recognise: "Oakfield DSL".
    public var name: String
    /// `school`, `licensing`, `policy` or `admin`.
    public var role: Role
    /// For a school, its URN; for licensing, its district.
    public var scope: String?
    /// The SHA-256 of the sign-in token: the token itself is never stored.
    public var tokenHash: String
    /// When it was made.
    public var createdAt: String
    /// When it was disabled, if it has been.
    public var disabledAt: String?

    /// Creates a record; `id` is nil until it is stored.
    public init(
        id: Int64?, name: String, role: Role, scope: String?, tokenHash: String, createdAt: String, disabledAt: String?
    ) {
        self.id = id
        self.name = name
        self.role = role
        self.scope = scope
        self.tokenHash = tokenHash
        self.createdAt = createdAt
        self.disabledAt = disabledAt
    }
}
