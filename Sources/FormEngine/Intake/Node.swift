/// One value of a YAML or JSON document as written: a scalar's text, a mapping or a sequence, and where it starts.
///
/// Scalars keep their text. What `no`, `0123` or `2017-03-31` means is decided later, by the type of
/// the field it answers, never by YAML's implicit typing.
public struct Node: Sendable {
    /// What the node holds.
    public enum Content: Sendable {
        /// A scalar: its text and how it was written.
        case scalar(Scalar)
        /// A mapping, its entries in the order written.
        case mapping([Entry])
        /// A sequence.
        case sequence([Node])
    }

    /// What the node holds.
    public var content: Content
    /// Where the node starts.
    public var start: TextPosition
    /// Where the node ends (just after its last character).
    public var end: TextPosition

    /// Creates a node.
    public init(_ content: Content, start: TextPosition, end: TextPosition) {
        self.content = content
        self.start = start
        self.end = end
    }
}

/// A scalar's text and whether it was written plain (unquoted).
public struct Scalar: Sendable, Hashable {
    /// The text, with escapes resolved and folding applied, exactly as YAML defines it.
    public var text: String
    /// True when written without quotes or block indicators: only a plain scalar can mean "no answer".
    public var isPlain: Bool

    /// Creates a scalar.
    public init(text: String, isPlain: Bool) {
        self.text = text
        self.isPlain = isPlain
    }

    /// True for an unquoted empty value, `~` or `null` (in any case): the field was left unanswered.
    public var isNull: Bool { isPlain && Self.noAnswerTexts.contains(text) }

    /// The plain texts that mean no answer.
    static let noAnswerTexts = ["", "~", "null", "Null", "NULL"]
}

/// One key and value of a mapping.
public struct Entry: Sendable {
    /// The key's text.
    public var key: String
    /// Where the key starts.
    public var keyStart: TextPosition
    /// The value.
    public var value: Node

    /// Creates an entry.
    public init(key: String, keyStart: TextPosition, value: Node) {
        self.key = key
        self.keyStart = keyStart
        self.value = value
    }
}

extension Node {
    /// The scalar, if this node is one.
    public var scalar: Scalar? {
        if case .scalar(let scalar) = content { return scalar }
        return nil
    }

    /// The mapping's entries, if this node is a mapping.
    public var entries: [Entry]? {
        if case .mapping(let entries) = content { return entries }
        return nil
    }

    /// The sequence's items, if this node is a sequence.
    public var items: [Node]? {
        if case .sequence(let items) = content { return items }
        return nil
    }

    /// True when the node is a scalar that stands for no answer (see `Scalar.isNull`).
    public var isNull: Bool { scalar?.isNull ?? false }

    /// The value of the entry with this key, if this node is a mapping that has one.
    public subscript(key: String) -> Node? {
        entries?.first(where: { $0.key == key })?.value
    }

    /// The value at a path of keys from this mapping (`["school", "dsl_email"]`), if every key is there.
    public subscript(path path: [String]) -> Node? {
        path.reduce(Optional(self)) { $0?[$1] }
    }

    /// The text of the scalar at a path of keys, trimmed; nil when there is none or it is blank.
    public func text(at path: [String]) -> String? {
        let text = self[path: path]?.scalar?.text.trimmingWhitespace
        return text?.isEmpty == false ? text : nil
    }

    /// How a user would name what this node is, for messages: "a single answer", "a list", "a group of answers".
    public var kindDescription: String {
        switch content {
        case .scalar: return FlatNode.Kind.plainScalar.description
        case .sequence: return FlatNode.Kind.sequence.description
        case .mapping: return FlatNode.Kind.mapping.description
        }
    }
}
