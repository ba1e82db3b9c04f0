import FormEngine

/// The latest version of one school's return in a collection, as the reports read it: its facts, its latest
/// evaluation's decision, and when the school first returned.
public struct LatestReturn: Sendable {
    /// The submission number.
    public let id: Int64
    /// The URN.
    public let subjectKey: String
    /// The district recorded with it.
    public let district: String?
    /// Its latest evaluation's decision.
    public let decision: Decision
    /// When the school's first version in this collection was received.
    public let firstReceivedAt: String
    /// What its answers say.
    public let facts: ReturnFacts

    /// Creates one.
    public init(
        id: Int64, subjectKey: String, district: String?, decision: Decision, firstReceivedAt: String,
        facts: ReturnFacts
    ) {
        self.id = id
        self.subjectKey = subjectKey
        self.district = district
        self.decision = decision
        self.firstReceivedAt = firstReceivedAt
        self.facts = facts
    }
}
