import FormEngine

/// The latest version of one driver's application, as the licensing report reads it: its facts and its latest
/// evaluation's decision.
public struct LatestApplication: Sendable {
    /// The submission number.
    public let id: Int64
    /// The driver number.
    public let subjectKey: String
    /// The district recorded with it.
    public let district: String?
    /// Its latest evaluation's decision.
    public let decision: Decision
    /// What its answers say.
    public let facts: DriverFacts

    /// Creates one.
    public init(id: Int64, subjectKey: String, district: String?, decision: Decision, facts: DriverFacts) {
        self.id = id
        self.subjectKey = subjectKey
        self.district = district
        self.decision = decision
        self.facts = facts
    }
}
