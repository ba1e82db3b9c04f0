import Foundation
import GRDB
import Records

extension SQLiteStore {
    /// Counts a failed sign-in, locking the client out at the threshold, with its audit lines.
    public func recordSignInFailure(key: String, why: String, at now: String, policy: ThrottlePolicy) async throws
        -> SignInThrottleRecord
    {
        try await write { db in
            let stored =
                try SignInThrottleRecord.fetchOne(db, key: key)
                ?? SignInThrottleRecord(
                    key: key, failures: 0, windowStart: now, lockouts: 0, lockedUntil: nil, lastFailureAt: now)
            let (record, lockout) = stored.counting(failureAt: now, policy: policy)
            try Self.audit(db, actor: "unknown", action: .signInFailure, target: key, detail: why)
            if let lockout { try Self.audit(db, actor: "safeguard", action: .lockout, target: key, detail: lockout) }
            try record.save(db)
            return record
        }
    }

    /// Forgets a client's failures.
    public func forgetSignInFailures(key: String) async throws {
        _ = try await write { db in try SignInThrottleRecord.deleteOne(db, key: key) }
    }

    /// Every client with failures counted or a lockout, the most recent failure first.
    public func signInThrottles() async throws -> [SignInThrottleRecord] {
        try await pool.read { db in
            try SignInThrottleRecord.order(Column("lastFailureAt").desc).fetchAll(db)
        }
    }

    /// Lifts a client's lockout and forgets its failures; audited.
    public func clearLockout(key: String, actor: String) async throws -> Bool {
        try await write { db in
            guard try SignInThrottleRecord.deleteOne(db, key: key) else { return false }
            try Self.audit(db, actor: actor, action: .lockoutClear, target: key, detail: "")
            return true
        }
    }
}
