/// One thing a check found in a submission: which rule, how much it matters, where, and why.
///
/// Made whole and never changed. Its parts are kept in one shared object: a finding is handed from check to evaluation
/// to output, and a copy of nine parts, most of them texts, counted a reference for each (the compiler copied each new
/// finding once more as it was added to a list); a copy now counts one.
public struct Finding: Sendable, Equatable {
    private let storage: Storage

    /// The rule's id, or `field.required`, `field.format`, ... for a field check, or `intake.*` for a refusal.
    public var rule: String { storage.rule }
    /// How much it matters.
    public var severity: Severity { storage.severity }
    /// The JSON Pointer of the answer it is about, such as `/cse/sessions/2/date`; `` for the whole submission.
    public var path: String { storage.path }
    /// The message, in the user's words, with the real values filled in.
    public var message: String { storage.message }
    /// Where in the submission, when known.
    public var mark: SourceMark? { storage.mark }
    /// What each answer and operand the check read evaluated to, by the text of the expression.
    public var values: [(name: String, value: JSONValue)] { storage.values }
    /// Where the rule (or the field whose check this is) is defined.
    public var ruleMark: SourceMark? { storage.ruleMark }
    /// The law, guidance or policy the rule rests on.
    public var source: String? { storage.source }
    /// For a built-in field check, which check and what it expected.
    public var check: FieldCheck? { storage.check }

    /// Creates a finding.
    public init(
        rule: String, severity: Severity, path: String, message: String, mark: SourceMark?,
        values: [(name: String, value: JSONValue)] = [], ruleMark: SourceMark? = nil, source: String? = nil,
        check: FieldCheck? = nil
    ) {
        storage = Storage(
            rule: rule, severity: severity, path: path, message: message, mark: mark, values: values,
            ruleMark: ruleMark, source: source, check: check)
    }

    /// A finding for an intake refusal: the document could not be read at all.
    public init(_ refusal: IntakeRefusal) {
        self.init(rule: refusal.rule, severity: .error, path: "", message: refusal.message, mark: refusal.mark)
    }

    /// Findings are equal when every part is.
    public static func == (lhs: Finding, rhs: Finding) -> Bool {
        lhs.rule == rhs.rule && lhs.severity == rhs.severity && lhs.path == rhs.path && lhs.message == rhs.message
            && lhs.mark == rhs.mark && lhs.ruleMark == rhs.ruleMark && lhs.source == rhs.source
            && lhs.check == rhs.check
            && lhs.values.count == rhs.values.count
            && zip(lhs.values, rhs.values).allSatisfy { $0.name == $1.name && $0.value == $1.value }
    }

    /// A finding's parts, shared by its copies and never changed, so shared between threads safely.
    private final class Storage: Sendable {
        let rule: String
        let severity: Severity
        let path: String
        let message: String
        let mark: SourceMark?
        let values: [(name: String, value: JSONValue)]
        let ruleMark: SourceMark?
        let source: String?
        let check: FieldCheck?

        init(
            rule: String, severity: Severity, path: String, message: String, mark: SourceMark?,
            values: [(name: String, value: JSONValue)], ruleMark: SourceMark?, source: String?, check: FieldCheck?
        ) {
            self.rule = rule
            self.severity = severity
            self.path = path
            self.message = message
            self.mark = mark
            self.values = values
            self.ruleMark = ruleMark
            self.source = source
            self.check = check
        }
    }
}

/// JSON Pointers (RFC 6901) for answers.
public enum JSONPointer {
    /// The pointer made of these tokens, each escaped (`~` as `~0`, `/` as `~1`).
    public static func make(_ tokens: [String]) -> String {
        // Written as bytes and made a string once: a rule's finding makes one, and appending to a string piece by
        // piece cost several times more.
        var pointer: [UInt8] = []
        pointer.reserveCapacity(tokens.reduce(0) { $0 + $1.utf8.count + 1 })
        for token in tokens {
            pointer.append(UInt8(ascii: "/"))
            if token.utf8.contains(where: { $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "/") }) {
                pointer.append(utf8: token.replacingAll("~", with: "~0").replacingAll("/", with: "~1"))
            } else {
                pointer.append(utf8: token)
            }
        }
        return String(decoding: pointer, as: UTF8.self)
    }
}
