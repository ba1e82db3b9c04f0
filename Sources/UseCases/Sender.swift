import Records

/// Who asks for a use case: someone at the command line of the machine that holds the store (trusted with the
/// whole county, as the files are theirs), or an account signed in to the portal or the API, held to its role
/// and scope.
public enum Sender: Sendable {
    /// Someone at the command line, by the name recorded with what they do.
    case commandLine(String)
    /// A signed-in account.
    case account(AccountRecord)

    /// The name recorded with what the sender does.
    public var name: String {
        switch self {
        case .commandLine(let name): return name
        case .account(let account): return account.name
        }
    }

    /// The account's role; nil at the command line.
    public var role: Role? {
        if case .account(let account) = self { return account.role }
        return nil
    }

    /// The account's scope (a URN, a district); nil at the command line and for the county-wide roles.
    public var scope: String? {
        if case .account(let account) = self { return account.scope }
        return nil
    }

    /// Refuses an account whose role is not one of `roles`; the command line may do anything.
    func require(_ roles: Set<Role>) throws {
        if let role, !roles.contains(role) { throw Refusal.notAllowed(role) }
    }
}
