import CYAML

/// The loop over libyaml's events that builds a `Node` tree and enforces the limits as it goes.
struct EventReader {
    private let buffer: UnsafeBufferPointer<UInt8>
    private let file: String
    private let limits: IntakeLimits
    /// The collection being read, and (in `enclosing`) the ones that hold it, outermost first. The innermost is
    /// kept apart so that adding to it never copies it.
    /// The innermost open collection: a stand-in at the top level, when `depth` is 0. Not an optional, so that
    /// reading its fields never copies it.
    private var open = OpenCollection(
        isMapping: false, start: TextPosition(line: 1, column: 1), firstEntry: 0, firstItem: 0)
    /// How many collections are open.
    private var depth = 0
    private var enclosing: [OpenCollection] = []
    /// The finished entries and items of every open collection, innermost last: a collection's own are copied
    /// out, into an array of exactly their number, when it ends (no array grown one append at a time).
    private var openEntries: [Entry] = []
    private var openItems: [Node] = []
    private var root: Node?
    private var nodeCount = 0
    private var documentCount = 0

    init(buffer: UnsafeBufferPointer<UInt8>, file: String, limits: IntakeLimits) {
        self.buffer = buffer
        self.file = file
        self.limits = limits
    }

    /// Parses the whole stream: the root node of its one document, or the first refusal.
    mutating func run() -> Result<Node, IntakeRefusal> {
        // libyaml keeps a pointer to the parser inside the parser, so it must not move: allocate it.
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        let event = UnsafeMutablePointer<yaml_event_t>.allocate(capacity: 1)
        defer {
            parser.deallocate()
            event.deallocate()
        }
        guard yaml_parser_initialize(parser) == 1 else {
            return .failure(
                refusal(
                    "intake.memory", "There is not enough memory to read the file.", TextPosition(line: 1, column: 1)))
        }
        defer { yaml_parser_delete(parser) }
        yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
        if let base = buffer.baseAddress, buffer.count > 0 {
            yaml_parser_set_input_string(parser, base, buffer.count)
        } else {
            return .failure(empty())
        }
        while true {
            guard yaml_parser_parse(parser, event) == 1 else {
                return .failure(syntaxRefusal(parser.pointee))
            }
            let outcome = handle(event.pointee)
            let finished = event.pointee.type == YAML_STREAM_END_EVENT
            yaml_event_delete(event)
            if let refusal = outcome { return .failure(refusal) }
            if finished { break }
        }
        guard let root, !(root.isNull && root.start == root.end) else { return .failure(empty()) }
        return .success(root)
    }

    /// Handles one event: nil to go on, or the refusal that stops the read.
    private mutating func handle(_ event: yaml_event_t) -> IntakeRefusal? {
        let start = position(event.start_mark)
        switch event.type {
        case YAML_DOCUMENT_START_EVENT:
            documentCount += 1
            if documentCount > 1 {
                return refusal(
                    "intake.documents",
                    "The file holds more than one document (a second '---'). Put each submission in its own file.",
                    start)
            }
        case YAML_ALIAS_EVENT:
            return refusal(
                "intake.alias",
                "Aliases ('*name') are not accepted. Write each answer out in full.", start)
        case YAML_SCALAR_EVENT:
            let data = event.data.scalar
            if let refused = checkNode(anchor: data.anchor, tag: data.tag, at: start) { return refused }
            let text = String(decoding: UnsafeRawBufferPointer(start: data.value, count: data.length), as: UTF8.self)
            if data.length > limits.maxStringLength, text.unicodeScalars.count > limits.maxStringLength {
                return refusal(
                    "intake.string-length",
                    "This answer is \(text.unicodeScalars.count) characters long; the limit is "
                        + "\(limits.maxStringLength). Shorten it.", start)
            }
            let plain = data.style == YAML_PLAIN_SCALAR_STYLE && !hasStringTag(data.tag)
            let node = Node(.scalar(Scalar(text: text, isPlain: plain)), start: start, end: position(event.end_mark))
            return add(node)
        case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
            let isMapping = event.type == YAML_MAPPING_START_EVENT
            let anchor = isMapping ? event.data.mapping_start.anchor : event.data.sequence_start.anchor
            let tag = isMapping ? event.data.mapping_start.tag : event.data.sequence_start.tag
            if let refused = checkNode(anchor: anchor, tag: tag, at: start) { return refused }
            if depth >= limits.maxDepth {
                return refusal(
                    "intake.depth",
                    "The answers are nested more than \(limits.maxDepth) levels deep. No form needs this: "
                        + "check the indentation.", start)
            }
            if depth > 0 { enclosing.append(open) }
            depth += 1
            open = OpenCollection(
                isMapping: isMapping, start: start, firstEntry: openEntries.count, firstItem: openItems.count)
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            guard depth > 0 else { return nil }
            let finished = open
            depth -= 1
            if let outer = enclosing.popLast() { open = outer }
            let content: Node.Content
            if finished.isMapping {
                content = .mapping(Array(openEntries[finished.firstEntry...]))
                openEntries.removeSubrange(finished.firstEntry...)
            } else {
                content = .sequence(Array(openItems[finished.firstItem...]))
                openItems.removeSubrange(finished.firstItem...)
            }
            return add(Node(content, start: finished.start, end: position(event.end_mark)))
        default:
            break
        }
        return nil
    }

    /// Counts a node and refuses anchors and tags other than YAML's own core ones.
    private mutating func checkNode(
        anchor: UnsafeMutablePointer<yaml_char_t>?, tag: UnsafeMutablePointer<yaml_char_t>?, at start: TextPosition
    ) -> IntakeRefusal? {
        nodeCount += 1
        if nodeCount > limits.maxNodes {
            return refusal(
                "intake.nodes",
                "The file holds more than \(limits.maxNodes) values, the limit. "
                    + "Put each submission in its own file.", start)
        }
        if let anchor {
            let name = String(cString: anchor)
            return refusal(
                "intake.anchor",
                "Anchors ('&\(name)') are not accepted. Write each answer out in full.", start)
        }
        if let tag {
            let name = String(cString: tag)
            if !Self.acceptedTags.contains(name) {
                return refusal(
                    "intake.tag",
                    "The tag '\(Self.shortTag(name))' is not accepted. Remove it: answers are plain text.", start)
            }
        }
        return nil
    }

    /// Adds a finished node to the collection that holds it, or makes it the root.
    private mutating func add(_ node: consuming Node) -> IntakeRefusal? {
        guard depth > 0 else {
            root = node
            return nil
        }
        if !open.isMapping {
            openItems.append(node)
            return nil
        }
        guard let pending = open.pendingKey else {
            guard let key = node.scalar else {
                return refusal(
                    "intake.complex-key",
                    "A key must be a single name, not \(node.kindDescription).", node.start)
            }
            if let first = open.firstPosition(ofKey: key.text, in: openEntries) {
                return refusal(
                    "intake.duplicate-key",
                    "'\(key.text)' is given twice here (first on line \(first.line)). Keep one.", node.start)
            }
            open.pendingKey = (key.text, node.start)
            return nil
        }
        openEntries.append(Entry(key: pending.key, keyStart: pending.start, value: node))
        open.added(openEntries)
        return nil
    }

    private func position(_ mark: yaml_mark_t) -> TextPosition {
        TextPosition(line: Int(mark.line) + 1, column: Int(mark.column) + 1)
    }

    private func refusal(_ rule: String, _ message: String, _ at: TextPosition) -> IntakeRefusal {
        IntakeRefusal(rule: rule, message: message, mark: SourceMark(file: file, at))
    }

    private func empty() -> IntakeRefusal {
        refusal("intake.empty", "The file holds no answers.", TextPosition(line: 1, column: 1))
    }

    /// Turns libyaml's error into a refusal at the problem's place, in words a form-filler can act on.
    private func syntaxRefusal(_ parser: yaml_parser_t) -> IntakeRefusal {
        let problem = parser.problem.map { String(cString: $0) } ?? "the file could not be read"
        if parser.error == YAML_READER_ERROR {
            let at = UTF8Check.position(ofOffset: parser.problem_offset, in: buffer)
            let byte = parser.problem_offset < buffer.count ? buffer[parser.problem_offset] : 0
            let detail =
                problem == "control characters are not allowed"
                ? "a control character (byte \(byte) in decimal) that text may not hold" : problem
            return refusal("intake.encoding", "The file contains \(detail). Save it as plain UTF-8 text.", at)
        }
        var message = "This is not valid YAML or JSON: \(problem)"
        if let context = parser.context.map({ String(cString: $0) }) {
            let contextAt = position(parser.context_mark)
            message += " (\(context) that starts on line \(contextAt.line))"
        }
        message += ". " + Self.advice(forProblem: problem)
        return refusal("intake.syntax", message, position(parser.problem_mark))
    }

    /// What a person should do about one of libyaml's syntax problems.
    static func advice(forProblem problem: String) -> String {
        if problem.contains("mapping values are not allowed") {
            return "An answer that contains ': ' must be in quotes."
        }
        if problem.contains("end of stream") || problem.contains("quoted scalar") {
            return "Close every quote you open."
        }
        if problem.contains("cannot start any token") || problem.contains("tab") {
            return "Indent with spaces, not tabs, and put answers that start with '@', '`', '%', '|' or '>' in quotes."
        }
        if problem.contains("expected key") || problem.contains("expected '-'") || problem.contains("block") {
            return "Check the indentation: the keys of one group must start in the same column."
        }
        return "Check the indentation, and put answers that contain ':' or '#' in quotes."
    }

    private func hasStringTag(_ tag: UnsafeMutablePointer<yaml_char_t>?) -> Bool {
        guard let tag else { return false }
        return String(cString: tag) == "tag:yaml.org,2002:str"
    }

    /// YAML's own tags, which say nothing an answer's field type does not: accepted and ignored.
    private static let acceptedTags: Set<String> = [
        "!", "tag:yaml.org,2002:str", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float",
        "tag:yaml.org,2002:bool", "tag:yaml.org,2002:null", "tag:yaml.org,2002:map",
        "tag:yaml.org,2002:seq", "tag:yaml.org,2002:timestamp",
    ]

    private static func shortTag(_ tag: String) -> String {
        let prefix = "tag:yaml.org,2002:"
        return tag.hasPrefix(prefix) ? "!!" + tag.dropFirst(prefix.count) : tag
    }
}

/// A mapping or sequence whose end event has not come yet. Its entries and items so far are in the reader's
/// `openEntries` and `openItems`, from `firstEntry` and `firstItem` on.
private struct OpenCollection {
    let isMapping: Bool
    let start: TextPosition
    let firstEntry: Int
    let firstItem: Int
    var pendingKey: (key: String, start: TextPosition)?
    /// The keys seen so far, once a mapping is large enough that scanning its entries would be slow.
    var keyIndex: [String: TextPosition]? = nil

    /// Where an earlier entry with this key starts, if there is one.
    func firstPosition(ofKey key: String, in entries: [Entry]) -> TextPosition? {
        if let keyIndex { return keyIndex[key] }
        // Keys of another length are never the same: most are told apart without comparing their text.
        let length = key.utf8.count
        return entries[firstEntry...].first(where: { $0.key.utf8.count == length && $0.key == key })?.keyStart
    }

    /// Notes the entry just added (the last of `entries`) and clears the pending key.
    mutating func added(_ entries: [Entry]) {
        pendingKey = nil
        if keyIndex != nil {
            keyIndex?[entries[entries.count - 1].key] = entries[entries.count - 1].keyStart
        } else if entries.count - firstEntry == 16 {
            keyIndex = Dictionary(
                entries[firstEntry...].map { ($0.key, $0.keyStart) }, uniquingKeysWith: { first, _ in first })
        }
    }
}
