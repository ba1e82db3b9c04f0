/// One test a rule set carries: answers, an evaluation date, and exactly the findings expected.
public struct RuleTest: Sendable {
    /// What the test shows.
    public let name: String
    /// The evaluation date.
    public let asOf: Day
    /// The answers: a mapping in the rule file, or the root of a file under `Rules/tests/`.
    let answers: Document
    /// Parameter values the test changes.
    let parameters: [String: Value]
    /// The findings expected, exactly.
    public let expect: [ExpectedFinding]
    /// Where the test is defined.
    public let mark: SourceMark
}

/// A finding a rule test expects: a rule and severity, and optionally the path.
public struct ExpectedFinding: Sendable, Equatable, CustomStringConvertible {
    /// The rule id.
    public let rule: String
    /// The severity.
    public let severity: Severity
    /// The JSON Pointer, when the test names one.
    public let path: String?

    /// Creates an expectation.
    public init(rule: String, severity: Severity, path: String?) {
        self.rule = rule
        self.severity = severity
        self.path = path
    }

    /// True when a finding meets the expectation.
    public func matches(_ finding: Finding) -> Bool {
        finding.rule == rule && finding.severity == severity && (path == nil || path == finding.path)
    }

    /// `rule severity path`.
    public var description: String { "\(rule) \(severity.rawValue)" + (path.map { " \($0)" } ?? "") }
}
