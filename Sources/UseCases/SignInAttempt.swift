import Records

/// What became of a sign-in with a token.
public enum SignInAttempt: Sendable {
    /// Signed in.
    case signedIn(SignIn)
    /// The token is not an enabled account's.
    case wrongToken
    /// The client has failed too often and may try again after this many seconds.
    case lockedOut(retryAfter: Int)
}
