/// A kind of record the retention schedule gives a period, each with the event its period runs from.
public enum RetentionKind: String, Sendable, Codable, CaseIterable {
    /// A portal draft not sent, from when it was last saved.
    case drafts
    /// A portal session, from when it ended.
    case sessions
    /// A submission version replaced by a later one, from when the later one arrived; a version with a refusal
    /// recorded on it follows `refusedApplications` instead.
    case supersededVersions = "superseded-versions"
    /// A driver's application with a refusal recorded on it, and the versions before it, from the refusal.
    case refusedApplications = "refused-applications"
    /// An entry of the JOF's shared register (a refusal, suspension or revocation on safeguarding or road-safety
    /// grounds), from the decision.
    case registerEntries = "register-entries"
    /// A line of the audit log, from when it was written.
    case auditEntries = "audit-entries"

    /// The event the period runs from, in words.
    public var clock: String {
        switch self {
        case .drafts: return "from when it was last saved"
        case .sessions: return "from when it ended"
        case .supersededVersions: return "from when a later version arrived"
        case .refusedApplications: return "from the refusal"
        case .registerEntries: return "from the decision"
        case .auditEntries: return "from when it was written"
        }
    }
}
