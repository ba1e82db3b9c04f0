import FormEngine

/// A stored submission as an export writes it: the record (its answers as bound among them), its collection's
/// name and its latest evaluation's decision.
public struct ExportedSubmission: Sendable {
    /// The submission.
    public let record: SubmissionRecord
    /// Its collection, by name.
    public let collection: String?
    /// Its latest evaluation's decision.
    public let decision: Decision?

    /// Creates one.
    public init(record: SubmissionRecord, collection: String?, decision: Decision?) {
        self.record = record
        self.collection = collection
        self.decision = decision
    }
}
