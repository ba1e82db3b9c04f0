import Foundation
import PostgresNIO
import Records

extension PostgreSQLStore {
    /// Adds an account; audited.
    public func addAccount(_ account: AccountRecord, actor: String) async throws -> AccountRecord {
        try await write { connection in
            var record = account
            record.id = try await connection.insert(record, into: "account")
            try await Self.audit(
                connection, actor: actor, action: .accountAdd, target: "account \(record.id!)",
                detail: record.role.rawValue)
            return record
        }
    }

    /// The enabled account a token's hash belongs to and the client's throttle record, on one connection.
    public func tokenCheck(tokenHash: String, throttleKey: String) async throws -> (
        account: AccountRecord?, throttle: SignInThrottleRecord?
    ) {
        try await readOnce { connection in
            let throttle = try await connection.record(
                SignInThrottleRecord.self, "SELECT * FROM signInThrottle WHERE key = \(throttleKey)")
            let account = try await connection.record(
                AccountRecord.self, "SELECT * FROM account WHERE tokenHash = \(tokenHash) AND disabledAt IS NULL")
            return (account, throttle)
        }
    }

    /// Every account, oldest first.
    public func accounts() async throws -> [AccountRecord] {
        try await readOnce { connection in
            try await connection.records(AccountRecord.self, "SELECT * FROM account ORDER BY id")
        }
    }

    /// Disables an account and ends its sessions.
    public func disableAccount(_ id: Int64, actor: String) async throws {
        try await write { connection in
            guard try await connection.value(Int64.self, "SELECT id FROM account WHERE id = \(id) FOR UPDATE") != nil
            else { throw Refusal.noSuchAccount(id) }
            try await connection.run("UPDATE account SET disabledAt = \(Self.now()) WHERE id = \(id)")
            try await connection.run("DELETE FROM session WHERE accountID = \(id)")
            try await Self.audit(connection, actor: actor, action: .accountDisable, target: "account \(id)", detail: "")
        }
    }

    /// Starts a session, clearing sessions that have ended.
    public func startSession(_ session: SessionRecord, accountName: String) async throws -> SessionRecord {
        try await write { connection in
            try await connection.run("DELETE FROM session WHERE expiresAt < \(session.createdAt)")
            var record = session
            record.id = try await connection.insert(record, into: "session")
            try await Self.audit(
                connection, actor: accountName, action: .signIn, target: "account \(record.accountID)", detail: "")
            return record
        }
    }

    /// The session a cookie's hash belongs to and its account, while both are valid at `now`.
    public func session(tokenHash: String, now: String) async throws -> (
        session: SessionRecord, account: AccountRecord
    )? {
        try await readOnce { connection in
            // One statement: the account, and the session's own columns beside it.
            guard
                let row = try await connection.rows(
                    """
                    SELECT a.*, s.id AS sessionID, s.csrfToken AS sessionCSRF, s.createdAt AS sessionCreated,
                      s.expiresAt AS sessionExpires
                    FROM session s JOIN account a ON a.id = s.accountID
                    WHERE s.tokenHash = \(tokenHash) AND s.expiresAt > \(now) AND a.disabledAt IS NULL
                    """
                ).first
            else { return nil }
            let account = try AccountRecord(from: RowDecoder(row: row))
            let session = SessionRecord(
                id: try row["sessionid"].decode(Int64.self), tokenHash: tokenHash, accountID: account.id!,
                csrfToken: try row["sessioncsrf"].decode(String.self),
                createdAt: try row["sessioncreated"].decode(String.self),
                expiresAt: try row["sessionexpires"].decode(String.self))
            return (session, account)
        }
    }

    /// Ends a session.
    public func endSession(_ id: Int64) async throws {
        try await write { connection in try await connection.run("DELETE FROM session WHERE id = \(id)") }
    }

    /// An account's draft of a form.
    public func draft(accountID: Int64, formID: String) async throws -> DraftRecord? {
        try await readOnce { connection in
            try await connection.record(
                DraftRecord.self, "SELECT * FROM draft WHERE accountID = \(accountID) AND formID = \(formID)")
        }
    }

    /// Saves an account's draft of a form, replacing the one before.
    public func saveDraft(accountID: Int64, formID: String, answers: String) async throws {
        try await write { connection in
            try await connection.run(
                """
                INSERT INTO draft (accountID, formID, answers, updatedAt)
                VALUES (\(accountID), \(formID), \(answers), \(Self.now()))
                ON CONFLICT (accountID, formID) DO UPDATE SET answers = excluded.answers, updatedAt = excluded.updatedAt
                """)
        }
    }

    /// Deletes an account's draft of a form.
    public func deleteDraft(accountID: Int64, formID: String) async throws {
        try await write { connection in
            try await connection.run("DELETE FROM draft WHERE accountID = \(accountID) AND formID = \(formID)")
        }
    }

    /// Counts a failed sign-in, locking the client out at the threshold, with its audit lines; the client's row is
    /// locked while it is counted, so several instances count together.
    public func recordSignInFailure(key: String, why: String, at now: String, policy: ThrottlePolicy) async throws
        -> SignInThrottleRecord
    {
        try await write { connection in
            try await connection.run(
                """
                INSERT INTO signInThrottle (key, failures, windowStart, lockouts, lastFailureAt)
                VALUES (\(key), 0, \(now), 0, \(now)) ON CONFLICT (key) DO NOTHING
                """)
            let stored = try await connection.record(
                SignInThrottleRecord.self, "SELECT * FROM signInThrottle WHERE key = \(key) FOR UPDATE")!
            let (record, lockout) = stored.counting(failureAt: now, policy: policy)
            try await Self.audit(connection, actor: "unknown", action: .signInFailure, target: key, detail: why)
            if let lockout {
                try await Self.audit(connection, actor: "safeguard", action: .lockout, target: key, detail: lockout)
            }
            try await connection.update(record, in: "signInThrottle", key: "key")
            return record
        }
    }

    /// Forgets a client's failures.
    public func forgetSignInFailures(key: String) async throws {
        try await write { connection in try await connection.run("DELETE FROM signInThrottle WHERE key = \(key)") }
    }

    /// Every client with failures counted or a lockout, the most recent failure first.
    public func signInThrottles() async throws -> [SignInThrottleRecord] {
        try await readOnce { connection in
            try await connection.records(
                SignInThrottleRecord.self, "SELECT * FROM signInThrottle ORDER BY lastFailureAt DESC")
        }
    }

    /// Lifts a client's lockout and forgets its failures; audited.
    public func clearLockout(key: String, actor: String) async throws -> Bool {
        try await write { connection in
            guard
                try await connection.value(String.self, "DELETE FROM signInThrottle WHERE key = \(key) RETURNING key")
                    != nil
            else { return false }
            try await Self.audit(connection, actor: actor, action: .lockoutClear, target: key, detail: "")
            return true
        }
    }
}
