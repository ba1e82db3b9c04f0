/// One stored submission with everything a page about it shows: its latest evaluation and findings, the
/// officers' decisions, its collection and the version that replaced it. Read at one moment.
public struct SubmissionDetail: Sendable {
    /// The submission.
    public let record: SubmissionRecord
    /// Its latest evaluation.
    public let evaluation: EvaluationRecord
    /// That evaluation's findings, in the order they were stored.
    public let findings: [FindingRecord]
    /// The officers' decisions on it, oldest first.
    public let decisions: [OfficerDecisionRecord]
    /// The collection it was made to, by name.
    public let collection: String?
    /// The version that replaced it, if any.
    public let replacement: Int64?

    /// Creates a detail.
    public init(
        record: SubmissionRecord, evaluation: EvaluationRecord, findings: [FindingRecord],
        decisions: [OfficerDecisionRecord], collection: String?, replacement: Int64?
    ) {
        self.record = record
        self.evaluation = evaluation
        self.findings = findings
        self.decisions = decisions
        self.collection = collection
        self.replacement = replacement
    }
}
