/// A document read by `Intake`: its values, stored flat (see `FlatNode`), and the name of the file it came from.
///
/// Validation reads the values where they are stored (`Document+Values.swift`); `root` builds the tree of
/// `Node`s that definition files and tests read.
public struct Document: Sendable {
    /// The file's path as the user named it (or a label such as `portal` for other sources).
    public var file: String
    /// The values in the order written, each collection followed by everything in it; the root first.
    let nodes: [FlatNode]
    /// Every scalar's text, one after another, as UTF-8.
    let text: [UInt8]

    /// A document of values already stored flat (by `DocumentBuilder`); `nodes` holds at least the root.
    init(file: String, nodes: [FlatNode], text: [UInt8]) {
        self.file = file
        self.nodes = nodes
        self.text = text
    }

    /// Creates a document from a tree of nodes (a rule test's answers, say).
    public init(file: String, root: Node) {
        var builder = DocumentBuilder(expectedBytes: 0)
        builder.add(root)
        self = builder.document(file: file)
    }

    /// The document's root value as a tree, built on each call: for definition files and tests.
    public var root: Node { tree(at: 0) }

    /// Where the root value starts.
    var rootStart: TextPosition { nodes[0].start }

    /// The source mark of a position in this document.
    public func mark(_ position: TextPosition) -> SourceMark {
        SourceMark(file: file, position)
    }

    /// The value at `index` and everything in it, as a tree.
    private func tree(at index: Int) -> Node {
        let node = nodes[index]
        let content: Node.Content
        switch node.kind {
        case .plainScalar, .quotedScalar:
            content = .scalar(Scalar(text: text(index), isPlain: node.kind == .plainScalar))
        case .mapping:
            content = .mapping(
                entries(of: index).map { Entry(key: text($0.key), keyStart: start($0.key), value: tree(at: $0.value)) }
            )
        case .sequence:
            content = .sequence(items(of: index).map { tree(at: $0) })
        }
        return Node(content, start: node.start, end: node.end)
    }
}
