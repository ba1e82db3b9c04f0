import Foundation
import GRDB
import Records

extension SQLiteStore {
    /// The throttle record of a client.
    public func signInThrottle(key: String) async throws -> SignInThrottleRecord? {
        try await pool.read { db in try SignInThrottleRecord.fetchOne(db, key: key) }
    }

    /// Counts a failed sign-in, locking the client out at the threshold, with its audit lines.
    public func recordSignInFailure(key: String, why: String, at now: String, policy: ThrottlePolicy) async throws
        -> SignInThrottleRecord
    {
        try await write { db in
            let time = Self.date(now)
            var record =
                try SignInThrottleRecord.fetchOne(db, key: key)
                ?? SignInThrottleRecord(
                    key: key, failures: 0, windowStart: now, lockouts: 0, lockedUntil: nil, lastFailureAt: now)
            if time.timeIntervalSince(Self.date(record.windowStart)) > Double(policy.windowSeconds) {
                record.failures = 0
                record.windowStart = now
            }
            record.failures += 1
            record.lastFailureAt = now
            try Self.audit(db, actor: "unknown", action: .signInFailure, target: key, detail: why)
            if record.failures >= policy.threshold {
                let seconds = policy.lockSeconds(after: record.lockouts)
                record.lockedUntil = time.addingTimeInterval(Double(seconds)).formatted(.iso8601)
                record.lockouts += 1
                record.failures = 0
                record.windowStart = now
                try Self.audit(
                    db, actor: "safeguard", action: .lockout, target: key,
                    detail:
                        "\(policy.threshold) failed sign-ins: locked out for \(seconds) s, until \(record.lockedUntil!)"
                )
            }
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

    /// A stored time, or the distant past if it is not one.
    private static func date(_ text: String) -> Date {
        (try? Date(text, strategy: .iso8601)) ?? .distantPast
    }
}
