/// A line and column in a document, counted from 1; a `SourceMark` without the file name.
///
/// Nodes carry positions rather than marks so that a large document does not repeat its file name
/// in every value; `Document.mark(_:)` adds it back.
public struct TextPosition: Sendable, Hashable, Comparable {
    /// The line, from 1.
    public var line: Int32
    /// The column, from 1.
    public var column: Int32

    /// Creates a position.
    public init(line: Int, column: Int) {
        self.line = Int32(truncatingIfNeeded: line)
        self.column = Int32(truncatingIfNeeded: column)
    }

    /// The first line's first column: where a document starts.
    public static let start = TextPosition(line: 1, column: 1)

    /// Orders positions by line, then column.
    public static func < (lhs: TextPosition, rhs: TextPosition) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }
}

extension SourceMark {
    /// The mark of a position in a file.
    public init(file: String, _ position: TextPosition) {
        self.init(file: file, line: Int(position.line), column: Int(position.column))
    }
}
