import GRDB
import Records

extension SQLiteStore {
    /// Adds an account; audited.
    public func addAccount(_ account: AccountRecord, actor: String) async throws -> AccountRecord {
        try await write { db in
            var record = account
            try record.insert(db)
            try Self.audit(
                db, actor: actor, action: .accountAdd, target: "account \(record.id!)", detail: record.role.rawValue)
            return record
        }
    }

    /// The enabled account a token's hash belongs to and the client's throttle record, in one read. Asked on every
    /// API request, so by statements SQLite keeps prepared, as the other reads of every request are: GRDB's query
    /// interface writes and prepares its SQL anew each time.
    public func tokenCheck(tokenHash: String, throttleKey: String) async throws -> (
        account: AccountRecord?, throttle: SignInThrottleRecord?
    ) {
        try readOnThisThread { db in
            let throttle = try SignInThrottleRecord.fetchOne(
                db.cachedStatement(sql: "SELECT * FROM signInThrottle WHERE key = ?"), arguments: [throttleKey])
            let account = try AccountRecord.fetchOne(
                db.cachedStatement(sql: "SELECT * FROM account WHERE tokenHash = ? AND disabledAt IS NULL LIMIT 1"),
                arguments: [tokenHash])
            return (account, throttle)
        }
    }

    /// Every account, oldest first.
    public func accounts() async throws -> [AccountRecord] {
        try await pool.read { db in try AccountRecord.order(Column("id")).fetchAll(db) }
    }

    /// Disables an account and ends its sessions.
    public func disableAccount(_ id: Int64, actor: String) async throws {
        try await write { db in
            guard var account = try AccountRecord.fetchOne(db, key: id) else { throw Refusal.noSuchAccount(id) }
            account.disabledAt = Self.now()
            try account.update(db)
            try SessionRecord.filter(Column("accountID") == id).deleteAll(db)
            try Self.audit(db, actor: actor, action: .accountDisable, target: "account \(id)", detail: "")
        }
    }

    /// Starts a session, clearing sessions that have ended.
    public func startSession(_ session: SessionRecord, accountName: String) async throws -> SessionRecord {
        try await write { db in
            try SessionRecord.filter(Column("expiresAt") < session.createdAt).deleteAll(db)
            var record = session
            try record.insert(db)
            try Self.audit(
                db, actor: accountName, action: .signIn, target: "account \(record.accountID)", detail: "")
            return record
        }
    }

    /// The session a cookie's hash belongs to and its account, while both are valid at `now`.
    public func session(tokenHash: String, now: String) async throws -> (
        session: SessionRecord, account: AccountRecord
    )? {
        try readOnThisThread { db in
            guard
                let session = try SessionRecord.fetchOne(
                    db.cachedStatement(sql: "SELECT * FROM session WHERE tokenHash = ? AND expiresAt > ? LIMIT 1"),
                    arguments: [tokenHash, now]),
                let account = try AccountRecord.fetchOne(
                    db.cachedStatement(sql: "SELECT * FROM account WHERE id = ?"), arguments: [session.accountID]),
                account.disabledAt == nil
            else { return nil }
            return (session, account)
        }
    }

    /// Ends a session.
    public func endSession(_ id: Int64) async throws {
        _ = try await write { db in try SessionRecord.deleteOne(db, key: id) }
    }

    /// An account's draft of a form.
    public func draft(accountID: Int64, formID: String) async throws -> DraftRecord? {
        try await pool.read { db in
            try DraftRecord.filter(Column("accountID") == accountID && Column("formID") == formID).fetchOne(db)
        }
    }

    /// Saves an account's draft of a form, replacing the one before.
    public func saveDraft(accountID: Int64, formID: String, answers: String) async throws {
        try await write { db in
            try DraftRecord.filter(Column("accountID") == accountID && Column("formID") == formID).deleteAll(db)
            var draft = DraftRecord(
                id: nil, accountID: accountID, formID: formID, answers: answers, updatedAt: Self.now())
            try draft.insert(db)
        }
    }

    /// Deletes an account's draft of a form.
    public func deleteDraft(accountID: Int64, formID: String) async throws {
        _ = try await write { db in
            try DraftRecord.filter(Column("accountID") == accountID && Column("formID") == formID).deleteAll(db)
        }
    }
}
