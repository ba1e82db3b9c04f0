/// Small text helpers the modules share, without Foundation.
extension StringProtocol {
    /// The text without white space at either end.
    public var trimmingWhitespace: String {
        // Most answers start and end with a letter or digit: then there is nothing to trim, and no need to read
        // the text as Characters.
        let text = String(self)
        if let first = text.utf8.first, let last = text.utf8.last, first.isPrintableASCII, last.isPrintableASCII {
            return text
        }
        guard let first = firstIndex(where: { !$0.isWhitespace }), let last = lastIndex(where: { !$0.isWhitespace })
        else { return "" }
        return String(self[first...last])
    }

    /// True when the text holds something other than white space.
    public var hasNonWhitespace: Bool {
        if let first = utf8.first, first.isPrintableASCII { return true }
        return contains(where: { !$0.isWhitespace })
    }

    /// The text with every occurrence of `target` replaced.
    public func replacingAll(_ target: Character, with replacement: String) -> String {
        if let ascii = target.asciiValue, !utf8.contains(ascii) { return String(self) }
        var result = ""
        for character in self {
            if character == target { result += replacement } else { result.append(character) }
        }
        return result
    }

    /// The text with its first letter upper-cased.
    public var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }

    /// The text with each run of white space (a folded line break, an indent) made one space.
    public var collapsingWhitespace: String {
        // Most messages hold single spaces only and are returned as they are, after one look at their bytes.
        let collapsed = utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            guard bytes.first != 0x20, bytes.last != 0x20 else { return false }
            var afterSpace = false
            for byte in bytes {
                if byte >= 0x80 || (0x09...0x0D).contains(byte) || (byte == 0x20 && afterSpace) { return false }
                afterSpace = byte == 0x20
            }
            return true
        }
        if collapsed == true { return String(self) }
        // Byte by byte when the text is ASCII, as messages mostly are; Characters only when it is not.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count)
        var pendingSpace = false
        for byte in utf8 {
            if byte >= 0x80 { return split(whereSeparator: \.isWhitespace).joined(separator: " ") }
            if byte.isASCIIWhiteSpace {
                pendingSpace = !bytes.isEmpty
            } else {
                if pendingSpace { bytes.append(0x20) }
                pendingSpace = false
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

extension UInt8 {
    /// A visible ASCII character: not white space, not a control, not part of a longer character.
    var isPrintableASCII: Bool { self > 0x20 && self < 0x7F }

    /// An ASCII white space character: a space, a tab, a line break, a vertical tab, a form feed.
    var isASCIIWhiteSpace: Bool { self == 0x20 || (0x09...0x0D).contains(self) }
}

extension Unicode.Scalar {
    /// White space as Unicode defines it, an ASCII scalar answered without a look-up in Unicode's property tables
    /// (which cost some 300 instructions a scalar when a rule set's expressions are read).
    var isWhiteSpace: Bool { isASCII ? UInt8(value).isASCIIWhiteSpace : properties.isWhitespace }
}

extension String {
    /// The text of ASCII scalars (an identifier's, a number's), made from their bytes at once rather than appended
    /// one scalar at a time.
    init(asciiScalars scalars: ArraySlice<Unicode.Scalar>) {
        self.init(decoding: scalars.map { UInt8(truncatingIfNeeded: $0.value) }, as: UTF8.self)
    }
}
