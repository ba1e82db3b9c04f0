#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The line a diagnostic points at and a caret under its column, as compilers and Yams print them.
public enum SourceExcerpt {
    /// The widest excerpt shown; longer lines are cut around the column.
    static let width = 100

    /// Two lines, each indented four spaces: the source line and a caret; nil when the line does not exist.
    public static func lines(in bytes: [UInt8], line: Int, column: Int) -> String? {
        var output: [UInt8] = []
        return write(in: bytes, line: line, column: column, to: &output) ? String(decoding: output, as: UTF8.self) : nil
    }

    /// Writes the two lines of `lines(in:line:column:)` to `output`; false (and nothing written) when the line does
    /// not exist.
    static func write(in bytes: [UInt8], line: Int, column: Int, to output: inout [UInt8]) -> Bool {
        guard line >= 1 else { return false }
        var current = 1
        var start = 0
        // memchr finds each line end many bytes at a time; a file's excerpts are read one finding after another.
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            while current < line, start < buffer.count,
                let found = memchr(base + start, 0x0A, buffer.count - start)
            {
                start = base.distance(to: found.assumingMemoryBound(to: UInt8.self)) + 1
                current += 1
            }
        }
        guard current == line, start <= bytes.count else { return false }
        var end = start
        while end < bytes.count && bytes[end] != 0x0A && bytes[end] != 0x0D { end += 1 }
        // Most lines are short and printable ASCII: shown as they are.
        if end - start <= width, bytes[start..<end].allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
            let caret = max(0, column - 1)
            guard bytes[start..<end].contains(where: { $0 != 0x20 }) || caret < 1 else { return false }
            output.append(utf8: "    ")
            output += bytes[start..<end]
            writeCaret(at: min(caret, end - start), to: &output)
            return true
        }
        // Other lines by Unicode scalars, which columns count, tabs and control characters shown as spaces; a line
        // longer than `width` cut around the column. Written straight into `output`: no string made of them.
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(end - start)
        for scalar in String(decoding: bytes[start..<end], as: UTF8.self).unicodeScalars {
            scalars.append(scalar == "\t" || scalar.value < 0x20 ? " " : scalar)
        }
        var caret = max(0, column - 1)
        var shown = scalars.indices
        if scalars.count > width {
            let from = max(0, min(caret - width / 2, scalars.count - width))
            shown = from..<min(scalars.count, from + width)
            caret -= from
        }
        guard scalars[shown].contains(where: { $0 != " " }) || caret < 1 else { return false }
        output.append(utf8: "    ")
        for index in shown {
            UTF8.encode(scalars[index]) { output.append($0) }
        }
        writeCaret(at: min(caret, shown.count), to: &output)
        return true
    }

    /// The second line: a caret under column `caret` (counted from 0), after the four spaces of the indent.
    private static func writeCaret(at caret: Int, to output: inout [UInt8]) {
        output.append(utf8: "\n    ")
        output += repeatElement(UInt8(ascii: " "), count: caret)
        output.append(UInt8(ascii: "^"))
    }
}
