import FormEngine
import Records

/// What became of one submission: its evaluation, and whether it was stored (as which number) or refused (why).
public struct SubmitResult: Sendable {
    /// The evaluation, with every finding.
    public let evaluation: Evaluation
    /// Stored, or refused.
    public let outcome: StoreOutcome
    /// The round a school's return went (or would have gone) to, by name; nil for a driver's application.
    public let collection: String?
}
