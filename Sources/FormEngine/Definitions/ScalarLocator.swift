/// Finds where a character of a scalar's value stands in its file, so a problem inside an expression
/// written over several lines (a folded `>` block, say) is reported at its own line and column.
struct ScalarLocator {
    private let lines: [[Unicode.Scalar]]

    /// A locator over a file's text.
    init(text: String) {
        var lines: [[Unicode.Scalar]] = [[]]
        for scalar in text.unicodeScalars {
            if scalar == "\n" {
                lines.append([])
            } else if scalar != "\r" {
                lines[lines.count - 1].append(scalar)
            }
        }
        self.lines = lines
    }

    /// The position of character `offset` of `value`, the value of the scalar node `node`.
    ///
    /// On one line the value starts just after any opening quote. Over several lines, folding and
    /// indentation change the white space but not the other characters, so the position is found by
    /// counting the characters that are not white space.
    func position(ofOffset offset: Int, in value: String, node: Node) -> TextPosition {
        let quoted = node.scalar.map { !$0.isPlain } ?? false
        let startLine = Int(node.start.line) - 1
        let startColumn = Int(node.start.column) - 1
        guard startLine >= 0, startLine < lines.count else { return node.start }
        let first = lines[startLine]
        let opener = startColumn < first.count ? first[startColumn] : " "
        let isBlock = opener == "|" || opener == ">"
        if !isBlock && node.end.line == node.start.line {
            return TextPosition(line: startLine + 1, column: startColumn + 1 + (quoted ? 1 : 0) + offset)
        }
        let valueScalars = Array(value.unicodeScalars)
        var remaining = valueScalars.prefix(min(offset, valueScalars.count)).filter { !$0.isWhiteSpace }
            .count
        var line = isBlock ? startLine + 1 : startLine
        var column = isBlock ? 0 : startColumn + (quoted ? 1 : 0)
        while line < lines.count {
            let scalars = lines[line]
            while column < scalars.count {
                if !scalars[column].isWhiteSpace {
                    if remaining == 0 { return TextPosition(line: line + 1, column: column + 1) }
                    remaining -= 1
                }
                column += 1
            }
            line += 1
            column = 0
        }
        return node.start
    }
}
