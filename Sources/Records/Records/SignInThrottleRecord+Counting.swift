import Foundation

extension SignInThrottleRecord {
    /// The record after one more failed sign-in at `now` (ISO 8601) under `policy`: the failures counted afresh once
    /// the window has passed, and a lockout (twice as long as the one before, to the policy's longest) when they
    /// reach the threshold. With the lockout's audit detail when one began. Both stores call this inside the
    /// transaction that counts the failure.
    public func counting(failureAt now: String, policy: ThrottlePolicy) -> (record: Self, lockout: String?) {
        var record = self
        let time = Self.date(now)
        if time.timeIntervalSince(Self.date(record.windowStart)) > Double(policy.windowSeconds) {
            record.failures = 0
            record.windowStart = now
        }
        record.failures += 1
        record.lastFailureAt = now
        guard record.failures >= policy.threshold else { return (record, nil) }
        let seconds = policy.lockSeconds(after: record.lockouts)
        let until = time.addingTimeInterval(Double(seconds)).formatted(.iso8601)
        record.lockedUntil = until
        record.lockouts += 1
        record.failures = 0
        record.windowStart = now
        return (record, "\(policy.threshold) failed sign-ins: locked out for \(seconds) s, until \(until)")
    }

    /// A stored time, or the distant past if it is not one.
    private static func date(_ text: String) -> Date {
        (try? Date(text, strategy: .iso8601)) ?? .distantPast
    }
}
