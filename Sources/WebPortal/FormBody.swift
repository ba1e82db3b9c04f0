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

    /// Parses `a=1&b=two+words&b=%C3%A9`.
    init(parsing text: String) {
        fields = text.split(separator: "&", omittingEmptySubsequences: true).map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ part: Substring) -> String {
                String(part).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(part)
            }
            return (decode(parts[0]), parts.count > 1 ? decode(parts[1]) : "")
        }
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
