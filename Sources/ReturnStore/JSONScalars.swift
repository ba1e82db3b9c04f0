/// Reads the small JSON array of scalars SQLite's `json_extract` gives for several paths at once: each string,
/// number, `true` or `false` as its text, `null` as nil. A few hundred bytes a row, read many thousand times, so
/// read directly rather than through a general parser.
enum JSONScalars {
    /// The scalars of `text`, or nil when it is not an array of scalars.
    static func read(_ text: String) -> [String?]? {
        var bytes = Array(text.utf8)
        bytes.append(0)
        var index = 0
        func skipSpace() {
            while bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x0D || bytes[index] == 0x09 {
                index += 1
            }
        }
        skipSpace()
        guard bytes[index] == UInt8(ascii: "[") else { return nil }
        index += 1
        var values: [String?] = []
        skipSpace()
        if bytes[index] == UInt8(ascii: "]") { return values }
        while true {
            skipSpace()
            if bytes[index] == UInt8(ascii: "\"") {
                guard let string = readString(bytes, &index) else { return nil }
                values.append(string)
            } else {
                let start = index
                while !Array(",] \n\r\t\0".utf8).contains(bytes[index]) { index += 1 }
                let word = String(decoding: bytes[start..<index], as: UTF8.self)
                guard !word.isEmpty, word != "[", word.first != "{" else { return nil }
                values.append(word == "null" ? nil : word)
            }
            skipSpace()
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
            } else if bytes[index] == UInt8(ascii: "]") {
                return values
            } else {
                return nil
            }
        }
    }

    /// A JSON string starting at `index` (its opening quote), its escapes resolved; `index` left after it.
    private static func readString(_ bytes: [UInt8], _ index: inout Int) -> String? {
        index += 1
        var output: [UInt8] = []
        var pendingHigh: UInt32?
        while true {
            let byte = bytes[index]
            switch byte {
            case 0: return nil
            case UInt8(ascii: "\""):
                index += 1
                return String(decoding: output, as: UTF8.self)
            case UInt8(ascii: "\\"):
                index += 1
                let escape = bytes[index]
                index += 1
                switch escape {
                case UInt8(ascii: "n"): output.append(0x0A)
                case UInt8(ascii: "r"): output.append(0x0D)
                case UInt8(ascii: "t"): output.append(0x09)
                case UInt8(ascii: "b"): output.append(0x08)
                case UInt8(ascii: "f"): output.append(0x0C)
                case UInt8(ascii: "u"):
                    guard index + 4 <= bytes.count - 1,
                        let code = UInt32(String(decoding: bytes[index..<index + 4], as: UTF8.self), radix: 16)
                    else { return nil }
                    index += 4
                    if (0xD800...0xDBFF).contains(code) {
                        pendingHigh = code
                        continue
                    }
                    var scalarValue = code
                    if let high = pendingHigh, (0xDC00...0xDFFF).contains(code) {
                        scalarValue = 0x10000 + ((high - 0xD800) << 10) + (code - 0xDC00)
                    }
                    pendingHigh = nil
                    output += Array(String(Unicode.Scalar(scalarValue) ?? "\u{FFFD}").utf8)
                default: output.append(escape)
                }
            default:
                output.append(byte)
                index += 1
            }
        }
    }
}
