/// Resolves the names of an `ExpressionSyntax` tree, checks every type, and compiles it.
///
/// Every problem is an `ExpressionProblem` pointing at the characters at fault: an unknown name (with
/// the closest known one), a type mismatch, an unknown function, a wrong number of arguments, a
/// choice literal that its list does not hold.
struct ExpressionChecker {
    /// A sub-expression whose value a finding shows when its check fails: its text and how to compute it.
    struct Term: Sendable {
        let text: String
        let compiled: CompiledExpression
        let type: ValueType
    }

    /// A checked expression.
    struct Checked: Sendable {
        let compiled: CompiledExpression
        let type: ValueType
        /// How many local slots evaluation needs (lambda parameters and the current repeat item).
        let slotCount: Int
        /// The operands and answers the check saw, for a finding's `values`; empty unless asked for.
        let terms: [Term]
        /// The answers it reads, by their dotted paths: `dbs.issue_date`, `convictions.records.date`.
        let reads: Set<String>
    }

    private let scope: ExpressionScope
    private let text: [Unicode.Scalar]
    private var locals: [(name: String, type: ValueType, slot: Int)] = []
    private var slotCount: Int
    private var lambdaDepth = 0
    private let collectsTerms: Bool
    private var terms: [Term] = []
    private var reads: Set<String> = []

    private init(scope: ExpressionScope, text: String, collectsTerms: Bool) {
        self.scope = scope
        self.text = Array(text.unicodeScalars)
        self.collectsTerms = collectsTerms
        self.locals = scope.boundLocals
        self.slotCount = max(scope.siblings?.slot ?? -1, scope.boundLocals.map(\.slot).max() ?? -1) + 1
    }

    /// Parses and checks `text` in `scope`; `expecting` is the type the context needs, if any.
    static func check(
        _ text: String, in scope: ExpressionScope, expecting: ValueType? = nil, collectsTerms: Bool = false
    ) -> Result<Checked, ExpressionProblem> {
        switch ExpressionParser.parse(text) {
        case .failure(let problem):
            return .failure(problem)
        case .success(let syntax):
            var checker = ExpressionChecker(scope: scope, text: text, collectsTerms: collectsTerms)
            do {
                let (compiled, type) = try checker.check(syntax)
                if let expecting, !type.fits(expecting) {
                    throw ExpressionProblem(
                        range: syntax.range,
                        message: "This must give a \(expecting), but it gives a \(type).")
                }
                return .success(
                    Checked(
                        compiled: compiled, type: type, slotCount: checker.slotCount, terms: checker.terms,
                        reads: checker.reads))
            } catch let problem as ExpressionProblem {
                return .failure(problem)
            } catch {
                return .failure(ExpressionProblem(range: syntax.range, message: "\(error)"))
            }
        }
    }

    // MARK: - Nodes

    private mutating func check(_ syntax: ExpressionSyntax) throws(ExpressionProblem) -> (CompiledExpression, ValueType)
    {
        switch syntax.kind {
        case .number(let value):
            return (.constant(.number(value)), .number)
        case .text(let value):
            return (.constant(.text(value)), .text)
        case .boolean(let value):
            return (.constant(.boolean(value)), .boolean)
        case .list(let items):
            return try checkList(items, syntax: syntax)
        case .name(let name):
            let result = try resolve(name: name, syntax: syntax)
            noteAnswer(syntax, result)
            return result
        case .member(let base, let name):
            let result = try resolveMember(base: base, name: name, syntax: syntax)
            noteAnswer(syntax, result)
            return result
        case .index(let base, let key):
            let (table, tableType) = try check(base)
            guard case .map(let element) = tableType else {
                throw problem(base, "Only a table parameter can be looked up with [...]; this is a \(tableType).")
            }
            let (keyCompiled, keyType) = try check(key)
            guard keyType.fits(.text) else {
                throw problem(key, "A table is looked up by text; this is a \(keyType).")
            }
            return (.index(table, keyCompiled), element)
        case .call(let name, let arguments):
            let result = try checkCall(name, arguments, syntax: syntax)
            if result.1 == .boolean { noteTerm(syntax, result) }
            return result
        case .lambda:
            throw problem(
                syntax, "A lambda (x -> ...) can only be the last argument of any, all, count, sum or filter.")
        case .unary(let op, let operand):
            let (compiled, type) = try check(operand)
            switch op {
            case .not:
                try require(type, .boolean, operand, "'!' needs a yes-no")
                return (.not(compiled), .boolean)
            case .negate:
                try require(type, .number, operand, "'-' needs a number")
                if case .constant(.number(let value)) = compiled { return (.constant(.number(-value)), .number) }
                return (.negate(compiled), .number)
            }
        case .binary(let op, let left, let right):
            return try checkBinary(op, left, right, syntax: syntax)
        }
    }

    private mutating func checkList(
        _ items: [ExpressionSyntax], syntax: ExpressionSyntax
    ) throws(ExpressionProblem) -> (CompiledExpression, ValueType) {
        var compiled: [CompiledExpression] = []
        var element = ValueType.anything
        for item in items {
            let (itemCompiled, itemType) = try check(item)
            if element == .anything {
                element = itemType
            } else if !itemType.isComparable(with: element) {
                throw problem(
                    item, "Every item of a list must be of one type: this is a \(itemType), not a \(element).")
            }
            compiled.append(itemCompiled)
        }
        let constants = compiled.compactMap { item -> Value? in
            if case .constant(let value) = item { return value }
            return nil
        }
        if constants.count == compiled.count { return (.constant(.list(constants)), .list(element)) }
        return (.list(compiled), .list(element))
    }

    private mutating func checkBinary(
        _ op: BinaryOperator, _ left: ExpressionSyntax, _ right: ExpressionSyntax, syntax: ExpressionSyntax
    ) throws(ExpressionProblem) -> (CompiledExpression, ValueType) {
        let (leftCompiled, leftType) = try check(left)
        let (rightCompiled, rightType) = try check(right)
        switch op {
        case .and, .or:
            try require(leftType, .boolean, left, "'\(op.rawValue)' joins yes-no conditions")
            try require(rightType, .boolean, right, "'\(op.rawValue)' joins yes-no conditions")
            return (op == .and ? .and(leftCompiled, rightCompiled) : .or(leftCompiled, rightCompiled), .boolean)
        case .equal, .notEqual:
            guard leftType.isComparable(with: rightType) else {
                throw problem(syntax, comparisonMismatch(leftType, rightType))
            }
            try checkChoiceLiteral(right, against: leftType)
            try checkChoiceLiteral(left, against: rightType)
            noteOperands(left, leftCompiled, leftType, right, rightCompiled, rightType)
            return (.compare(op, leftCompiled, rightCompiled), .boolean)
        case .less, .lessOrEqual, .greater, .greaterOrEqual:
            let ordered =
                (leftType.fits(.number) && rightType.fits(.number)) || (leftType.fits(.date) && rightType.fits(.date))
            guard ordered else {
                throw problem(
                    syntax,
                    "'\(op.rawValue)' compares two numbers or two dates, not a \(leftType) and a \(rightType).")
            }
            noteOperands(left, leftCompiled, leftType, right, rightCompiled, rightType)
            return (.compare(op, leftCompiled, rightCompiled), .boolean)
        case .isIn:
            guard let element = rightType.element else {
                throw problem(right, "'in' looks for a value in a list; this is a \(rightType).")
            }
            guard leftType.isComparable(with: element) else {
                throw problem(syntax, "A \(leftType) cannot be found in a list of \(element).")
            }
            try checkChoiceLiteral(left, against: element)
            if case .list(let items) = right.kind {
                for item in items { try checkChoiceLiteral(item, against: leftType) }
            }
            noteOperands(left, leftCompiled, leftType, right, rightCompiled, rightType)
            return (.contains(element: leftCompiled, list: rightCompiled), .boolean)
        case .add, .subtract, .multiply, .divide:
            guard leftType.fits(.number), rightType.fits(.number) else {
                let hint =
                    leftType == .date || rightType == .date
                    ? " To move a date use add_days, add_months or add_years; to measure between dates use days_between, months_between or years_between."
                    : ""
                throw problem(syntax, "'\(op.rawValue)' works on numbers, not a \(leftType) and a \(rightType).\(hint)")
            }
            return (.arithmetic(op, leftCompiled, rightCompiled), .number)
        }
    }

    // MARK: - Names

    private mutating func resolve(name: String, syntax: ExpressionSyntax) throws(ExpressionProblem) -> (
        CompiledExpression, ValueType
    ) {
        if let local = locals.last(where: { $0.name == name }) {
            return (.local(local.slot), local.type)
        }
        if let siblings = scope.siblings, let field = siblings.shape.field(named: name) {
            reads.insert(Self.dotted(siblings.shape.path, name))
            return (.member(.local(siblings.slot), field.index), field.type)
        }
        if let named = scope.namedValues[name] {
            return (.named(named.index), named.type)
        }
        if let section = scope.layout.section(name) {
            let example = scope.layout.sections[section].fields.first.map { "'\(name).\($0.id)'" } ?? "one"
            throw problem(syntax, "'\(name)' is a section: name one of its fields, like \(example).")
        }
        if name == "params" {
            throw problem(
                syntax,
                "Name a parameter after 'params.', like 'params.\(scope.parameters.keys.sorted().first ?? "name")'.")
        }
        if let builtin = Builtin(rawValue: name) {
            throw problem(syntax, "'\(name)' is a function: write \(builtin.signature).")
        }
        var known = locals.map(\.name) + scope.layout.sections.map(\.id) + scope.namedValues.keys
        if let siblings = scope.siblings { known += siblings.shape.fields.map(\.id) }
        throw problem(syntax, "Unknown name '\(name)'.\(Suggestion.didYouMean(name, in: known))")
    }

    private mutating func resolveMember(
        base: ExpressionSyntax, name: String, syntax: ExpressionSyntax
    ) throws(ExpressionProblem) -> (CompiledExpression, ValueType) {
        if case .name(let baseName) = base.kind, !isLocalOrNamed(baseName) {
            if baseName == "params" {
                guard scope.hasParameters else {
                    throw problem(syntax, "A form has no parameters: 'params' can only be used in a rule set.")
                }
                guard let parameter = scope.parameters[name] else {
                    throw problem(
                        syntax,
                        "Unknown parameter '\(name)'.\(Suggestion.didYouMean(name, in: scope.parameters.keys))")
                }
                return (.parameter(parameter.index), parameter.type)
            }
            if let section = scope.layout.section(baseName) {
                guard let field = scope.layout.field(name, inSection: section) else {
                    let fields = scope.layout.sections[section].fields.map(\.id)
                    throw problem(
                        syntax,
                        "The section '\(baseName)' has no field '\(name)'.\(Suggestion.didYouMean(name, in: fields))")
                }
                reads.insert("\(baseName).\(name)")
                return (.field(section: section, field: field.index), field.type)
            }
        }
        let (compiled, type) = try check(base)
        guard case .record(let shape) = type else {
            throw problem(syntax, "A \(type) has no fields, so '.\(name)' means nothing here.")
        }
        guard let field = shape.field(named: name) else {
            throw problem(
                syntax,
                "The items of '\(shape.path)' have no field '\(name)'."
                    + Suggestion.didYouMean(name, in: shape.fields.map(\.id)))
        }
        reads.insert(Self.dotted(shape.path, name))
        return (.member(compiled, field.index), field.type)
    }

    /// A repeat's sub-field as a dotted path: `/convictions/records` and `date` give `convictions.records.date`.
    private static func dotted(_ repeatPath: String, _ field: String) -> String {
        (repeatPath.split(separator: "/").map(String.init) + [field]).joined(separator: ".")
    }

    private func isLocalOrNamed(_ name: String) -> Bool {
        locals.contains(where: { $0.name == name }) || scope.namedValues[name] != nil
            || scope.siblings?.shape.field(named: name) != nil
    }

    // MARK: - Calls

    private mutating func checkCall(
        _ name: String, _ arguments: [ExpressionSyntax], syntax: ExpressionSyntax
    ) throws(ExpressionProblem) -> (CompiledExpression, ValueType) {
        guard let builtin = Builtin(rawValue: name) else {
            throw problem(
                syntax,
                "Unknown function '\(name)'.\(Suggestion.didYouMean(name, in: Builtin.allCases.map(\.rawValue)))")
        }
        func arity(_ allowed: ClosedRange<Int>) throws(ExpressionProblem) {
            guard allowed.contains(arguments.count) else {
                throw problem(
                    syntax,
                    "\(name) takes \(Self.describe(allowed)), not \(arguments.count): \(builtin.signature).")
            }
        }
        switch builtin {
        case .asOf:
            try arity(0...0)
            return (.asOf, .date)
        case .date:
            try arity(1...1)
            guard case .text(let literal) = arguments[0].kind else {
                throw problem(arguments[0], "date(...) takes a date written in quotes, like date('2017-03-31').")
            }
            guard let day = Day(iso: literal) else {
                throw problem(arguments[0], "'\(literal)' is not a real date written as YYYY-MM-DD.")
            }
            return (.constant(.date(day)), .date)
        case .present:
            try arity(1...1)
            let (compiled, _) = try check(arguments[0])
            if case .field(let section, let field) = compiled {
                return (.presentField(section: section, field: field), .boolean)
            }
            return (.callOne(.present, compiled), .boolean)
        case .len:
            try arity(1...1)
            let (compiled, type) = try check(arguments[0])
            guard type.fits(.text) || type.element != nil else {
                throw problem(arguments[0], "len(...) measures text or a list, not a \(type).")
            }
            return (.callOne(.len, compiled), .number)
        case .join:
            try arity(1...1)
            let (compiled, type) = try check(arguments[0])
            guard type.element != nil else { throw problem(arguments[0], "join(...) takes a list, not a \(type).") }
            var joined = [compiled]
            if let listID = type.choiceList, let list = scope.layout.lists[listID] {
                let labels = list.options.map { ($0.value, Value.text($0.label)) }
                joined.append(.constant(.map(Dictionary(labels, uniquingKeysWith: { first, _ in first }))))
            }
            return (.call(.join, joined), .text)
        case .monthsBetween, .yearsBetween, .daysBetween:
            try arity(2...2)
            let (from, fromType) = try check(arguments[0])
            let (to, toType) = try check(arguments[1])
            try require(fromType, .date, arguments[0], "\(name) measures between two dates")
            try require(toType, .date, arguments[1], "\(name) measures between two dates")
            return (.callTwo(builtin, from, to), .number)
        case .addMonths, .addYears, .addDays:
            try arity(2...2)
            let (day, dayType) = try check(arguments[0])
            let (amount, amountType) = try check(arguments[1])
            try require(dayType, .date, arguments[0], "\(name) moves a date")
            try require(amountType, .number, arguments[1], "\(name) moves a date by a number")
            return (.callTwo(builtin, day, amount), .date)
        case .matches:
            try arity(2...2)
            let (subject, subjectType) = try check(arguments[0])
            try require(subjectType, .text, arguments[0], "matches(...) tests text")
            guard case .text(let source) = arguments[1].kind else {
                throw problem(arguments[1], "The pattern of matches(...) must be written in quotes.")
            }
            do {
                return (.matches(subject, try TextPattern(source)), .boolean)
            } catch {
                throw problem(arguments[1], "This pattern is not a valid regular expression: \(error).")
            }
        case .min, .max:
            guard arguments.count >= 2 else {
                throw problem(syntax, "\(name) takes two or more numbers or dates: \(builtin.signature).")
            }
            var compiled: [CompiledExpression] = []
            var common: ValueType?
            for argument in arguments {
                let (argumentCompiled, type) = try check(argument)
                guard type.fits(.number) || type.fits(.date) else {
                    throw problem(argument, "\(name) compares numbers or dates, not a \(type).")
                }
                if let common, !type.fits(common) {
                    throw problem(argument, "\(name) needs all numbers or all dates; this is a \(type).")
                }
                common = common ?? type
                compiled.append(argumentCompiled)
            }
            return (.call(builtin, compiled), common ?? .number)
        case .count, .sum, .any, .all, .filter:
            return try checkIteration(builtin, arguments, syntax: syntax)
        }
    }

    /// `count`, `sum`, `any`, `all` and `filter`: a list, then (for some, optionally) a lambda over its items.
    private mutating func checkIteration(
        _ builtin: Builtin, _ arguments: [ExpressionSyntax], syntax: ExpressionSyntax
    ) throws(ExpressionProblem) -> (CompiledExpression, ValueType) {
        let needsLambda = builtin.iterates
        let allowed = needsLambda ? 2...2 : 1...2
        guard allowed.contains(arguments.count) else {
            throw problem(
                syntax,
                "\(builtin.rawValue) takes \(Self.describe(allowed)), not \(arguments.count): \(builtin.signature).")
        }
        let (list, listType) = try check(arguments[0])
        guard let element = listType.element else {
            throw problem(
                arguments[0], "\(builtin.rawValue) works on a list (a repeat or a multi-choice), not a \(listType).")
        }
        if arguments.count == 1 {
            if builtin == .sum {
                try require(element, .number, arguments[0], "sum(...) without a lambda adds a list of numbers")
            }
            return (.callOne(builtin, list), .number)
        }
        guard case .lambda(let parameter, let body) = arguments[1].kind else {
            throw problem(
                arguments[1], "The second argument of \(builtin.rawValue) must be a lambda: \(builtin.signature).")
        }
        let slot = max(locals.map(\.slot).max() ?? -1, scope.siblings?.slot ?? -1) + 1
        locals.append((parameter, element, slot))
        slotCount = max(slotCount, slot + 1)
        lambdaDepth += 1
        defer {
            locals.removeLast()
            lambdaDepth -= 1
        }
        let (compiledBody, bodyType) = try check(body)
        let expected: ValueType = builtin == .sum ? .number : .boolean
        try require(bodyType, expected, body, "The lambda of \(builtin.rawValue) must give a \(expected)")
        let resultType: ValueType
        switch builtin {
        case .any, .all: resultType = .boolean
        case .filter: resultType = listType
        default: resultType = .number
        }
        return (.iterate(builtin, list: list, slot: slot, body: compiledBody), resultType)
    }

    // MARK: - Helpers

    private func require(
        _ type: ValueType, _ expected: ValueType, _ syntax: ExpressionSyntax, _ reason: String
    ) throws(ExpressionProblem) {
        guard type.fits(expected) else {
            var message = "\(reason), but this is a \(type)."
            if expected == .boolean, type.fits(.text) {
                message += " Compare it with '==' to get a yes-no."
            }
            throw problem(syntax, message)
        }
    }

    /// When a choice is compared with text written in quotes, the list must hold that text.
    private func checkChoiceLiteral(_ syntax: ExpressionSyntax, against type: ValueType) throws(ExpressionProblem) {
        guard case .choice(let listID) = type, let list = scope.layout.lists[listID] else { return }
        let literals: [ExpressionSyntax]
        switch syntax.kind {
        case .text: literals = [syntax]
        case .list(let items): literals = items
        default: return
        }
        for literal in literals {
            guard case .text(let value) = literal.kind else { continue }
            if !list.options.contains(where: { $0.value == value }) {
                throw problem(
                    literal,
                    "'\(value)' is not a choice in the list '\(listID)'."
                        + Suggestion.didYouMean(value, in: list.options.map(\.value))
                        + " The choices are \(list.valuesDescription).")
            }
        }
    }

    private func comparisonMismatch(_ left: ValueType, _ right: ValueType) -> String {
        var message = "A \(left) cannot be compared with a \(right)."
        if left == .boolean || right == .boolean {
            message += " Compare a yes-no answer with true or false, or use it alone."
        }
        return message
    }

    private func problem(_ syntax: ExpressionSyntax, _ message: String) -> ExpressionProblem {
        ExpressionProblem(range: syntax.range, message: message)
    }

    private static func describe(_ range: ClosedRange<Int>) -> String {
        let word = { (count: Int) in count == 1 ? "1 argument" : "\(count) arguments" }
        return range.lowerBound == range.upperBound
            ? word(range.lowerBound) : "\(range.lowerBound) or \(word(range.upperBound))"
    }

    // MARK: - Terms for explanations

    /// Records an answer (a field or parameter) the check reads, outside any lambda.
    private mutating func noteAnswer(_ syntax: ExpressionSyntax, _ result: (CompiledExpression, ValueType)) {
        switch result.0 {
        case .field, .parameter, .named: noteTerm(syntax, result)
        default: break
        }
    }

    /// Records both operands of a comparison, outside any lambda, unless written as literals.
    private mutating func noteOperands(
        _ left: ExpressionSyntax, _ leftCompiled: CompiledExpression, _ leftType: ValueType,
        _ right: ExpressionSyntax, _ rightCompiled: CompiledExpression, _ rightType: ValueType
    ) {
        noteTerm(left, (leftCompiled, leftType))
        noteTerm(right, (rightCompiled, rightType))
    }

    private mutating func noteTerm(_ syntax: ExpressionSyntax, _ result: (CompiledExpression, ValueType)) {
        guard collectsTerms, lambdaDepth == 0 else { return }
        if case .constant = result.0 { return }
        let termText = source(of: syntax)
        guard !terms.contains(where: { $0.text == termText }) else { return }
        terms.append(Term(text: termText, compiled: result.0, type: result.1))
    }

    /// The text of a node as written, with runs of white space (a folded line break) made one space.
    private func source(of syntax: ExpressionSyntax) -> String {
        let lower = max(0, min(syntax.range.lowerBound, text.count))
        let upper = max(lower, min(syntax.range.upperBound, text.count))
        var result = String.UnicodeScalarView()
        var lastWasSpace = false
        for scalar in text[lower..<upper] {
            let isSpace = scalar.isWhiteSpace
            if isSpace && lastWasSpace { continue }
            result.append(isSpace ? " " : scalar)
            lastWasSpace = isSpace
        }
        return String(result)
    }
}

extension ValueType {
    /// True when a value of this type can stand where `expected` is needed: a choice is text, anything fits.
    func fits(_ expected: ValueType) -> Bool {
        if self == expected || self == .anything || expected == .anything { return true }
        switch (self, expected) {
        case (.choice, .text): return true
        case (.list(let a), .list(let b)): return a.fits(b)
        default: return false
        }
    }
}
