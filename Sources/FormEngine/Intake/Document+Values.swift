#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reading a document's values where they are stored, by index (the root is 0): what validation uses, so that
/// no tree and no string is made for a value nothing asks for.
extension Document {
    /// What the value at `index` is.
    func kind(_ index: Int) -> FlatNode.Kind { nodes[index].kind }

    /// Where the value at `index` starts.
    func start(_ index: Int) -> TextPosition { nodes[index].start }

    /// True when the value at `index` is a scalar that stands for no answer (see `Scalar.isNull`).
    func isNull(_ index: Int) -> Bool {
        let node = nodes[index]
        // No text that means no answer is 2 or 3 bytes long: most short answers (yes, no, 25) are told apart by
        // their length alone.
        guard node.kind == .plainScalar, node.size <= 4, node.size != 2, node.size != 3 else { return false }
        return withText(index) { bytes in Scalar.noAnswerTexts.contains { $0.utf8.elementsEqual(bytes) } }
    }

    /// The text of the scalar at `index`.
    func text(_ index: Int) -> String {
        withText(index) { String(decoding: $0, as: UTF8.self) }
    }

    /// The text of the value at `index`, if it is a scalar.
    func scalarText(_ index: Int) -> String? {
        nodes[index].isCollection ? nil : text(index)
    }

    /// True when the scalar at `index` is exactly `name` (a key, say), compared without making a string.
    func text(_ index: Int, equals name: String) -> Bool {
        let node = nodes[index]
        guard !node.isCollection, name.utf8.count == Int(node.size) else { return false }
        return withText(index) { bytes in
            name.utf8.withContiguousStorageIfAvailable { wanted in
                wanted.isEmpty || memcmp(wanted.baseAddress!, bytes.baseAddress!, wanted.count) == 0
            } ?? bytes.elementsEqual(name.utf8)
        }
    }

    /// True when the scalar at `index` is exactly the id at `key` of `keys`.
    func text(_ index: Int, equals key: Int, of keys: KeyTable) -> Bool {
        let node = nodes[index]
        guard !node.isCollection else { return false }
        return withText(index) { keys.key(key, equals: $0) }
    }

    /// The number of entries of the mapping at `index` (0 for anything else).
    func entryCount(_ index: Int) -> Int {
        nodes[index].kind == .mapping ? Int(nodes[index].size) / 2 : 0
    }

    /// The keys' and values' indices of the mapping at `index`, in the order written (none for anything else).
    func entries(of index: Int) -> Entries {
        Entries(children: Children(nodes: nodes, parent: index, expected: .mapping))
    }

    /// The items' indices of the sequence at `index`, in the order written (none for anything else).
    func items(of index: Int) -> Children {
        Children(nodes: nodes, parent: index, expected: .sequence)
    }

    /// The items' indices of the sequence at `index`, or `index` alone when it is not a sequence (one choice
    /// written without brackets, say).
    func items(ofListOrSingle index: Int) -> Children {
        nodes[index].kind == .sequence
            ? Children(nodes: nodes, parent: index, expected: .sequence)
            : Children(nodes: nodes, only: index)
    }

    /// How many items `items(ofListOrSingle:)` gives.
    func itemCount(ofListOrSingle index: Int) -> Int {
        nodes[index].kind == .sequence ? Int(nodes[index].size) : 1
    }

    /// The value of the entry with this key, if `index` is a mapping that has one.
    func value(forKey key: String, in index: Int) -> Int? {
        entries(of: index).first(where: { text($0.key, equals: key) })?.value
    }

    /// How a user would name the value at `index`, for messages: "a single answer", "a list", ...
    func kindDescription(_ index: Int) -> String { nodes[index].kind.description }

    /// Calls `body` with the bytes of the scalar at `index`.
    func withText<Result>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        let node = nodes[index]
        return text.withUnsafeBufferPointer { all in
            body(UnsafeBufferPointer(rebasing: all[Int(node.textStart)..<Int(node.textStart + node.size)]))
        }
    }

    /// The indices of the values a collection holds directly.
    struct Children: Sequence, IteratorProtocol {
        private let nodes: [FlatNode]
        private var index: Int
        private let end: Int

        init(nodes: [FlatNode], parent: Int, expected: FlatNode.Kind) {
            self.nodes = nodes
            index = parent + 1
            end = nodes[parent].kind == expected ? Int(nodes[parent].next) : index
        }

        init(nodes: [FlatNode], only index: Int) {
            self.nodes = nodes
            self.index = index
            end = index + 1
        }

        mutating func next() -> Int? {
            guard index < end else { return nil }
            defer { index = Int(nodes[index].next) }
            return index
        }
    }

    /// The key and value indices of a mapping's entries.
    struct Entries: Sequence, IteratorProtocol {
        fileprivate var children: Children

        mutating func next() -> (key: Int, value: Int)? {
            guard let key = children.next(), let value = children.next() else { return nil }
            return (key, value)
        }
    }
}
