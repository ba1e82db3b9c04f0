/// Small text helpers the modules share, without Foundation.
extension StringProtocol {
    /// The text without white space at either end.
    public var trimmingWhitespace: String {
        guard let first = firstIndex(where: { !$0.isWhitespace }), let last = lastIndex(where: { !$0.isWhitespace })
        else { return "" }
        return String(self[first...last])
    }

    /// The text with every occurrence of `target` replaced.
    public func replacingAll(_ target: Character, with replacement: String) -> String {
        var result = ""
        for character in self {
            if character == target { result += replacement } else { result.append(character) }
        }
        return result
    }

    /// The text with its first letter upper-cased.
    public var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }

    /// The text with each run of white space (a folded line break, an indent) made one space.
    public var collapsingWhitespace: String { split(whereSeparator: \.isWhitespace).joined(separator: " ") }
}
