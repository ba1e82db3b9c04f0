import FormEngine
import Foundation
import Records

extension Safeguarding {
    /// Makes an account and gives it with its sign-in token, which is shown once and kept only as a hash. A
    /// school's scope is its URN, a licensing officer's their district (its value or its label, in any case);
    /// the county-wide roles take none. A school account whose URN is not an open school in the register is made
    /// (it can sign in), and says so: it cannot send a return until the school is in the register. Audited.
    public func addAccount(role: Role, scope: String?, name: String?, by sender: Sender) async throws -> AddedAccount {
        try sender.require([.admin])
        let scope = try accountScope(role: role, scope: scope)
        let token = "sg_" + Self.randomToken()
        let name = name.map(\.trimmingWhitespace).flatMap { $0.isEmpty ? nil : $0 } ?? "\(role.rawValue) \(scope ?? "")"
        let account = try await store.addAccount(
            AccountRecord(
                id: nil, name: name.trimmingWhitespace, role: role, scope: scope,
                tokenHash: SHA256.hex(Array(token.utf8)), createdAt: Self.now(), disabledAt: nil),
            actor: sender.name)
        var notOpen = false
        if role == .school { notOpen = try await store.school(urn: scope ?? "")?.status != .open }
        return AddedAccount(account: account, token: token, schoolNotOpen: notOpen)
    }

    /// An account's scope as stored: a school's URN (normalised), a licensing officer's district (a value of the
    /// driver form's district), none for the county-wide roles. Refuses a scope that does not fit the role.
    public func accountScope(role: Role, scope: String?) throws -> String? {
        let scope = scope.map(\.trimmingWhitespace).flatMap { $0.isEmpty ? nil : $0 }
        switch role {
        case .school:
            guard let scope, let urn = IdentifierFormat.urn.normalize(scope) else {
                throw Refusal.scopeNeeded(.school, expected: "the school's 6-digit URN as its scope")
            }
            return urn
        case .licensing:
            let districts = form(about: .driver).flatMap { form in form.districtKey.map { form.field(at: $0) } }?
                .choices
            guard let scope, let option = districts?.option(matching: scope) else {
                throw Refusal.scopeNeeded(
                    .licensing,
                    expected:
                        "its district as its scope: \(districts?.valuesDescription ?? "a district of the driver form")")
            }
            return option.value
        case .policy, .admin:
            guard scope == nil else { throw Refusal.scopeNotTaken(role) }
            return nil
        }
    }

    /// Every account, oldest first.
    public func accounts(by sender: Sender) async throws -> [AccountRecord] {
        try sender.require([.admin])
        return try await store.accounts()
    }

    /// Disables an account and ends its sessions; an administrator cannot disable their own. Audited.
    public func disableAccount(_ id: Int64, by sender: Sender) async throws {
        try sender.require([.admin])
        if case .account(let account) = sender, account.id == id { throw Refusal.ownAccount }
        try await store.disableAccount(id, actor: sender.name)
    }

    /// The enabled account a token belongs to, as sent by `client` (its address): a bearer token, or one typed into
    /// the sign-in page. A wrong token counts against the client; after too many in a while it is locked out, and
    /// every token it sends is refused until the lockout ends (see `ThrottlePolicy`). Each failure and lockout is
    /// audited, by the client's address, never with the token.
    public func account(token: String, from client: String) async throws -> TokenCheck {
        let key = "address \(client)"
        let now = Date()
        let (found, throttled) = try await store.tokenCheck(
            tokenHash: SHA256.hex(Array(token.utf8)), throttleKey: key)
        if let seconds = Self.secondsLeft(throttled?.lockedUntil, now: now) { return .lockedOut(retryAfter: seconds) }
        guard let account = found else {
            let counted = try await store.recordSignInFailure(
                key: key, why: "a token that is not an enabled account's", at: now.formatted(.iso8601),
                policy: throttle)
            if let seconds = Self.secondsLeft(counted.lockedUntil, now: now) { return .lockedOut(retryAfter: seconds) }
            return .wrongToken
        }
        if throttled != nil { try await store.forgetSignInFailures(key: key) }
        return .account(account)
    }

    /// Signs in with a token sent by `client`: a new session lasting `seconds`, its cookie and CSRF token; or why
    /// not (a wrong token, a lockout). Audited.
    public func signIn(token: String, from client: String, lasting seconds: Int) async throws -> SignInAttempt {
        let account: AccountRecord
        switch try await self.account(token: token, from: client) {
        case .account(let found): account = found
        case .wrongToken: return .wrongToken
        case .lockedOut(let seconds): return .lockedOut(retryAfter: seconds)
        }
        let cookie = Self.randomToken()
        let session = try await store.startSession(
            SessionRecord(
                id: nil, tokenHash: SHA256.hex(Array(cookie.utf8)), accountID: account.id!,
                csrfToken: Self.randomToken(), createdAt: Self.now(), expiresAt: Self.now(after: seconds)),
            accountName: account.name)
        return .signedIn(SignIn(cookie: cookie, session: session, account: account))
    }

    /// The whole seconds left of a lockout that ends at `until` (ISO 8601), if it has not ended by `now`.
    private static func secondsLeft(_ until: String?, now: Date) -> Int? {
        guard let end = until.flatMap({ try? Date($0, strategy: .iso8601) }), end > now else { return nil }
        return Int(end.timeIntervalSince(now).rounded(.up))
    }

    /// The clients with failed sign-ins counted or locked out, the most recent first.
    public func lockouts(by sender: Sender) async throws -> [SignInThrottleRecord] {
        try sender.require([.admin])
        return try await store.signInThrottles()
    }

    /// Lifts a client's lockout (by its key, `address 192.0.2.7`) and forgets its failures. Audited.
    public func clearLockout(_ key: String, by sender: Sender) async throws {
        try sender.require([.admin])
        guard try await store.clearLockout(key: key, actor: sender.name) else { throw Refusal.noSuchLockout(key) }
    }

    /// The session a cookie belongs to and its account, while both are valid.
    public func session(cookie: String) async throws -> (session: SessionRecord, account: AccountRecord)? {
        try await store.session(tokenHash: SHA256.hex(Array(cookie.utf8)), now: Self.now())
    }

    /// Ends a session.
    public func signOut(_ session: SessionRecord) async throws {
        try await store.endSession(session.id!)
    }

    /// 32 random bytes from the system's secure generator, as URL-safe base64 without padding.
    static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        return Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }
}
