#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Stores a `Document`'s values flat, one at a time in the order written: for `EventReader`, and for a tree of
/// `Node`s made elsewhere (a rule test's answers).
struct DocumentBuilder {
    /// The values added so far.
    private(set) var nodes: [FlatNode] = []
    /// The text of the scalars added so far, in its first `textCount` bytes; room for more after them.
    private var text: [UInt8]
    /// How many bytes of `text` hold scalars' text.
    private var textCount = 0

    /// A builder for a document read from about `expectedBytes` bytes: room is made for that much text, in the arrays
    /// `room` lends when one is given.
    init(expectedBytes: Int, room: DocumentRoom? = nil) {
        if let room {
            (nodes, text) = room.lend()
            text.append(contentsOf: repeatElement(0, count: expectedBytes))
        } else {
            // Room only: the bytes past `textCount` are never read, so they are not zeroed first.
            text = [UInt8](unsafeUninitializedCapacity: expectedBytes) { _, count in count = expectedBytes }
        }
        nodes.reserveCapacity(expectedBytes / 12 + 4)
    }

    /// Adds a scalar whose text is `bytes`. The text is copied into the room made for it (`memcpy`): an array's
    /// `append(contentsOf:)` cost some 90 instructions a scalar, the copy aside.
    mutating func addScalar(_ bytes: UnsafeRawBufferPointer, plain: Bool, start: TextPosition, end: TextPosition) {
        let textStart = textCount
        let textEnd = textStart + bytes.count
        if textEnd > text.count {
            text.append(contentsOf: repeatElement(0, count: max(textEnd, text.count * 2) - text.count))
        }
        if let source = bytes.baseAddress, !bytes.isEmpty {
            text.withUnsafeMutableBytes { room in
                _ = memcpy(room.baseAddress! + textStart, source, bytes.count)
            }
        }
        textCount = textEnd
        nodes.append(
            FlatNode(
                kind: plain ? .plainScalar : .quotedScalar, start: start, end: end, textStart: Int32(textStart),
                size: Int32(bytes.count), next: Int32(nodes.count + 1)))
    }

    /// Opens a mapping or sequence: what is added next is in it, until `close`. Returns its index.
    mutating func open(isMapping: Bool, start: TextPosition) -> Int {
        nodes.append(
            FlatNode(
                kind: isMapping ? .mapping : .sequence, start: start, end: start, textStart: 0, size: 0,
                next: Int32(nodes.count + 1)))
        return nodes.count - 1
    }

    /// Closes the collection opened at `index`, which holds `size` values directly (a mapping's keys and values
    /// both count): everything added since is in it.
    mutating func close(_ index: Int, size: Int, end: TextPosition) {
        nodes[index].size = Int32(size)
        nodes[index].end = end
        nodes[index].next = Int32(nodes.count)
    }

    /// The index of the first key of the mapping opened at `index`, not closed yet and expecting a key, if it has one
    /// yet. With `key(after:)`, the keys so far: walked in a loop, not a sequence's closure, as every key read asks.
    func firstKey(inMapping index: Int) -> Int? {
        index + 1 < nodes.count ? index + 1 : nil
    }

    /// The key after `key` in its mapping, open and expecting a key, if there is one yet: each key so far has its value.
    func key(after key: Int) -> Int? {
        let next = Int(nodes[key + 1].next)
        return next < nodes.count ? next : nil
    }

    /// The text of the scalar at `index`.
    func text(at index: Int) -> String {
        let node = nodes[index]
        return String(decoding: text[Int(node.textStart)..<Int(node.textStart + node.size)], as: UTF8.self)
    }

    /// True when the scalar at `index` holds exactly `bytes`.
    func text(at index: Int, equals bytes: UnsafeRawBufferPointer) -> Bool {
        let node = nodes[index]
        guard Int(node.size) == bytes.count else { return false }
        return text.withUnsafeBytes { all in
            bytes.isEmpty || memcmp(all.baseAddress! + Int(node.textStart), bytes.baseAddress!, bytes.count) == 0
        }
    }

    /// Adds a tree of nodes.
    mutating func add(_ node: Node) {
        switch node.content {
        case .scalar(let scalar):
            addScalar(scalar.text, plain: scalar.isPlain, start: node.start, end: node.end)
        case .mapping(let entries):
            let index = open(isMapping: true, start: node.start)
            for entry in entries {
                addScalar(entry.key, plain: true, start: entry.keyStart, end: entry.keyStart)
                add(entry.value)
            }
            close(index, size: entries.count * 2, end: node.end)
        case .sequence(let items):
            let index = open(isMapping: false, start: node.start)
            for item in items { add(item) }
            close(index, size: items.count, end: node.end)
        }
    }

    /// The document built, its text cut to what the scalars hold; at least one value must have been added.
    mutating func document(file: String) -> Document {
        text.removeLast(text.count - textCount)
        return Document(file: file, nodes: nodes, text: text)
    }

    private mutating func addScalar(_ string: String, plain: Bool, start: TextPosition, end: TextPosition) {
        var string = string
        string.withUTF8 { addScalar(UnsafeRawBufferPointer($0), plain: plain, start: start, end: end) }
    }
}
