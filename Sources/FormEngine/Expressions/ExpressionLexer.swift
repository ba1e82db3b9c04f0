/// Splits an expression's text into tokens.
struct ExpressionLexer {
    /// One token: its kind and where it stands.
    struct Token: Sendable, Equatable {
        enum Kind: Sendable, Equatable {
            case number(Double)
            case text(String)
            case identifier(String)
            case symbol(String)
            case end
        }

        let kind: Kind
        let range: Range<Int>
    }

    private let scalars: [Unicode.Scalar]
    private var index = 0

    init(_ text: String) {
        scalars = Array(text.unicodeScalars)
    }

    /// Every token of the text, ending with `.end`, or the first problem.
    static func tokens(of text: String) -> Result<[Token], ExpressionProblem> {
        var lexer = ExpressionLexer(text)
        var tokens: [Token] = []
        while true {
            switch lexer.next() {
            case .failure(let problem): return .failure(problem)
            case .success(let token):
                tokens.append(token)
                if token.kind == .end { return .success(tokens) }
            }
        }
    }

    private static let symbols: [String] = [
        "->", "==", "!=", "<=", ">=", "&&", "||", "<", ">", "!", "+", "-", "*", "/", "(", ")", "[", "]", ",", ".",
    ]

    private mutating func next() -> Result<Token, ExpressionProblem> {
        while index < scalars.count, scalars[index].isWhiteSpace { index += 1 }
        let start = index
        guard index < scalars.count else { return .success(Token(kind: .end, range: start..<start)) }
        let first = scalars[index]
        if first.isASCIIDigit { return .success(number(from: start)) }
        if first.isIdentifierStart {
            while index < scalars.count, scalars[index].isIdentifierPart { index += 1 }
            let name = String(asciiScalars: scalars[start..<index])
            return .success(Token(kind: .identifier(name), range: start..<index))
        }
        if first == "'" || first == "\"" { return text(from: start, quote: first) }
        for symbol in Self.symbols where matches(symbol) {
            index += symbol.unicodeScalars.count
            return .success(Token(kind: .symbol(symbol), range: start..<index))
        }
        let hint: String
        switch first {
        case "=": hint = "Compare with '==', not '='."
        case "&": hint = "Write 'and' as '&&'."
        case "|": hint = "Write 'or' as '||'."
        case "‘", "’", "“", "”": hint = "Use straight quotes (' or \") around text, not curly ones."
        default: hint = "Remove it or put it inside quotes."
        }
        return .failure(ExpressionProblem(range: start..<start + 1, message: "'\(first)' cannot be used here. \(hint)"))
    }

    private mutating func number(from start: Int) -> Token {
        while index < scalars.count, scalars[index].isASCIIDigit { index += 1 }
        if index + 1 < scalars.count, scalars[index] == ".", scalars[index + 1].isASCIIDigit {
            index += 1
            while index < scalars.count, scalars[index].isASCIIDigit { index += 1 }
        }
        let text = String(asciiScalars: scalars[start..<index])
        return Token(kind: .number(Double(text) ?? 0), range: start..<index)
    }

    private mutating func text(from start: Int, quote: Unicode.Scalar) -> Result<Token, ExpressionProblem> {
        index += 1
        var value = String.UnicodeScalarView()
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == quote {
                index += 1
                return .success(Token(kind: .text(String(value)), range: start..<index))
            }
            if scalar == "\\", index + 1 < scalars.count {
                index += 1
                let escaped = scalars[index]
                value.append(escaped == "n" ? "\n" : escaped == "t" ? "\t" : escaped)
            } else {
                value.append(scalar)
            }
            index += 1
        }
        return .failure(ExpressionProblem(range: start..<index, message: "This text has no closing \(quote)."))
    }

    private func matches(_ symbol: String) -> Bool {
        var position = index
        for scalar in symbol.unicodeScalars {
            guard position < scalars.count, scalars[position] == scalar else { return false }
            position += 1
        }
        return true
    }
}

extension Unicode.Scalar {
    fileprivate var isASCIIDigit: Bool { ("0"..."9").contains(self) }
    fileprivate var isIdentifierStart: Bool { ("a"..."z").contains(self) || ("A"..."Z").contains(self) || self == "_" }
    fileprivate var isIdentifierPart: Bool { isIdentifierStart || isASCIIDigit }
}
