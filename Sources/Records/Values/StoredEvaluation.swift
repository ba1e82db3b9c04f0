import FormEngine

/// A submission as stored, with its latest evaluation and that evaluation's findings: what revalidation
/// checks again and compares with, and what a replay runs again.
public struct StoredEvaluation: Sendable {
    /// The submission, with the bytes exactly as received.
    public let submission: SubmissionRecord
    /// The evaluation.
    public let evaluation: EvaluationRecord
    /// Its findings, in the order they were stored.
    public let findings: [FindingRecord]
    /// The rule parameters of the submission's collection (its period), as evaluations of it use them.
    public let parameters: [String: Value]

    /// Creates one.
    public init(
        submission: SubmissionRecord, evaluation: EvaluationRecord, findings: [FindingRecord],
        parameters: [String: Value]
    ) {
        self.submission = submission
        self.evaluation = evaluation
        self.findings = findings
        self.parameters = parameters
    }
}
