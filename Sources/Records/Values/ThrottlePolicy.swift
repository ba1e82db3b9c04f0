/// How failed sign-ins are throttled: after `threshold` failures within `windowSeconds` a client is locked out for
/// `firstLockSeconds`, each further lockout twice as long, up to `longestLockSeconds`.
public struct ThrottlePolicy: Sendable, Equatable {
    /// Failures that lock a client out.
    public var threshold: Int
    /// The time the failures are counted over, in seconds.
    public var windowSeconds: Int
    /// The first lockout, in seconds.
    public var firstLockSeconds: Int
    /// The longest lockout, in seconds.
    public var longestLockSeconds: Int

    /// A policy; by default 5 failures in 15 minutes lock a client out for a minute, then 2, 4, ... up to an hour.
    public init(
        threshold: Int = 5, windowSeconds: Int = 900, firstLockSeconds: Int = 60, longestLockSeconds: Int = 3600
    ) {
        self.threshold = threshold
        self.windowSeconds = windowSeconds
        self.firstLockSeconds = firstLockSeconds
        self.longestLockSeconds = longestLockSeconds
    }

    /// How long the lockout after `lockouts` earlier ones lasts, in seconds.
    public func lockSeconds(after lockouts: Int) -> Int {
        var seconds = firstLockSeconds
        for _ in 0..<min(lockouts, 20) where seconds < longestLockSeconds { seconds *= 2 }
        return min(seconds, longestLockSeconds)
    }
}
