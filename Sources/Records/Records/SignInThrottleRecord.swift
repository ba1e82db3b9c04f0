/// Failed sign-ins from one client (by its address), and whether it is locked out for now.
public struct SignInThrottleRecord: Codable, Sendable, Equatable {
    /// The client: `address 192.0.2.7`.
    public var key: String
    /// Failures since `windowStart`.
    public var failures: Int
    /// When the failures now counted began, ISO 8601.
    public var windowStart: String
    /// How many times the client has been locked out; each lockout lasts twice the one before.
    public var lockouts: Int
    /// Until when it is locked out, ISO 8601; nil when it is not.
    public var lockedUntil: String?
    /// The last failure, ISO 8601.
    public var lastFailureAt: String

    /// Creates a record.
    public init(
        key: String, failures: Int, windowStart: String, lockouts: Int, lockedUntil: String?, lastFailureAt: String
    ) {
        self.key = key
        self.failures = failures
        self.windowStart = windowStart
        self.lockouts = lockouts
        self.lockedUntil = lockedUntil
        self.lastFailureAt = lastFailureAt
    }
}
