extension FormDefinition {
    /// The answers as bound to this form, as the tree `StoredJSON.read` makes of `json(of:)`'s text (strings and
    /// dates quoted scalars; numbers, `true`, `false` and `null` plain ones), made straight from the values: what a
    /// submission's report facts, its search of the shared register and its receipt read, without its JSON parsed
    /// again (4% of a national submit's CPU). Every node's position is the start: nothing made from stored answers
    /// has a place in a file to name.
    public func node(of answers: Answers) -> Node {
        var members: [Entry] = []
        for (index, section) in sections.enumerated() {
            let fields = Self.members(section.fields, values: answers.values(ofSection: index))
            if !fields.isEmpty { members.append(Node.entry(section.id, .mapping(fields))) }
        }
        return Node.made(.mapping(members))
    }

    /// The fields answered, each with its value, as `json(of:)` writes them: a repeat as a sequence of mappings.
    private static func members(_ fields: [FieldDefinition], values: some Sequence<Value>) -> [Entry] {
        var members: [Entry] = []
        for (field, value) in zip(fields, values) where value.isPresent {
            if field.type == .repeat, case .list(let items) = value {
                var records: [Node] = []
                for case .record(let record) in items {
                    records.append(Node.made(.mapping(Self.members(field.fields, values: record.values))))
                }
                members.append(Node.entry(field.id, .sequence(records)))
            } else {
                members.append(Node.entry(field.id, value.json.nodeContent))
            }
        }
        return members
    }
}

extension JSONValue {
    /// The value as a node holds it once its text is read back by `StoredJSON` (a form's answers through `Value.json`).
    var nodeContent: Node.Content {
        switch self {
        case .null: return .scalar(Scalar(text: "null", isPlain: true))
        case .bool(let flag): return .scalar(Scalar(text: flag ? "true" : "false", isPlain: true))
        case .number: return .scalar(Scalar(text: text, isPlain: true))
        case .string(let string): return .scalar(Scalar(text: string, isPlain: false))
        case .array(let items): return .sequence(items.map { Node.made($0.nodeContent) })
        case .object(let members): return .mapping(members.map { Node.entry($0.0, $0.1.nodeContent) })
        case .written(let text): return StoredJSON.read(text)?.content ?? JSONValue.null.nodeContent
        }
    }
}

extension Node {
    /// A node made rather than read, placed at the start.
    static func made(_ content: Content) -> Node {
        Node(content, start: .start, end: .start)
    }

    /// A mapping's entry made rather than read, placed at the start.
    static func entry(_ key: String, _ content: Content) -> Entry {
        Entry(key: key, keyStart: .start, value: made(content))
    }
}
