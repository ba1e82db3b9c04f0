/// A signed-in browser: its cookie's hash, whose it is, its CSRF token and when it ends.
public struct SessionRecord: Codable, Sendable, Equatable {
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

    /// Creates a record; `id` is nil until it is stored.
    public init(
        id: Int64?, tokenHash: String, accountID: Int64, csrfToken: String, createdAt: String, expiresAt: String
    ) {
        self.id = id
        self.tokenHash = tokenHash
        self.accountID = accountID
        self.csrfToken = csrfToken
        self.createdAt = createdAt
        self.expiresAt = expiresAt
    }
}
