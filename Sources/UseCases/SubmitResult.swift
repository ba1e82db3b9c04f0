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
    /// When mail is sent and this is a school's return stored: what became of the receipt to its DSL (`receipt
    /// sent to the DSL`, or why not).
    public let receipt: String?
}
