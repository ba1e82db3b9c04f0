/// One rule of a rule set: when it applies, what it checks, how much a failure matters, and why.
///
/// Immutable and shared: the engine goes through every rule for every submission, and a shared object costs one
/// reference count to hand on, not one for each of its texts and expressions.
public final class Rule: Sendable {
    /// The rule's id, such as `taxi.dbs-recheck`: the finding's `rule`.
    public let id: String
    /// What the rule finds, in plain words, for reports: "DSL training out of date".
    public let title: String
    /// The severity of its findings.
    public let severity: Severity
    /// The law, guidance or policy it rests on.
    public let source: String
    /// Where the rule is defined.
    public let mark: SourceMark
    /// The rule compiled once for each repeat its `for-each` names (or once, without `for-each`).
    let variants: [RuleVariant]

    /// A rule with all its parts.
    init(id: String, title: String, severity: Severity, source: String, mark: SourceMark, variants: [RuleVariant]) {
        self.id = id
        self.title = title
        self.severity = severity
        self.source = source
        self.mark = mark
        self.variants = variants
    }
}

/// A rule compiled for one repeat of its `for-each` (or for the submission as a whole). Shared, as `Rule` is.
final class RuleVariant: Sendable {
    /// The repeat whose items the rule checks one by one, when it has `for-each`.
    let each: FieldLocation?
    /// When set, the rule applies only when this is true.
    let when: Expression?
    /// What must be true; the rule fires when it is not.
    let check: Expression
    /// The message, filled from the values.
    let message: MessageTemplate
    /// The answer the finding points at.
    let target: FindingTarget

    /// A variant with all its parts.
    init(each: FieldLocation?, when: Expression?, check: Expression, message: MessageTemplate, target: FindingTarget) {
        self.each = each
        self.when = when
        self.check = check
        self.message = message
        self.target = target
    }
}

/// The answer a rule's finding points at.
enum FindingTarget: Sendable {
    /// A field of a section.
    case field(FieldLocation)
    /// A field of the current `for-each` item, by index.
    case itemField(Int)
    /// The current `for-each` item itself.
    case item
    /// The submission as a whole.
    case submission
}

/// How often a rule fired and passed in a run: what `rules test --coverage` counts.
public struct RuleOutcome: Sendable, Equatable {
    /// Times the rule applied and its check failed.
    public var fired = 0
    /// Times the rule applied and its check held.
    public var passed = 0

    /// Creates an outcome.
    public init(fired: Int = 0, passed: Int = 0) {
        self.fired = fired
        self.passed = passed
    }
}
