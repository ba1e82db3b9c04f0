/// How much a finding matters, from highest: error, refer, warning, info.
public enum Severity: String, Sendable, Codable, CaseIterable, Comparable {
    /// The submission cannot be accepted as it stands.
    case error
    /// A person must decide: an officer or the committee.
    case refer
    /// Accepted, but shown and counted.
    case warning
    /// For information.
    case info

    /// Orders severities from highest (error) to lowest (info).
    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
