import Foundation
import Hummingbird

/// A posted HTML form (`application/x-www-form-urlencoded`): its fields in order, a name repeated for each
/// checkbox ticked.
struct FormBody: Sendable {
    /// The fields, in the order posted.
    let fields: [(name: String, value: String)]

    /// The first value of a field.
    subscript(name: String) -> String? { fields.first { $0.name == name }?.value }

    /// Reads a request's form; the body may not be over `limit` bytes.
    static func read(_ request: inout Request, limit: Int) async throws -> FormBody {
        let buffer: ByteBuffer
        do {
            buffer = try await request.collectBody(upTo: limit)
        } catch {
            throw PortalError.tooLarge("What was sent is larger than this form takes.")
        }
        return FormBody(parsing: String(buffer: buffer))
    }

    /// A GET form's fields, from a request's query, read as a posted form is (a browser writes a space as "+");
    /// the first of a name kept.
    static func query(_ request: Request) throws -> [String: String] {
        var query: [String: String] = [:]
        for field in try FormBody(parsing: request.uri.query ?? "").refusingNUL().fields where query[field.name] == nil
        {
            query[field.name] = field.value
        }
        return query
    }

    /// The form, or a refusal when a field holds a NUL character (`%00`): no one types one, and kept in a field
    /// stored as text (a decision's reasons, an account's name) it would cut the value short in one store and be
    /// refused by the other. Answers to a form's questions keep it, as a file's do (they are stored as JSON).
    func refusingNUL() throws -> FormBody {
        guard fields.contains(where: { $0.name.utf8.contains(0) || $0.value.utf8.contains(0) }) else { return self }
        throw PortalError.badRequest(
            "What was sent holds a NUL character (byte 0), which no field takes. Type the text again and send it.")
    }

    /// Parses `a=1&b=two+words&b=%C3%A9`. Decoded byte by byte: Foundation's percent decoding drops a leading
    /// byte-order mark, and a field must come back exactly as typed.
    init(parsing text: String) {
        fields = text.utf8.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true).map { pair in
            let parts = pair.split(separator: UInt8(ascii: "="), maxSplits: 1, omittingEmptySubsequences: false)
            return (Self.decode(parts[0]), parts.count > 1 ? Self.decode(parts[1]) : "")
        }
    }

    /// `+` as a space and `%XX` as the byte it names; anything else as it is; the bytes read as UTF-8.
    private static func decode(_ part: Substring.UTF8View.SubSequence) -> String {
        func hex(_ byte: UInt8) -> UInt8? {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
            default: return nil
            }
        }
        let input = Array(part)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(input.count)
        var index = 0
        while index < input.count {
            let byte = input[index]
            if byte == UInt8(ascii: "+") {
                bytes.append(UInt8(ascii: " "))
            } else if byte == UInt8(ascii: "%"), index + 2 < input.count, let high = hex(input[index + 1]),
                let low = hex(input[index + 2])
            {
                bytes.append(high << 4 | low)
                index += 2
            } else {
                bytes.append(byte)
            }
            index += 1
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// True when the form carries the session's CSRF token. Compared in constant time.
    func carries(csrf expected: String) -> Bool {
        guard let given = self["csrf"] else { return false }
        let a = Array(given.utf8)
        let b = Array(expected.utf8)
        guard a.count == b.count else { return false }
        return zip(a, b).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
