import FormEngine

/// One stored version of a subject's submission, with every evaluation made of it.
public struct HistoryEntry: Sendable {
    /// The submission.
    public let submission: SubmissionRecord
    /// The collection it was made to, by name.
    public let collection: String?
    /// The version that replaced it, if any.
    public let supersededBy: Int64?
    /// Its evaluations, oldest first, each with how many findings of each severity it had.
    public let evaluations: [(record: EvaluationRecord, counts: [Severity: Int])]
    /// Licensing officers' decisions on it, oldest first.
    public let decisions: [OfficerDecisionRecord]
    /// For a driver, the Update Service checks recorded, oldest first.
    public let dbsChecks: [DBSCheckRecord]

    /// Creates an entry.
    public init(
        submission: SubmissionRecord, collection: String?, supersededBy: Int64?,
        evaluations: [(record: EvaluationRecord, counts: [Severity: Int])], decisions: [OfficerDecisionRecord],
        dbsChecks: [DBSCheckRecord]
    ) {
        self.submission = submission
        self.collection = collection
        self.supersededBy = supersededBy
        self.evaluations = evaluations
        self.decisions = decisions
        self.dbsChecks = dbsChecks
    }
}
