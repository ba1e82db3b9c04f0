@testable import FormEngine
import Testing

/// A small form for expressions to name: a date, a number, a yes-no, a choice, a multi-choice and a repeat.
private let layoutForm: FormDefinition = {
    let text = """
        form: exprs
        version: "1"
        title: Expressions
        subject: driver
        subject-key: a.name
        lists:
          levels: [basic, enhanced]
        sections:
          - id: a
            title: A
            fields:
              - {id: name, type: text, label: Name}
              - {id: day, type: date, label: Day}
              - {id: later, type: date, label: Later}
              - {id: points, type: integer, label: Points}
              - {id: flag, type: yes-no, label: Flag}
              - {id: level, type: choice, list: levels, label: Level}
              - {id: levels, type: multi-choice, list: levels, label: Levels}
              - id: items
                type: repeat
                label: Items
                fields:
                  - {id: size, type: integer, label: Size}
                  - {id: when, type: date, label: When}
        """
    return try! FormDefinition.load(bytes: Array(text.utf8), file: "exprs.yaml").get()
}()

private let scope = ExpressionScope(
    layout: layoutForm.layout, parameters: ["limit": (0, .number), "table": (1, .map(.list(.number)))], namedValues: [:]
)

/// Evaluates an expression against answers given as a fragment of section `a`, and checks that where a yes-no is
/// needed (`holds`, which rules and field logic use) it gives what the value's `isTrue` says.
private func evaluate(_ expression: String, _ answers: String = "{}", sourceLocation: SourceLocation = #_sourceLocation)
    -> Value?
{
    guard case .success(let checked) = ExpressionChecker.check(expression, in: scope) else {
        Issue.record("'\(expression)' did not check", sourceLocation: sourceLocation)
        return nil
    }
    guard case .success(let document) = Intake.read("a: \(answers)\n", file: "answers.yaml") else { return nil }
    let binder = SubmissionBinder(form: layoutForm, document: document)
    let bound = binder.bind()
    func context() -> EvaluationContext {
        EvaluationContext(
            answers: bound, asOf: Day(iso: "2026-07-15")!,
            parameters: [.number(6), .map(["x": .list([.number(1), .number(2)])])],
            slots: checked.slotCount)
    }
    var evaluating = context()
    let value = checked.compiled.evaluate(in: &evaluating)
    var testing = context()
    #expect(
        checked.compiled.holds(in: &testing) == value.isTrue, "'\(expression)' holds as its value says",
        sourceLocation: sourceLocation)
    return value
}

/// The problem an expression has, if any.
private func problem(_ expression: String) -> ExpressionProblem? {
    if case .failure(let problem) = ExpressionChecker.check(expression, in: scope) { return problem }
    return nil
}

@Suite("Expressions: syntax and precedence")
struct ExpressionSyntaxTests {
    @Test(
        "operators bind as in C: ! and - tightest, then * /, + -, comparisons, equality, &&, ||",
        arguments: [
            ("1 + 2 * 3 == 7", true), ("(1 + 2) * 3 == 9", true), ("!false && false || true", true),
            ("!(false || true)", false), ("-2 + 5 == 3", true), ("10 - 4 - 3 == 3", true), ("8 / 4 / 2 == 1", true),
            ("1 < 2 == true", true), ("2 in [1, 2, 3]", true), ("'b' in ['a']", false),
            ("true || false && false", true),
        ])
    func precedence(expression: String, expected: Bool) {
        #expect(evaluate(expression) == .boolean(expected))
    }

    @Test(
        "syntax errors point at the character at fault",
        arguments: [
            ("a.points = 3", 9, "Compare with '==', not '='."), ("a.flag and a.flag", 7, "Write 'and' as '&&'."),
            ("a.points < 1 < 2", 13, "Compare two things at a time"), ("(a.points", 9, "Expected ')'"),
            ("a.name == 'open", 10, "no closing '"), ("", 0, "The expression is empty."), ("a.", 2, "a name after '.'"),
            ("a.flag & a.flag", 7, "Write 'and' as '&&'."), ("a.name == ‘x’", 10, "straight quotes"),
        ])
    func syntaxErrors(expression: String, offset: Int, message: String) throws {
        let found = try #require(problem(expression))
        #expect(found.range.lowerBound == offset, "\(found)")
        #expect(found.message.contains(message), "\(found.message)")
    }
}

@Suite("Expressions: the type checker")
struct ExpressionTypeTests {
    @Test(
        "unknown names, type mismatches, unknown functions and wrong arguments are errors at load time",
        arguments: [
            ("a.pionts > 1", "The section 'a' has no field 'pionts'. Did you mean 'points'?"),
            ("b.points > 1", "Unknown name 'b'."),
            ("a > 1", "'a' is a section: name one of its fields, like 'a.name'."),
            ("a.points > a.day", "'>' compares two numbers or two dates, not a number and a date."),
            ("a.flag == 'yes'", "A yes-no cannot be compared with a text. Compare a yes-no answer with true or false"),
            ("a.level == 'enhance'", "'enhance' is not a choice in the list 'levels'. Did you mean 'enhanced'?"),
            ("'standard' in a.levels", "'standard' is not a choice in the list 'levels'."),
            ("months_betwen(a.day, a.later) > 1", "Unknown function 'months_betwen'. Did you mean 'months_between'?"),
            ("months_between(a.day) > 1", "months_between takes 2 arguments, not 1"),
            ("present()", "present takes 1 argument, not 0"),
            ("add_months(a.day, a.day) > a.day", "add_months moves a date by a number, but this is a date."),
            ("a.day + 1 > a.day", "To move a date use add_days"),
            ("any(a.items, s -> s.sise > 1)", "The items of '/a/items' have no field 'sise'. Did you mean 'size'?"),
            ("any(a.points, s -> true)", "any works on a list (a repeat or a multi-choice), not a number."),
            ("any(a.items, s -> s.size)", "The lambda of any must give a yes-no, but this is a number."),
            ("all(a.items)", "all takes 2 arguments, not 1"),
            ("params.limt > 1", "Unknown parameter 'limt'. Did you mean 'limit'?"),
            ("a.points[1] > 1", "Only a table parameter can be looked up with [...]"),
            ("date('2017-02-30') > a.day", "'2017-02-30' is not a real date written as YYYY-MM-DD."),
            ("matches(a.name, '[a-')", "This pattern is not a valid regular expression"),
            ("a.name.first == 'x'", "A text has no fields"),
            ("s -> true", "A lambda (x -> ...) can only be the last argument"),
            ("[1, 'a'] == [1]", "Every item of a list must be of one type"),
            ("as_of == a.day", "'as_of' is a function: write as_of()."),
        ])
    func errors(expression: String, message: String) throws {
        let found = try #require(problem(expression))
        #expect(found.message.contains(message), "\(found.message)")
    }

    @Test("a form has no parameters")
    func noParametersInForms() throws {
        guard
            case .failure(let found) = ExpressionChecker.check(
                "params.limit > 1", in: ExpressionScope(layout: layoutForm.layout))
        else {
            Issue.record("params was allowed in a form")
            return
        }
        #expect(found.message == "A form has no parameters: 'params' can only be used in a rule set.")
    }

    @Test("the checker gives each expression its type")
    func types() throws {
        func type(_ text: String) -> ValueType? { try? ExpressionChecker.check(text, in: scope).get().type }
        #expect(type("a.day") == .date)
        #expect(type("a.level") == .choice("levels"))
        #expect(type("a.levels") == .list(.choice("levels")))
        #expect(type("months_between(a.day, a.later)") == .number)
        #expect(type("filter(a.levels, l -> l == 'basic')") == .list(.choice("levels")))
        #expect(type("params.table['x']") == .list(.number))
        #expect(type("max(a.day, a.later)") == .date)
    }
}

@Suite("Expressions: evaluation, and what an unanswered field does")
struct ExpressionEvaluationTests {
    @Test(
        "each operator with an absent (unanswered) value, as the README documents",
        arguments: [
            ("a.points == 1", Value.boolean(false)), ("a.points != 1", .boolean(false)),
            ("a.points < 1", .boolean(false)),
            ("a.day >= as_of()", .boolean(false)), ("!a.flag", .boolean(true)), ("a.flag || true", .boolean(true)),
            ("a.flag && true", .boolean(false)), ("a.level in ['basic']", .boolean(false)),
            ("'basic' in a.levels", .boolean(false)),
            ("a.points + 1", .absent), ("months_between(a.day, as_of())", .absent), ("add_months(a.day, 6)", .absent),
            ("present(a.points)", .boolean(false)), ("len(a.name)", .number(0)), ("count(a.items)", .number(0)),
            ("!present(a.points) && !(a.points > 1)", .boolean(true)),
            ("present(a.points) || a.points == 1", .boolean(false)),
            ("present(add_months(a.day, 6))", .boolean(false)),
            ("sum(a.items, s -> s.size)", .number(0)), ("any(a.items, s -> true)", .boolean(false)),
            ("all(a.items, s -> false)", .boolean(true)), ("filter(a.levels, l -> true)", .list([])),
            ("max(a.day, date('2017-01-01'))", .date(Day(iso: "2017-01-01")!)), ("max(a.day, a.later)", .absent),
            ("matches(a.name, 'x')", .boolean(false)), ("params.table[a.name]", .absent),
        ])
    func absent(expression: String, expected: Value) {
        #expect(evaluate(expression) == expected)
    }

    @Test(
        "functions on answers",
        arguments: [
            ("months_between(a.day, a.later)", Value.number(7)), ("years_between(a.day, a.later)", .number(0)),
            ("days_between(a.day, a.later)", .number(212)), ("add_months(a.day, 6) < a.later", .boolean(true)),
            ("add_years(a.day, 1) > a.later", .boolean(true)), ("add_days(a.day, 212) == a.later", .boolean(true)),
            ("as_of()", .date(Day(iso: "2026-07-15")!)), ("len(a.name)", .number(5)), ("len(a.levels)", .number(2)),
            ("count(a.items)", .number(3)), ("count(a.items, s -> s.size > 1)", .number(2)),
            ("sum(a.items, s -> s.size)", .number(6)), ("any(a.items, s -> s.size == 3)", .boolean(true)),
            ("all(a.items, s -> s.size > 1)", .boolean(false)), ("join(a.levels)", .text("basic, enhanced")),
            ("matches(a.name, '[A-Z][a-z]+')", .boolean(true)), ("params.limit * 2", .number(12)),
            ("params.table['x']", .list([.number(1), .number(2)])), ("a.points / 0", .absent),
            ("min(a.day, a.later)", .date(Day(iso: "2016-08-01")!)),
            ("any(a.items, s -> any(a.levels, l -> l == 'enhanced' && s.size == 2))", .boolean(true)),
            ("count(filter(a.items, s -> present(s.when)))", .number(1)),
            ("present(a.day) && present(a.levels) && !(a.points < 1)", .boolean(true)),
            ("present(a.items) && any(a.items, s -> present(s.when))", .boolean(true)),
            ("present(add_months(a.day, 6)) && add_months(a.day, 6) < a.later", .boolean(true)),
        ])
    func functions(expression: String, expected: Value) {
        let answers =
            "{name: Alice, day: 2016-08-01, later: 2017-03-01, points: 4, flag: yes, level: basic, levels: [basic, enhanced], items: [{size: 1}, {size: 2, when: 2017-01-01}, {size: 3}]}"
        #expect(evaluate(expression, answers) == expected)
    }

    @Test(
        "any white space separates an expression's words: tabs, line breaks, a no-break space, an em space",
        arguments: ["a.points\t+\n2", "a.points\u{00A0}+\u{2003}2", "  a.points + 2\r\n"])
    func whiteSpace(expression: String) {
        #expect(evaluate(expression, "{points: 4}") == .number(6))
    }

    @Test("white space is what Unicode says it is, ASCII or not")
    func whiteSpaceScalars() {
        for value in UInt32(0)...0x3100 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            #expect(scalar.isWhiteSpace == scalar.properties.isWhitespace, "U+\(String(value, radix: 16))")
        }
    }
}
