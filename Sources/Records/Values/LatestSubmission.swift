import FormEngine

/// The latest version of one subject's submission, as the reports read it: no received bytes, its answers as
/// bound, its latest evaluation's decision, and when the subject first submitted.
public struct LatestSubmission: Sendable {
    /// The submission number.
    public let id: Int64
    /// The URN or driver number.
    public let subjectKey: String
    /// The district recorded with it.
    public let district: String?
    /// The answers as bound, as JSON.
    public let bound: String
    /// When this version was received.
    public let receivedAt: String
    /// When the subject's first version (in this collection) was received.
    public let firstReceivedAt: String
    /// The latest evaluation.
    public let evaluationID: Int64
    /// Its decision.
    public let decision: Decision

    /// Creates one.
    public init(
        id: Int64, subjectKey: String, district: String?, bound: String, receivedAt: String, firstReceivedAt: String,
        evaluationID: Int64, decision: Decision
    ) {
        self.id = id
        self.subjectKey = subjectKey
        self.district = district
        self.bound = bound
        self.receivedAt = receivedAt
        self.firstReceivedAt = firstReceivedAt
        self.evaluationID = evaluationID
        self.decision = decision
    }
}
