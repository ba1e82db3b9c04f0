/// One value of a `Document` as stored: a document keeps all its values in one array, in the order written,
/// each collection followed by everything in it, and all its scalars' text in one byte array. Reading a
/// submission so makes two arrays, not an object or a string for every value.
struct FlatNode: Sendable {
    /// What the value is.
    enum Kind: UInt8, Sendable {
        /// A scalar written without quotes or block indicators (only such a scalar can mean "no answer").
        case plainScalar
        /// A scalar written in quotes, as a block, or tagged `!!str`.
        case quotedScalar
        /// A mapping: its keys and values follow it, alternately.
        case mapping
        /// A sequence: its items follow it.
        case sequence
    }

    /// What the value is.
    let kind: Kind
    /// Where the value starts.
    let start: TextPosition
    /// Where the value ends (just after its last character).
    var end: TextPosition
    /// A scalar: where its text starts in the document's text bytes.
    let textStart: Int32
    /// A scalar: its text's length in bytes. A collection: how many values it holds directly (a mapping's keys
    /// and values both count).
    var size: Int32
    /// The index of the next value at the same level: just past this value and everything in it.
    var next: Int32

    /// True for a mapping or a sequence.
    var isCollection: Bool { kind == .mapping || kind == .sequence }
}

extension FlatNode.Kind {
    /// How a user would name such a value, for messages: "a single answer", "a list", "a group of answers".
    var description: String {
        switch self {
        case .plainScalar, .quotedScalar: return "a single answer"
        case .sequence: return "a list"
        case .mapping: return "a group of answers (key: value lines)"
        }
    }
}
