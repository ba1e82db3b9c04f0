import FormEngine
import Foundation
import GRDB

/// The roles an account can have.
public enum Role: String, Sendable, CaseIterable {
    /// A school's designated safeguarding lead: its own returns only.
    case school
    /// A district's licensing officer: that district's drivers only.
    case licensing
    /// The board's policy officer: every report.
    case policy
    /// Manages the accounts.
    case admin
}

extension ReturnStore {
    /// Makes an account and returns it with its sign-in token, which is shown once and stored only as a hash.
    public func addAccount(name: String, role: Role, scope: String?, actor: String) throws -> (
        account: AccountRecord, token: String
    ) {
        let token = "sg_" + Self.randomToken()
        var account = AccountRecord(
            id: nil, name: name, role: role.rawValue, scope: scope, tokenHash: SHA256.hex(Array(token.utf8)),
            createdAt: Self.now(),
            disabledAt: nil)
        try pool.write { db in
            try account.insert(db)
            try Self.audit(
                db, actor: actor, action: "account-add", target: "account \(account.id!)", detail: role.rawValue)
        }
        return (account, token)
    }

    /// An account's scope as stored: a school's URN (normalised), a licensing officer's district (a value of the
    /// driver form's `districts` list), none for the county-wide roles. Refuses a scope that does not fit the role.
    public static func accountScope(role: Role, scope: String?, catalog: FormCatalog) throws -> String? {
        let scope = scope.map(\.trimmingWhitespace).flatMap { $0.isEmpty ? nil : $0 }
        switch role {
        case .school:
            guard let scope, let urn = IdentifierFormat.urn.normalize(scope) else {
                throw StoreError("A school account needs the school's 6-digit URN as its scope.")
            }
            return urn
        case .licensing:
            let districts = catalog.forms.values.first { $0.subject == .driver }?.lists["districts"]
            guard let scope, let option = districts?.option(matching: scope) else {
                throw StoreError(
                    "A licensing account needs its district as its scope: \(districts?.valuesDescription ?? "a district of the driver form")."
                )
            }
            return option.value
        case .policy, .admin:
            guard scope == nil else {
                throw StoreError("A \(role.rawValue) account has no scope: it covers the county.")
            }
            return nil
        }
    }

    /// The enabled account a token belongs to.
    public func account(forToken token: String) throws -> AccountRecord? {
        let hash = SHA256.hex(Array(token.utf8))
        return try pool.read { db in
            try AccountRecord.filter(Column("tokenHash") == hash && Column("disabledAt") == nil).fetchOne(db)
        }
    }

    /// Every account, oldest first.
    public func accounts() throws -> [AccountRecord] {
        try pool.read { db in try AccountRecord.order(Column("id")).fetchAll(db) }
    }

    /// Disables an account and ends its sessions.
    public func disableAccount(_ id: Int64, actor: String) throws {
        try pool.write { db in
            guard var account = try AccountRecord.fetchOne(db, key: id) else {
                throw StoreError("There is no account \(id).")
            }
            account.disabledAt = Self.now()
            try account.update(db)
            try SessionRecord.filter(Column("accountID") == id).deleteAll(db)
            try Self.audit(db, actor: actor, action: "account-disable", target: "account \(id)")
        }
    }

    /// Starts a session for an account: its cookie value (returned once, stored as a hash) and its CSRF token.
    public func startSession(for account: AccountRecord, lasting seconds: Int) throws -> (
        token: String, session: SessionRecord
    ) {
        let token = Self.randomToken()
        var session = SessionRecord(
            id: nil, tokenHash: SHA256.hex(Array(token.utf8)), accountID: account.id!, csrfToken: Self.randomToken(),
            createdAt: Self.now(), expiresAt: Date().addingTimeInterval(Double(seconds)).formatted(.iso8601))
        try pool.write { db in
            try SessionRecord.filter(Column("expiresAt") < Self.now()).deleteAll(db)
            try session.insert(db)
            try Self.audit(db, actor: account.name, action: "sign-in", target: "account \(account.id!)")
        }
        return (token, session)
    }

    /// The session a cookie belongs to and its account, while both are valid.
    public func session(forToken token: String) throws -> (session: SessionRecord, account: AccountRecord)? {
        let hash = SHA256.hex(Array(token.utf8))
        return try pool.read { db in
            guard
                let session = try SessionRecord.filter(Column("tokenHash") == hash && Column("expiresAt") > Self.now())
                    .fetchOne(db),
                let account = try AccountRecord.fetchOne(db, key: session.accountID), account.disabledAt == nil
            else { return nil }
            return (session, account)
        }
    }

    /// Ends a session.
    public func endSession(_ id: Int64) throws {
        _ = try pool.write { db in try SessionRecord.deleteOne(db, key: id) }
    }

    /// An account's draft of a form.
    public func draft(accountID: Int64, formID: String) throws -> DraftRecord? {
        try pool.read { db in
            try DraftRecord.filter(Column("accountID") == accountID && Column("formID") == formID).fetchOne(db)
        }
    }

    /// Saves an account's draft of a form, replacing the one before.
    public func saveDraft(accountID: Int64, formID: String, answers: String) throws {
        try pool.write { db in
            try DraftRecord.filter(Column("accountID") == accountID && Column("formID") == formID).deleteAll(db)
            var draft = DraftRecord(
                id: nil, accountID: accountID, formID: formID, answers: answers, updatedAt: Self.now())
            try draft.insert(db)
        }
    }

    /// Deletes an account's draft of a form, once it has been submitted.
    public func deleteDraft(accountID: Int64, formID: String) throws {
        _ = try pool.write { db in
            try DraftRecord.filter(Column("accountID") == accountID && Column("formID") == formID).deleteAll(db)
        }
    }

    /// 32 random bytes from the system's secure generator, as URL-safe base64 without padding.
    static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        return Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(
            of: "/", with: "_"
        )
        .replacingOccurrences(of: "=", with: "")
    }
}
