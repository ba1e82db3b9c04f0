/// A rule's message with `{expression}` placeholders, filled from the real values when the rule fires.
///
/// `{{` and `}}` stand for literal braces. Values read as people write them: dates as "1 March 2017",
/// choices by their labels, yes-no as "yes" or "no", an unanswered value as "not answered".
struct MessageTemplate: Sendable {
    /// A piece of the message.
    enum Part: Sendable {
        case text(String)
        case value(Expression)
    }

    /// The pieces, in order.
    let parts: [Part]

    /// The answers its placeholders read.
    var reads: Set<String> {
        parts.reduce(into: []) { reads, part in
            if case .value(let expression) = part { reads.formUnion(expression.reads) }
        }
    }

    /// A template of these pieces. The white space of the text pieces is collapsed here, once, as a message is
    /// once filled in (each run one space, none at the message's ends), so that most filled-in messages need no
    /// more collapsing.
    init(parts: [Part]) {
        self.parts = parts.enumerated().map { index, part in
            guard case .text(let text) = part else { return part }
            let before = index > 0 && text.first?.isWhitespace == true ? " " : ""
            let after = index < parts.count - 1 && text.last?.isWhitespace == true ? " " : ""
            let inner = text.collapsingWhitespace
            return .text(inner.isEmpty ? (before.isEmpty ? after : before) : before + inner + after)
        }
    }

    /// The message with every placeholder filled in. A NUL in an answer, which no store's text column can hold
    /// (SQLite's would end there, PostgreSQL's refuses it), is shown as U+FFFD.
    func render(in context: inout EvaluationContext, lists: [String: ChoiceList]) -> String {
        // Written as bytes and made a string once: appending each piece to a string cost several times more.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(256)
        for part in parts {
            switch part {
            case .text(let text): bytes.append(utf8: text)
            case .value(let expression):
                bytes.append(
                    utf8: ValueText.plain(expression.evaluate(in: &context), type: expression.type, lists: lists))
            }
        }
        let output = String(decoding: bytes, as: UTF8.self).collapsingWhitespace
        // Searched in the string's own bytes where it has them: through `utf8`'s iterator, a byte at a time, this one
        // look was 1% of `validate`'s instructions.
        let holdsNUL = output.utf8.withContiguousStorageIfAvailable { $0.contains(0) } ?? output.utf8.contains(0)
        guard holdsNUL else { return output }
        return String(String.UnicodeScalarView(output.unicodeScalars.map { $0 == "\u{0}" ? "\u{FFFD}" : $0 }))
    }

    /// Splits a message into text and placeholder sources, with each placeholder's character offset; or
    /// the offset and description of an unbalanced brace.
    static func split(_ message: String) -> Result<
        [(text: String, isPlaceholder: Bool, offset: Int)], ExpressionProblem
    > {
        let scalars = Array(message.unicodeScalars)
        var pieces: [(String, Bool, Int)] = []
        var text = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            let next = index + 1 < scalars.count ? scalars[index + 1] : nil
            if scalar == "{" && next == "{" || scalar == "}" && next == "}" {
                text.append(scalar)
                index += 2
            } else if scalar == "{" {
                guard let close = scalars[(index + 1)...].firstIndex(of: "}") else {
                    return .failure(
                        ExpressionProblem(
                            range: index..<index + 1, message: "This '{' has no closing '}'. Write '{{' for a brace."))
                }
                if !text.isEmpty { pieces.append((String(text), false, 0)) }
                text = String.UnicodeScalarView()
                pieces.append((String(String.UnicodeScalarView(scalars[(index + 1)..<close])), true, index + 1))
                index = close + 1
            } else if scalar == "}" {
                return .failure(
                    ExpressionProblem(
                        range: index..<index + 1, message: "This '}' closes nothing. Write '}}' for a brace."))
            } else {
                text.append(scalar)
                index += 1
            }
        }
        if !text.isEmpty { pieces.append((String(text), false, 0)) }
        return .success(pieces)
    }
}
