/// An expression after checking: names resolved to indices, literals parsed, ready to evaluate quickly.
indirect enum CompiledExpression: Sendable {
    case constant(Value)
    /// A field of a section, by index.
    case field(section: Int, field: Int)
    /// `present(x)` of a field of a section: its answer looked at where it is kept, with nothing to count or copy
    /// (the commonest call in the rules).
    case presentField(section: Int, field: Int)
    /// A lambda's parameter or the repeat item a field belongs to, by slot.
    case local(Int)
    /// A sub-field of a repeat item, by index.
    case member(CompiledExpression, Int)
    /// A parameter of the rule set, by index into the evaluation's parameter values.
    case parameter(Int)
    /// A named value of the rule set (`let:`), by index, computed once per submission.
    case named(Int)
    case asOf
    case not(CompiledExpression)
    case negate(CompiledExpression)
    case and(CompiledExpression, CompiledExpression)
    case or(CompiledExpression, CompiledExpression)
    case compare(BinaryOperator, CompiledExpression, CompiledExpression)
    case contains(element: CompiledExpression, list: CompiledExpression)
    case arithmetic(BinaryOperator, CompiledExpression, CompiledExpression)
    case index(CompiledExpression, CompiledExpression)
    case list([CompiledExpression])
    /// A builtin of one argument (`present`, `len`, `count`, `sum`): held as the case's own operand, not in a list,
    /// so that evaluating it counts no reference.
    case callOne(Builtin, CompiledExpression)
    /// A builtin of two arguments (the date functions), held so too.
    case callTwo(Builtin, CompiledExpression, CompiledExpression)
    /// A builtin of a list of arguments: `join`, `min`, `max`.
    case call(Builtin, [CompiledExpression])
    /// `any`, `all`, `count`, `sum` or `filter` with a lambda: the body runs with each item in `slot`.
    case iterate(Builtin, list: CompiledExpression, slot: Int, body: CompiledExpression)
    case matches(CompiledExpression, TextPattern)
}
