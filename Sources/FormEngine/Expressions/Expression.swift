/// An expression from a form or rule set, checked against the form when it loaded and ready to evaluate.
///
/// Immutable and shared: the checks hand expressions on for every field and rule of every submission, and a shared
/// object costs one reference count to hand on, not one for each of its parts.
public final class Expression: Sendable {
    /// The expression as written.
    public let text: String
    /// Where it starts in its file.
    public let mark: SourceMark
    /// The type of its value.
    public let type: ValueType
    /// The answers it reads, by their dotted paths (`dbs.issue_date`, `convictions.records.date`).
    public var reads: Set<String> { checked.reads }
    let checked: ExpressionChecker.Checked

    /// An expression with all its parts.
    init(text: String, mark: SourceMark, type: ValueType, checked: ExpressionChecker.Checked) {
        self.text = text
        self.mark = mark
        self.type = type
        self.checked = checked
    }

    /// Evaluates the expression.
    func evaluate(in context: inout EvaluationContext) -> Value {
        context.reserve(slots: checked.slotCount)
        return checked.compiled.evaluate(in: &context)
    }

    /// Evaluates the expression where a yes-no is needed: absent counts as false.
    func holds(in context: inout EvaluationContext) -> Bool {
        context.reserve(slots: checked.slotCount)
        return checked.compiled.holds(in: &context)
    }

    /// The values of the answers and operands the expression reads, outside lambdas, by their text.
    func explain(in context: inout EvaluationContext) -> [(text: String, value: Value, type: ValueType)] {
        context.reserve(slots: checked.slotCount)
        return checked.terms.map { term in (term.text, term.compiled.evaluate(in: &context), term.type) }
    }
}
