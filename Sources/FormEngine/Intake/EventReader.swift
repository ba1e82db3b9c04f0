import CYAML

/// The loop over libyaml's events that stores a document's values (see `DocumentBuilder`) and enforces the
/// limits as it goes.
struct EventReader {
    private let buffer: UnsafeBufferPointer<UInt8>
    private let file: String
    private let limits: IntakeLimits
    private var builder: DocumentBuilder
    /// The collections open, innermost last.
    private var open: [OpenCollection] = []
    private var nodeCount = 0
    private var documentCount = 0

    init(buffer: UnsafeBufferPointer<UInt8>, file: String, limits: IntakeLimits, room: DocumentRoom? = nil) {
        self.buffer = buffer
        self.file = file
        self.limits = limits
        builder = DocumentBuilder(expectedBytes: buffer.count, room: room)
        open.reserveCapacity(8)
    }

    /// Parses the whole stream: its one document, or the first refusal.
    mutating func run() -> Result<Document, IntakeRefusal> {
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
                    "intake.memory", "There is not enough memory to read the file.", .start))
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
        let document = builder.document(file: file)
        guard let root = document.nodes.first, !(document.isNull(0) && root.start == root.end) else {
            return .failure(empty())
        }
        return .success(document)
    }

    /// Handles one event: nil to go on, or the refusal that stops the read.
    ///
    /// Inlined into `run`'s loop, as are the helpers marked so below: the release build (SwiftPM compiles a module's
    /// files as separate LLVM units) left them calls, `handle` taking each of libyaml's 104-byte events by value;
    /// inlined, `validate` spends 4% less CPU on the small sample (stop 48).
    @inline(__always)
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
            let bytes = UnsafeRawBufferPointer(start: data.value, count: data.length)
            if data.length > limits.maxStringLength {
                let characters = bytes.reduce(0) { $1 & 0xC0 == 0x80 ? $0 : $0 + 1 }
                if characters > limits.maxStringLength {
                    return refusal(
                        "intake.string-length",
                        "This answer is \(characters) characters long; the limit is \(limits.maxStringLength). "
                            + "Shorten it.", start)
                }
            }
            if let last = open.indices.last {
                open[last].size += 1
                if open[last].expectsKey {
                    if let refused = addKey(bytes, in: last, at: start) { return refused }
                } else {
                    valueAdded()
                }
            }
            let plain = data.style == YAML_PLAIN_SCALAR_STYLE && !hasStringTag(data.tag)
            builder.addScalar(bytes, plain: plain, start: start, end: position(event.end_mark))
        case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
            let isMapping = event.type == YAML_MAPPING_START_EVENT
            let anchor = isMapping ? event.data.mapping_start.anchor : event.data.sequence_start.anchor
            let tag = isMapping ? event.data.mapping_start.tag : event.data.sequence_start.tag
            if let refused = checkNode(anchor: anchor, tag: tag, at: start) { return refused }
            if open.count >= limits.maxDepth {
                return refusal(
                    "intake.depth",
                    "The answers are nested more than \(limits.maxDepth) levels deep. No form needs this: "
                        + "check the indentation.", start)
            }
            if let last = open.last, last.expectsKey {
                let kind: FlatNode.Kind = isMapping ? .mapping : .sequence
                return refusal("intake.complex-key", "A key must be a single name, not \(kind.description).", start)
            }
            if let last = open.indices.last { open[last].size += 1 }
            let index = builder.open(isMapping: isMapping, start: start)
            open.append(OpenCollection(index: index, isMapping: isMapping))
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            guard let finished = open.popLast() else { return nil }
            builder.close(finished.index, size: finished.size, end: position(event.end_mark))
            valueAdded()
        default:
            break
        }
        return nil
    }

    /// Counts a node and refuses anchors and tags other than YAML's own core ones.
    @inline(__always)
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

    /// Checks a key about to be added to the mapping open at `level` of `open`: refused if the mapping has it
    /// already.
    @inline(__always)
    private mutating func addKey(_ key: UnsafeRawBufferPointer, in level: Int, at start: TextPosition)
        -> IntakeRefusal?
    {
        // A key none before it shares a bit with (`keyBit`) repeats none of them: the keys so far are not compared.
        let bit = Self.keyBit(key)
        if open[level].keyBits & bit != 0 || open[level].keyIndex != nil,
            let first = firstPosition(ofKey: key, in: level)
        {
            let name = String(decoding: key, as: UTF8.self)
            return refusal(
                "intake.duplicate-key", "'\(name)' is given twice here (first on line \(first.line)). Keep one.",
                start)
        }
        open[level].expectsKey = false
        open[level].keyBits |= bit
        if open[level].keyIndex != nil {
            open[level].keyIndex?[String(decoding: key, as: UTF8.self)] = start
        } else if open[level].keyCount == OpenCollection.indexedFrom {
            var index: [String: TextPosition] = [:]
            var earlier = builder.firstKey(inMapping: open[level].index)
            while let key = earlier {
                index[builder.text(at: key)] = builder.nodes[key].start
                earlier = builder.key(after: key)
            }
            index[String(decoding: key, as: UTF8.self)] = start
            open[level].keyIndex = index
        }
        return nil
    }

    /// Where an earlier key of the mapping open at `level` that is the same as `key` starts, if there is one.
    @inline(__always)
    private func firstPosition(ofKey key: UnsafeRawBufferPointer, in level: Int) -> TextPosition? {
        if let keyIndex = open[level].keyIndex { return keyIndex[String(decoding: key, as: UTF8.self)] }
        var earlier = builder.firstKey(inMapping: open[level].index)
        while let candidate = earlier {
            if builder.text(at: candidate, equals: key) { return builder.nodes[candidate].start }
            earlier = builder.key(after: candidate)
        }
        return nil
    }

    /// One of 64 bits, chosen by a key's length and its first and last bytes: equal keys have the same bit.
    @inline(__always)
    private static func keyBit(_ key: UnsafeRawBufferPointer) -> UInt64 {
        guard let first = key.first, let last = key.last else { return 1 }
        return 1 << ((UInt64(key.count) &* 31 &+ UInt64(first) &* 7 &+ UInt64(last)) & 63)
    }

    /// Notes that a value (not a key) has been added to the innermost collection.
    private mutating func valueAdded() {
        if let last = open.indices.last, open[last].isMapping { open[last].expectsKey = true }
    }

    private func position(_ mark: yaml_mark_t) -> TextPosition {
        TextPosition(line: Int(mark.line) + 1, column: Int(mark.column) + 1)
    }

    private func refusal(_ rule: String, _ message: String, _ at: TextPosition) -> IntakeRefusal {
        IntakeRefusal(rule: rule, message: message, mark: SourceMark(file: file, at))
    }

    private func empty() -> IntakeRefusal {
        refusal("intake.empty", "The file holds no answers.", .start)
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

/// A mapping or sequence whose end event has not come yet.
private struct OpenCollection {
    /// Its index among the document's values.
    let index: Int
    let isMapping: Bool
    /// In a mapping: true when the next value is a key.
    var expectsKey: Bool
    /// How many values it holds so far (a mapping's keys and values both count).
    var size = 0
    /// In a mapping: the bits of its keys so far (`EventReader.keyBit`), or-ed together.
    var keyBits: UInt64 = 0
    /// In a mapping: the number of keys so far, the one being read among them (each has its value but the last).
    var keyCount: Int { (size + 1) / 2 }
    /// The keys seen so far, once a mapping has `indexedFrom` of them: scanning them all for each new key
    /// would be slow.
    var keyIndex: [String: TextPosition]? = nil

    /// The number of keys from which a mapping's keys are indexed.
    static let indexedFrom = 16

    init(index: Int, isMapping: Bool) {
        self.index = index
        self.isMapping = isMapping
        expectsKey = isMapping
    }
}
