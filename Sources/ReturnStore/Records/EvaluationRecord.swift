import GRDB

/// One run of the checks on a submission: the definitions used (by hash), the date, the decision.
/// Revalidation adds new evaluations beside the old, which stay.
public struct EvaluationRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    /// The table.
    public static let databaseTableName = "evaluation"
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
    public var decision: String
    /// `submitted` or `revalidated`.
    public var reason: String
    /// Who ran it.
    public var evaluatedBy: String
    /// When it ran.
    public var evaluatedAt: String

    /// Records the row id after an insert.
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
