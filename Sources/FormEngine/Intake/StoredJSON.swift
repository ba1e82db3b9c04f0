/// Reads JSON that this program wrote itself (answers as bound, findings) back into a `Node` tree, as reports and
/// exports do for every stored submission. A plain JSON reader, several times faster than going through libyaml,
/// for text that is trusted: a submission from outside always goes through `Intake`, with its limits.
///
/// Strings are quoted scalars and numbers, `true`, `false` and `null` plain ones, as `Intake` reads JSON. Every
/// position is on line 1, at the byte where the value starts.
public enum StoredJSON {
    /// The tree, or nil when the text is not JSON.
    public static func read(_ text: String) -> Node? {
        var bytes = Array(text.utf8)
        bytes.append(0)
        return bytes.withUnsafeBufferPointer { buffer in
            var reader = Reader(bytes: buffer)
            guard let node = reader.value(depth: 0) else { return nil }
            reader.skipSpace()
            return reader.index == buffer.count - 1 ? node : nil
        }
    }

    private struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0

        init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

        mutating func skipSpace() {
            while true {
                switch bytes[index] {
                case 0x20, 0x0A, 0x0D, 0x09: index += 1
                default: return
                }
            }
        }

        private func position(_ offset: Int) -> TextPosition { TextPosition(line: 1, column: offset + 1) }

        mutating func value(depth: Int) -> Node? {
            guard depth < 256 else { return nil }
            skipSpace()
            let start = index
            switch bytes[index] {
            case UInt8(ascii: "{"):
                index += 1
                var entries: [Entry] = []
                skipSpace()
                if bytes[index] == UInt8(ascii: "}") {
                    index += 1
                    return Node(.mapping(entries), start: position(start), end: position(index))
                }
                while true {
                    skipSpace()
                    let keyStart = index
                    guard bytes[index] == UInt8(ascii: "\""), let key = string() else { return nil }
                    skipSpace()
                    guard bytes[index] == UInt8(ascii: ":") else { return nil }
                    index += 1
                    guard let value = value(depth: depth + 1) else { return nil }
                    entries.append(Entry(key: key, keyStart: position(keyStart), value: value))
                    skipSpace()
                    if bytes[index] == UInt8(ascii: ",") {
                        index += 1
                    } else if bytes[index] == UInt8(ascii: "}") {
                        index += 1
                        return Node(.mapping(entries), start: position(start), end: position(index))
                    } else {
                        return nil
                    }
                }
            case UInt8(ascii: "["):
                index += 1
                var items: [Node] = []
                skipSpace()
                if bytes[index] == UInt8(ascii: "]") {
                    index += 1
                    return Node(.sequence(items), start: position(start), end: position(index))
                }
                while true {
                    guard let item = value(depth: depth + 1) else { return nil }
                    items.append(item)
                    skipSpace()
                    if bytes[index] == UInt8(ascii: ",") {
                        index += 1
                    } else if bytes[index] == UInt8(ascii: "]") {
                        index += 1
                        return Node(.sequence(items), start: position(start), end: position(index))
                    } else {
                        return nil
                    }
                }
            case UInt8(ascii: "\""):
                guard let text = string() else { return nil }
                return Node(.scalar(Scalar(text: text, isPlain: false)), start: position(start), end: position(index))
            case 0:
                return nil
            default:
                while true {
                    switch bytes[index] {
                    case UInt8(ascii: ","), UInt8(ascii: "]"), UInt8(ascii: "}"), 0x20, 0x0A, 0x0D, 0x09, 0: break
                    default:
                        index += 1
                        continue
                    }
                    break
                }
                guard index > start else { return nil }
                let word = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
                return Node(.scalar(Scalar(text: word, isPlain: true)), start: position(start), end: position(index))
            }
        }

        /// A string at `index` (its opening quote), escapes resolved; `index` left after its closing quote.
        mutating func string() -> String? {
            index += 1
            let start = index
            // Most strings have no escape: read them straight from the bytes.
            while bytes[index] != UInt8(ascii: "\"") && bytes[index] != UInt8(ascii: "\\") {
                if bytes[index] == 0 { return nil }
                index += 1
            }
            if bytes[index] == UInt8(ascii: "\"") {
                let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
                index += 1
                return text
            }
            var output = Array(bytes[start..<index])
            var pendingHigh: UInt32?
            while true {
                let byte = bytes[index]
                if byte == 0 { return nil }
                if byte == UInt8(ascii: "\"") {
                    index += 1
                    return String(decoding: output, as: UTF8.self)
                }
                guard byte == UInt8(ascii: "\\") else {
                    output.append(byte)
                    index += 1
                    continue
                }
                let escape = bytes[index + 1]
                if escape == 0 { return nil }  // a backslash at the very end: never step past the terminator
                index += 2
                switch escape {
                case UInt8(ascii: "n"): output.append(0x0A)
                case UInt8(ascii: "r"): output.append(0x0D)
                case UInt8(ascii: "t"): output.append(0x09)
                case UInt8(ascii: "b"): output.append(0x08)
                case UInt8(ascii: "f"): output.append(0x0C)
                case UInt8(ascii: "u"):
                    var code: UInt32 = 0
                    for _ in 0..<4 {
                        let digit = bytes[index]
                        let value: UInt32
                        switch digit {
                        case UInt8(ascii: "0")...UInt8(ascii: "9"): value = UInt32(digit - UInt8(ascii: "0"))
                        case UInt8(ascii: "a")...UInt8(ascii: "f"): value = UInt32(digit - UInt8(ascii: "a") + 10)
                        case UInt8(ascii: "A")...UInt8(ascii: "F"): value = UInt32(digit - UInt8(ascii: "A") + 10)
                        default: return nil
                        }
                        code = code << 4 | value
                        index += 1
                    }
                    if (0xD800...0xDBFF).contains(code) {
                        pendingHigh = code
                        continue
                    }
                    var scalar = code
                    if let high = pendingHigh, (0xDC00...0xDFFF).contains(code) {
                        scalar = 0x10000 + ((high - 0xD800) << 10) + (code - 0xDC00)
                    }
                    pendingHigh = nil
                    output += Array(String(Unicode.Scalar(scalar) ?? "\u{FFFD}").utf8)
                default:
                    output.append(escape)
                }
            }
        }
    }
}
