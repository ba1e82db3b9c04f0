/// Why an evaluation was made.
public enum EvaluationReason: String, Sendable, Codable, CaseIterable {
    /// When the submission was stored.
    case submitted
    /// When the rules were run again on what is stored.
    case revalidated
}
