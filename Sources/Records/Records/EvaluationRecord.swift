import FormEngine

/// One run of the checks on a submission: the definitions used (by hash), the date, the decision.
/// Revalidation adds new evaluations beside the old, which stay.
public struct EvaluationRecord: Codable, Sendable, Equatable {
    /// The row id.
    public var id: Int64?
    /// The submission evaluated.
    public var submissionID: Int64
    /// The SHA-256 of the form file used.
    public var formHash: String
    /// The SHA-256 of the rule file used, when the form had rules.
    public var ruleSetHash: String?
    /// The parameters replaced for this evaluation (a collection's period), as JSON.
    public var parameters: String
    /// The evaluation date, `YYYY-MM-DD`.
    public var asOf: String
    /// `accepted`, `referred` or `rejected`.
    public var decision: Decision
    /// `submitted` or `revalidated`.
    public var reason: EvaluationReason
    /// Who ran it.
    public var evaluatedBy: String
    /// When it ran.
    public var evaluatedAt: String

    /// Creates a record; `id` is nil until it is stored.
    public init(
        id: Int64?, submissionID: Int64, formHash: String, ruleSetHash: String?, parameters: String, asOf: String,
        decision: Decision, reason: EvaluationReason, evaluatedBy: String, evaluatedAt: String
    ) {
        self.id = id
        self.submissionID = submissionID
        self.formHash = formHash
        self.ruleSetHash = ruleSetHash
        self.parameters = parameters
        self.asOf = asOf
        self.decision = decision
        self.reason = reason
        self.evaluatedBy = evaluatedBy
        self.evaluatedAt = evaluatedAt
    }
}
