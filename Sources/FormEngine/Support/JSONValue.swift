/// A JSON value with its object keys in a fixed order, and a writer for it.
///
/// Output is deterministic (keys in the order given), so the CLI, the API and the tests agree byte for byte.
public indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])
    /// JSON text this program wrote earlier (a stored finding, stored answers), embedded as it is.
    case written(String)

    /// Compact JSON text.
    public var text: String {
        // Written as bytes, made a string once: appending to bytes costs a fraction of appending to a string, and
        // every submission stored has its answers and findings written so.
        var output: [UInt8] = []
        output.reserveCapacity(256)
        write(to: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// Appends compact JSON text, as UTF-8, to `output`.
    public func write(to output: inout [UInt8]) {
        switch self {
        case .null: output.append(utf8: "null")
        case .bool(let flag): output.append(utf8: flag ? "true" : "false")
        case .number(let number): JSONValue.writeNumber(number, to: &output)
        case .string(let string): JSONValue.writeString(string, to: &output)
        case .array(let items):
            output.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                item.write(to: &output)
            }
            output.append(UInt8(ascii: "]"))
        case .object(let members):
            output.append(UInt8(ascii: "{"))
            for (index, (key, value)) in members.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                JSONValue.writeString(key, to: &output)
                output.append(UInt8(ascii: ":"))
                value.write(to: &output)
            }
            output.append(UInt8(ascii: "}"))
        case .written(let text): output.append(utf8: text)
        }
    }

    /// Writes a number: a whole one without a fraction, one JSON cannot hold (infinite, NaN) as null.
    public static func writeNumber(_ number: Double, to output: inout [UInt8]) {
        if !number.isFinite {
            output.append(utf8: "null")
        } else if number == number.rounded(), abs(number) < 1e15 {
            writeInteger(Int(number), to: &output)
        } else {
            output.append(utf8: String(number))
        }
    }

    /// Writes a whole number in decimal digits, without a `String` made of it.
    public static func writeInteger(_ number: Int, to output: inout [UInt8]) {
        if number < 0 { output.append(UInt8(ascii: "-")) }
        // The digits from the last, then turned round.
        let start = output.count
        var remaining = number.magnitude
        repeat {
            output.append(UInt8(ascii: "0") + UInt8(remaining % 10))
            remaining /= 10
        } while remaining > 0
        output[start...].reverse()
    }

    /// Writes a JSON string literal, escaping quotes, backslashes and control characters (RFC 8259), and also
    /// DEL, the C1 controls, U+2028, U+2029, U+FFFE and U+FFFF: YAML (and so libyaml, which reads our JSON back)
    /// refuses the controls and non-characters raw, so stored answers holding them could not be read again.
    /// Runs of bytes that need no escape are copied whole.
    public static func writeString(_ string: String, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        var string = string
        string.withUTF8 { bytes in
            var run = 0
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                let escape: (code: UInt32, length: Int)?
                switch byte {
                case 0x20..<0x7F where byte != 0x22 && byte != 0x5C: escape = nil
                case 0x00..<0x80: escape = (UInt32(byte), 1)
                case 0xC2 where index + 1 < bytes.count && (0x80...0x9F).contains(bytes[index + 1]):
                    escape = (UInt32(bytes[index + 1]), 2)
                case 0xE2
                where index + 2 < bytes.count && bytes[index + 1] == 0x80
                    && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                    escape = (0x2000 + UInt32(bytes[index + 2]) - 0x80, 3)
                case 0xEF
                where index + 2 < bytes.count && bytes[index + 1] == 0xBF
                    && (bytes[index + 2] == 0xBE || bytes[index + 2] == 0xBF):
                    escape = (0xFF40 + UInt32(bytes[index + 2]), 3)
                default: escape = nil
                }
                guard let escape else {
                    index += 1
                    continue
                }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<index]))
                writeEscape(escape.code, to: &output)
                index += escape.length
                run = index
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<bytes.count]))
        }
        output.append(UInt8(ascii: "\""))
    }

    /// One escaped character: the short form JSON has for it, or `\u` and four lower-case hex digits.
    private static func writeEscape(_ code: UInt32, to output: inout [UInt8]) {
        switch code {
        case 0x22: output.append(utf8: "\\\"")
        case 0x5C: output.append(utf8: "\\\\")
        case 0x0A: output.append(utf8: "\\n")
        case 0x0D: output.append(utf8: "\\r")
        case 0x09: output.append(utf8: "\\t")
        default:
            let digits = Array("0123456789abcdef".utf8)
            output.append(utf8: "\\u")
            for shift in stride(from: 12, through: 0, by: -4) {
                output.append(digits[Int((code >> UInt32(shift)) & 0xF)])
            }
        }
    }

    /// Objects are equal when they hold the same members in the same order.
    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.number(let a), .number(let b)): return a == b
        case (.string(let a), .string(let b)): return a == b
        case (.written(let a), .written(let b)): return a == b
        case (.array(let a), .array(let b)): return a == b
        case (.object(let a), .object(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: return false
        }
    }
}
