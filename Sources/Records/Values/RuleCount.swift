import FormEngine

/// How many findings of a rule and severity the latest evaluations hold.
public struct RuleCount: Sendable, Equatable {
    /// The rule.
    public let rule: String
    /// The severity.
    public let severity: Severity
    /// How many.
    public let count: Int

    /// Creates a count.
    public init(rule: String, severity: Severity, count: Int) {
        self.rule = rule
        self.severity = severity
        self.count = count
    }
}
