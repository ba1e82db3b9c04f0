/// Evaluation. The rules for an unanswered (absent) value, which the README repeats:
/// - a comparison (`== != < <= > >=`) with an absent side is false; so is `in` with an absent value or list;
/// - where a yes-no is needed (`! && ||`, a `check`, a `when`), absent counts as false;
/// - arithmetic and date functions with an absent argument give absent;
/// - `present(x)` is false, `len` and `count` and `sum` give 0, `any` is false, `all` is true,
///   `filter` gives an empty list, `min` and `max` ignore absent arguments.
/// Cost: no loops but the iterations over lists, so it is bounded by the submission's size.
extension CompiledExpression {
    /// The value of the expression in `context`.
    func evaluate(in context: inout EvaluationContext) -> Value {
        switch self {
        case .constant(let value):
            return value
        case .field(let section, let field):
            return context.answers[section, field]
        case .presentField, .not, .and, .or, .compare:
            // Yes-or-no expressions: `holds` works each out.
            return .boolean(holds(in: &context))
        case .local(let slot):
            return context.locals[slot]
        case .member(let base, let index):
            guard case .record(let record) = base.evaluate(in: &context) else { return .absent }
            return record.values[index]
        case .parameter(let index):
            return context.parameters[index]
        case .named(let index):
            return context.named(index)
        case .asOf:
            return .date(context.asOf)
        case .negate(let operand):
            guard case .number(let value) = operand.evaluate(in: &context) else { return .absent }
            return .number(-value)
        case .contains(let element, let list):
            let needle = element.evaluate(in: &context)
            guard needle.isPresent, case .list(let items) = list.evaluate(in: &context) else { return .boolean(false) }
            return .boolean(items.contains(needle))
        case .arithmetic(let op, let left, let right):
            guard case .number(let a) = left.evaluate(in: &context), case .number(let b) = right.evaluate(in: &context)
            else { return .absent }
            switch op {
            case .add: return .number(a + b)
            case .subtract: return .number(a - b)
            case .multiply: return .number(a * b)
            default: return b == 0 ? .absent : .number(a / b)
            }
        case .index(let table, let key):
            guard case .map(let entries) = table.evaluate(in: &context),
                case .text(let name) = key.evaluate(in: &context)
            else { return .absent }
            return entries[name] ?? .absent
        case .list(let items):
            return .list(items.map { $0.evaluate(in: &context) })
        case .callOne(let builtin, let argument):
            return Self.call(builtin, argument, in: &context)
        case .callTwo(let builtin, let first, let second):
            return Self.call(builtin, first, second, in: &context)
        case .call(let builtin, let arguments):
            return Self.call(builtin, arguments, in: &context)
        case .iterate(let builtin, let list, let slot, let body):
            return Self.iterate(builtin, list.evaluate(in: &context), slot: slot, body: body, in: &context)
        case .matches(let subject, let pattern):
            guard case .text(let text) = subject.evaluate(in: &context) else { return .boolean(false) }
            return .boolean(pattern.matches(text))
        }
    }

    /// The expression's value where a yes-no is needed (absent counts as false): `evaluate(in:)`'s `isTrue`, worked
    /// out without making a `Value` for each `&&`, `||`, `!`, comparison and `present` on the way (most of a rule's
    /// `when` and `check`). These five are defined here only: `evaluate` makes their value of it.
    func holds(in context: inout EvaluationContext) -> Bool {
        switch self {
        case .not(let operand):
            return !operand.holds(in: &context)
        case .and(let left, let right):
            return left.holds(in: &context) && right.holds(in: &context)
        case .or(let left, let right):
            return left.holds(in: &context) || right.holds(in: &context)
        case .compare(let op, let left, let right):
            return Self.compare(op, left.evaluate(in: &context), right.evaluate(in: &context))
        case .presentField(let section, let field):
            return context.answers.isPresent(section: section, field: field)
        case .callOne(.present, let argument):
            return argument.isPresent(in: &context)
        default:
            return evaluate(in: &context).isTrue
        }
    }

    /// True when the expression has a value (`present(x)`): an answer, or a sub-field of the current item, is looked
    /// at where it is kept rather than copied out.
    func isPresent(in context: inout EvaluationContext) -> Bool {
        switch self {
        case .field(let section, let field):
            return context.answers.isPresent(section: section, field: field)
        case .member(.local(let slot), let index):
            guard case .record(let record) = context.locals[slot] else { return false }
            return record.values[index].isPresent
        default:
            return evaluate(in: &context).isPresent
        }
    }

    private static func compare(_ op: BinaryOperator, _ left: Value, _ right: Value) -> Bool {
        guard left.isPresent, right.isPresent else { return false }
        switch op {
        case .equal: return left == right
        case .notEqual: return left != right
        default: break
        }
        let order: Int
        switch (left, right) {
        case (.number(let a), .number(let b)): order = a < b ? -1 : (a > b ? 1 : 0)
        case (.date(let a), .date(let b)): order = a < b ? -1 : (a > b ? 1 : 0)
        default: return false
        }
        switch op {
        case .less: return order < 0
        case .lessOrEqual: return order <= 0
        case .greater: return order > 0
        default: return order >= 0
        }
    }

    /// The value of a builtin of one argument: `present`, `len`, `count` or `sum` without a lambda.
    private static func call(
        _ builtin: Builtin, _ argument: CompiledExpression, in context: inout EvaluationContext
    ) -> Value {
        switch builtin {
        case .present:
            return .boolean(argument.isPresent(in: &context))
        case .len:
            switch argument.evaluate(in: &context) {
            case .text(let text): return .number(Double(text.count))
            case .list(let items): return .number(Double(items.count))
            default: return .number(0)
            }
        case .count:
            guard case .list(let items) = argument.evaluate(in: &context) else { return .number(0) }
            return .number(Double(items.count))
        case .sum:
            guard case .list(let items) = argument.evaluate(in: &context) else { return .number(0) }
            return .number(
                items.reduce(0) { total, item in
                    if case .number(let value) = item { return total + value }
                    return total
                })
        default:
            return .absent  // compiled to other cases; never called this way
        }
    }

    /// The value of a builtin of two arguments: the distance between two dates, or a date moved.
    private static func call(
        _ builtin: Builtin, _ first: CompiledExpression, _ second: CompiledExpression,
        in context: inout EvaluationContext
    ) -> Value {
        switch builtin {
        case .monthsBetween, .yearsBetween, .daysBetween:
            guard case .date(let from) = first.evaluate(in: &context),
                case .date(let to) = second.evaluate(in: &context)
            else { return .absent }
            switch builtin {
            case .monthsBetween: return .number(Double(from.wholeMonths(to: to)))
            case .yearsBetween: return .number(Double(from.wholeYears(to: to)))
            default: return .number(Double(to.daysSinceEpoch - from.daysSinceEpoch))
            }
        case .addMonths, .addYears, .addDays:
            guard case .date(let day) = first.evaluate(in: &context),
                case .number(let amount) = second.evaluate(in: &context),
                amount.isFinite, abs(amount) < 1_000_000
            else { return .absent }
            let whole = Int(amount.rounded())
            switch builtin {
            case .addMonths: return .date(day.adding(months: whole))
            case .addYears: return .date(day.adding(months: whole * 12))
            default: return .date(Day(daysSinceEpoch: day.daysSinceEpoch + whole))
            }
        default:
            return .absent  // compiled to other cases; never called this way
        }
    }

    /// The value of a builtin of a list of arguments: `join` (a list, and the labels of its choices when it has
    /// them), `min` or `max`.
    private static func call(
        _ builtin: Builtin, _ expressions: [CompiledExpression], in context: inout EvaluationContext
    ) -> Value {
        switch builtin {
        case .join:
            guard case .list(let items) = expressions[0].evaluate(in: &context) else { return .text("") }
            var labels: [String: Value] = [:]
            if expressions.count > 1, case .map(let table) = expressions[1].evaluate(in: &context) { labels = table }
            return .text(
                items.map { item -> String in
                    if case .text(let value) = item, case .text(let label)? = labels[value] { return label }
                    return ValueText.plain(item)
                }.joined(separator: ", "))
        case .min, .max:
            var best = Value.absent
            for expression in expressions {
                let candidate = expression.evaluate(in: &context)
                guard candidate.isPresent else { continue }
                guard best.isPresent else {
                    best = candidate
                    continue
                }
                let isLess = compare(.less, candidate, best)
                if builtin == .min ? isLess : compare(.greater, candidate, best) { best = candidate }
            }
            return best
        default:
            return .absent  // compiled to other cases; never called this way
        }
    }

    private static func iterate(
        _ builtin: Builtin, _ list: Value, slot: Int, body: CompiledExpression, in context: inout EvaluationContext
    ) -> Value {
        let items: [Value]
        if case .list(let all) = list { items = all } else { items = [] }
        let saved = context.locals[slot]
        defer { context.locals[slot] = saved }
        switch builtin {
        case .any, .all:
            let wanted = builtin == .any
            for item in items {
                context.locals[slot] = item
                if body.evaluate(in: &context).isTrue == wanted { return .boolean(wanted) }
            }
            return .boolean(!wanted)
        case .filter:
            var kept: [Value] = []
            for item in items {
                context.locals[slot] = item
                if body.evaluate(in: &context).isTrue { kept.append(item) }
            }
            return .list(kept)
        case .sum:
            var total = 0.0
            for item in items {
                context.locals[slot] = item
                if case .number(let value) = body.evaluate(in: &context) { total += value }
            }
            return .number(total)
        default:
            var total = 0
            for item in items {
                context.locals[slot] = item
                if body.evaluate(in: &context).isTrue { total += 1 }
            }
            return .number(Double(total))
        }
    }
}
