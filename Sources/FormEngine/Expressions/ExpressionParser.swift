/// Parses an expression's text into an `ExpressionSyntax` tree, by recursive descent with C's precedence.
///
/// From loosest to tightest: `||`, `&&`, `== !=`, `< <= > >= in`, `+ -`, `* /`, unary `! -`, then
/// member access (`a.b`), indexing (`a[b]`) and calls (`f(x)`). Comparisons do not chain.
struct ExpressionParser {
    private typealias Token = ExpressionLexer.Token

    private let tokens: [Token]
    private var position = 0
    private var depth = 0
    /// The deepest nesting of brackets, calls and prefix operators accepted.
    private static let maxDepth = 64
    /// The most tokens an expression may have: it bounds the depth of the tree every later stage walks.
    private static let maxTokens = 400

    private init(tokens: [Token]) {
        self.tokens = tokens
    }

    /// Parses a whole expression, or gives the first problem in it.
    static func parse(_ text: String) -> Result<ExpressionSyntax, ExpressionProblem> {
        let tokens: [Token]
        switch ExpressionLexer.tokens(of: text) {
        case .failure(let problem): return .failure(problem)
        case .success(let all): tokens = all
        }
        if tokens.count > maxTokens {
            return .failure(
                ExpressionProblem(
                    range: tokens[maxTokens].range,
                    message:
                        "The expression is too long (over \(maxTokens) parts). Split it, naming its parts with 'let'."))
        }
        var parser = ExpressionParser(tokens: tokens)
        do {
            if parser.current.kind == .end {
                throw ExpressionProblem(range: 0..<0, message: "The expression is empty.")
            }
            let syntax = try parser.expression()
            guard parser.current.kind == .end else {
                throw parser.unexpected("the end of the expression")
            }
            return .success(syntax)
        } catch let problem as ExpressionProblem {
            return .failure(problem)
        } catch {
            return .failure(ExpressionProblem(range: 0..<0, message: "\(error)"))
        }
    }

    private var current: Token { tokens[position] }

    private mutating func advance() -> Token {
        let token = tokens[position]
        if position < tokens.count - 1 { position += 1 }
        return token
    }

    private func isSymbol(_ symbol: String) -> Bool { current.kind == .symbol(symbol) }

    private mutating func take(_ symbol: String) -> Bool {
        guard isSymbol(symbol) else { return false }
        _ = advance()
        return true
    }

    private mutating func expect(_ symbol: String, _ what: String) throws(ExpressionProblem) -> Token {
        guard isSymbol(symbol) else { throw unexpected(what) }
        return advance()
    }

    private func unexpected(_ expected: String) -> ExpressionProblem {
        let found: String
        switch current.kind {
        case .end: found = "the expression ends"
        case .identifier(let name): found = "found '\(name)'"
        case .symbol(let symbol): found = "found '\(symbol)'"
        case .number, .text: found = "found a value"
        }
        var message = "Expected \(expected), but \(found)."
        if current.kind == .symbol("->") {
            message += " A lambda (x -> ...) can only be the last argument of any, all, count, sum or filter."
        }
        if case .identifier(let word) = current.kind {
            switch word {
            case "and": message += " Write 'and' as '&&'."
            case "or": message += " Write 'or' as '||'."
            case "not": message += " Write 'not' as '!'."
            default: break
            }
        }
        return ExpressionProblem(range: current.range, message: message)
    }

    private mutating func expression() throws(ExpressionProblem) -> ExpressionSyntax {
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.maxDepth else {
            throw ExpressionProblem(range: current.range, message: "The expression is nested too deeply; simplify it.")
        }
        return try binary(level: 0)
    }

    /// The binary operators by precedence level, loosest first; `chains` is false for comparisons.
    private static let levels: [(operators: [BinaryOperator], chains: Bool)] = [
        ([.or], true),
        ([.and], true),
        ([.equal, .notEqual], false),
        ([.less, .lessOrEqual, .greater, .greaterOrEqual, .isIn], false),
        ([.add, .subtract], true),
        ([.multiply, .divide], true),
    ]

    private mutating func binary(level: Int) throws(ExpressionProblem) -> ExpressionSyntax {
        guard level < Self.levels.count else { return try unary() }
        var left = try binary(level: level + 1)
        let (operators, chains) = Self.levels[level]
        while let op = operators.first(where: { matchesOperator($0) }) {
            _ = advance()
            let right = try binary(level: level + 1)
            left = ExpressionSyntax(
                kind: .binary(op, left, right), range: left.range.lowerBound..<right.range.upperBound)
            if !chains, let next = operators.first(where: { matchesOperator($0) }) {
                throw ExpressionProblem(
                    range: current.range,
                    message: "Compare two things at a time: write 'a \(op.rawValue) b && b \(next.rawValue) c'.")
            }
        }
        return left
    }

    private func matchesOperator(_ op: BinaryOperator) -> Bool {
        op == .isIn ? current.kind == .identifier("in") : isSymbol(op.rawValue)
    }

    private mutating func unary() throws(ExpressionProblem) -> ExpressionSyntax {
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.maxDepth else {
            throw ExpressionProblem(range: current.range, message: "The expression is nested too deeply; simplify it.")
        }
        let start = current.range.lowerBound
        if take("!") {
            let operand = try unary()
            return ExpressionSyntax(kind: .unary(.not, operand), range: start..<operand.range.upperBound)
        }
        if take("-") {
            let operand = try unary()
            return ExpressionSyntax(kind: .unary(.negate, operand), range: start..<operand.range.upperBound)
        }
        return try postfix()
    }

    private mutating func postfix() throws(ExpressionProblem) -> ExpressionSyntax {
        var base = try primary()
        while true {
            if take(".") {
                guard case .identifier(let name) = current.kind else { throw unexpected("a name after '.'") }
                let end = advance().range.upperBound
                base = ExpressionSyntax(kind: .member(base, name), range: base.range.lowerBound..<end)
            } else if take("[") {
                let key = try expression()
                let end = try expect("]", "']'").range.upperBound
                base = ExpressionSyntax(kind: .index(base, key), range: base.range.lowerBound..<end)
            } else {
                return base
            }
        }
    }

    private mutating func primary() throws(ExpressionProblem) -> ExpressionSyntax {
        let token = current
        switch token.kind {
        case .number(let value):
            _ = advance()
            return ExpressionSyntax(kind: .number(value), range: token.range)
        case .text(let value):
            _ = advance()
            return ExpressionSyntax(kind: .text(value), range: token.range)
        case .identifier(let name):
            _ = advance()
            if name == "true" || name == "false" {
                return ExpressionSyntax(kind: .boolean(name == "true"), range: token.range)
            }
            if take("(") { return try call(name, start: token.range.lowerBound) }
            return ExpressionSyntax(kind: .name(name), range: token.range)
        case .symbol("("):
            _ = advance()
            let inner = try expression()
            _ = try expect(")", "')'")
            return inner
        case .symbol("["):
            _ = advance()
            var items: [ExpressionSyntax] = []
            if !isSymbol("]") {
                repeat { items.append(try expression()) } while take(",")
            }
            let end = try expect("]", "',' or ']'").range.upperBound
            return ExpressionSyntax(kind: .list(items), range: token.range.lowerBound..<end)
        default:
            throw unexpected("a value, a name or '('")
        }
    }

    /// The arguments of a call, after its '('; an argument may be a lambda, `name -> expression`.
    private mutating func call(_ name: String, start: Int) throws(ExpressionProblem) -> ExpressionSyntax {
        var arguments: [ExpressionSyntax] = []
        if !isSymbol(")") {
            repeat {
                if case .identifier(let parameter) = current.kind, tokens[position + 1].kind == .symbol("->") {
                    let parameterStart = advance().range.lowerBound
                    _ = advance()
                    let body = try expression()
                    arguments.append(
                        ExpressionSyntax(
                            kind: .lambda(parameter: parameter, body: body),
                            range: parameterStart..<body.range.upperBound))
                } else {
                    arguments.append(try expression())
                }
            } while take(",")
        }
        let end = try expect(")", "',' or ')'").range.upperBound
        return ExpressionSyntax(kind: .call(name, arguments), range: start..<end)
    }
}
