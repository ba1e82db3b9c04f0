/// Reads a definition file's nodes, collecting every problem rather than stopping at the first.
///
/// Shared by forms and rule sets: mappings with known keys, texts, numbers, flags and expressions.
final class DefinitionReader {
    /// The file's document.
    let document: Document
    /// The document's root value, as a tree.
    let root: Node
    /// The problems found so far.
    private(set) var problems: [DefinitionProblem] = []
    private let text: String
    private var locatorCache: ScalarLocator?

    /// A reader over a document read from `text`.
    init(document: Document, text: String) {
        self.document = document
        root = document.root
        self.text = text
    }

    /// Reads a definition file, or reports why it cannot be read at all.
    static func open(bytes: [UInt8], file: String) -> Result<DefinitionReader, DefinitionErrors> {
        switch Intake.read(bytes, file: file, limits: .definition) {
        case .failure(let refusal):
            return .failure(DefinitionErrors([DefinitionProblem(mark: refusal.mark, message: refusal.message)]))
        case .success(let document):
            return .success(DefinitionReader(document: document, text: String(decoding: bytes, as: UTF8.self)))
        }
    }

    /// Records a problem at a position.
    func problem(_ position: TextPosition, _ message: String) {
        problems.append(DefinitionProblem(mark: document.mark(position), message: message))
    }

    /// The mark of a position.
    func mark(_ position: TextPosition) -> SourceMark { document.mark(position) }

    /// A mapping's keys checked against the allowed and required ones, or nil (with a problem) if it is not a mapping.
    func keyed(_ node: Node, what: String, allowed: [String], required: [String] = []) -> KeyedNode? {
        guard let entries = node.entries else {
            problem(
                node.start,
                "\(what.capitalizedFirst) must be a group of 'key: value' lines, not \(node.kindDescription).")
            return nil
        }
        for entry in entries where !allowed.contains(entry.key) {
            problem(
                entry.keyStart,
                "Unknown key '\(entry.key)' in \(what).\(Suggestion.didYouMean(entry.key, in: allowed)) "
                    + "The keys are: \(allowed.joined(separator: ", ")).")
        }
        for key in required where !entries.contains(where: { $0.key == key }) {
            problem(node.start, "\(what.capitalizedFirst) needs '\(key)'.")
        }
        return KeyedNode(node: node, entries: entries, reader: self)
    }

    /// The file position of character `offset` of an expression written in `node`.
    func position(ofOffset offset: Int, inExpression value: String, node: Node) -> TextPosition {
        if locatorCache == nil { locatorCache = ScalarLocator(text: text) }
        return locatorCache!.position(ofOffset: offset, in: value, node: node)
    }

    /// Checks an expression written in `node`; a problem is recorded at its own line and column.
    ///
    /// `part` picks out an expression inside the node's text (a message placeholder): its text and the
    /// character offset where it starts.
    func expression(
        _ node: Node, part: (text: String, offset: Int)? = nil, in scope: ExpressionScope, expecting: ValueType? = nil,
        collectsTerms: Bool = false
    ) -> Expression? {
        guard let scalar = node.scalar, !scalar.isNull else {
            problem(node.start, "An expression must be written as text, not \(node.kindDescription).")
            return nil
        }
        let text = part?.text ?? scalar.text
        let offset = part?.offset ?? 0
        switch ExpressionChecker.check(text, in: scope, expecting: expecting, collectsTerms: collectsTerms) {
        case .failure(let failure):
            var message = failure.message
            let opened = text.filter { $0 == "(" }.count
            if scalar.isPlain, part == nil, failure.range.lowerBound >= text.unicodeScalars.count,
                opened > text.filter({ $0 == ")" }).count
            {
                message += " Inside { } a comma ends the value: put the expression in quotes."
            }
            problem(
                position(ofOffset: offset + failure.range.lowerBound, inExpression: scalar.text, node: node), message)
            return nil
        case .success(let checked):
            let start = part == nil ? node.start : position(ofOffset: offset, inExpression: scalar.text, node: node)
            return Expression(text: text, mark: mark(start), type: checked.type, checked: checked)
        }
    }

    /// True when `id` is a lowercase name that expressions can refer to; records a problem otherwise.
    func checkIdentifier(_ id: String, at position: TextPosition, what: String) -> Bool {
        let scalars = Array(id.unicodeScalars)
        let valid =
            !scalars.isEmpty && ("a"..."z").contains(scalars[0])
            && scalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
        if !valid {
            problem(
                position,
                "The id '\(id)' of \(what) must start with a lowercase letter and hold only lowercase letters, "
                    + "digits and '_', so that expressions can name it.")
        }
        return valid
    }
}

/// A mapping node whose keys have been checked, with typed accessors that record problems.
struct KeyedNode {
    /// The mapping node.
    let node: Node
    /// Its entries.
    let entries: [Entry]
    /// The reader recording problems.
    let reader: DefinitionReader

    /// The value node of a key.
    subscript(key: String) -> Node? { entries.first(where: { $0.key == key })?.value }

    /// Where a key is written.
    func keyStart(_ key: String) -> TextPosition? { entries.first(where: { $0.key == key })?.keyStart }

    /// A scalar's text; a problem if the value is not a scalar.
    func text(_ key: String) -> String? {
        guard let node = self[key] else { return nil }
        guard let scalar = node.scalar else {
            reader.problem(node.start, "'\(key)' must be a single value, not \(node.kindDescription).")
            return nil
        }
        return scalar.isNull ? nil : scalar.text
    }

    /// A whole number; a problem if it is not one.
    func integer(_ key: String) -> Int? {
        guard let text = text(key) else { return nil }
        guard let value = Int(text) else {
            reader.problem(self[key]!.start, "'\(key)' must be a whole number, not '\(text)'.")
            return nil
        }
        return value
    }

    /// true or false (yes or no); a problem if it is neither.
    func flag(_ key: String) -> Bool? {
        guard let text = text(key) else { return nil }
        guard let value = YesNo.parse(text) else {
            reader.problem(self[key]!.start, "'\(key)' must be true or false, not '\(text)'.")
            return nil
        }
        return value
    }
}

/// The words a yes-no answer may be written with, in any case.
public enum YesNo {
    /// true for yes/true, false for no/false, nil otherwise.
    public static func parse(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "yes", "true": return true
        case "no", "false": return false
        default: return nil
        }
    }
}
