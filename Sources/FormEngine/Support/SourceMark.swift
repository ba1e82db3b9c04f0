/// A place in a source file: the file's name as the user gave it, and a line and column counted from 1.
///
/// Columns count characters (Unicode scalars), as libyaml and most editors do.
public struct SourceMark: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The file's path as the user named it.
    public var file: String
    /// The line, from 1.
    public var line: Int
    /// The column, from 1.
    public var column: Int

    /// Creates a mark.
    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:column`, the prefix of every compiler-style diagnostic.
    public var description: String { "\(file):\(line):\(column)" }

    /// Orders marks by file, then line, then column.
    public static func < (lhs: SourceMark, rhs: SourceMark) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }
}
