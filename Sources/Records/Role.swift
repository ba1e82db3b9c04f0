/// The roles an account can have.
public enum Role: String, Sendable, Codable, CaseIterable {
    /// A school's designated safeguarding lead: its own returns only.
    case school
    /// A district's licensing officer: that district's drivers only.
    case licensing
    /// The board's policy officer: every report.
    case policy
    /// Manages the accounts.
    case admin
}
