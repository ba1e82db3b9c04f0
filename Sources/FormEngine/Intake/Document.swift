/// A document read by `Intake`: its root node and the name of the file it came from.
public struct Document: Sendable {
    /// The file's path as the user named it (or a label such as `portal` for other sources).
    public var file: String
    /// The document's root value.
    public var root: Node

    /// Creates a document.
    public init(file: String, root: Node) {
        self.file = file
        self.root = root
    }

    /// The source mark of a position in this document.
    public func mark(_ position: TextPosition) -> SourceMark {
        SourceMark(file: file, position)
    }
}
