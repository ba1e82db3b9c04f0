import Records

/// An account just made: the account, its sign-in token (shown this once, kept only as a hash), and whether it is
/// a school's whose URN is not an open school in the register.
public struct AddedAccount: Sendable {
    /// The account.
    public let account: AccountRecord
    /// The sign-in token.
    public let token: String
    /// True for a school account whose URN is not an open school in the register: it can sign in, but not send a
    /// return until the school is in the register.
    public let schoolNotOpen: Bool
}
