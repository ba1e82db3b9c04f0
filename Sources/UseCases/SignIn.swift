import Records

/// A browser signed in: the cookie's value (given once, kept only as a hash), its session and its account.
public struct SignIn: Sendable {
    /// The session cookie's value.
    public let cookie: String
    /// The session, with its CSRF token.
    public let session: SessionRecord
    /// The account signed in.
    public let account: AccountRecord
}
