import Records

/// Whose a token is, as a client sent it.
public enum TokenCheck: Sendable {
    /// An enabled account's.
    case account(AccountRecord)
    /// No enabled account's.
    case wrongToken
    /// The client has failed too often and may try again after this many seconds.
    case lockedOut(retryAfter: Int)
}
