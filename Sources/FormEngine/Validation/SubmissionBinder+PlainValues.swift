/// The commonest answers read straight from their bytes, with no text made: a yes or no, a date, a whole number,
/// a choice by its value. Only an answer written plainly (nothing to trim) is read here, and only when what it
/// means is certain; any other answer, and every mistake, is read the general way, through its text, so the value
/// and the messages are the same either way.
extension SubmissionBinder {
    /// The value of the scalar at `node` for `field`, or nil when it must be read through its text.
    func plainValue(_ field: FieldDefinition, _ node: Int) -> Value? {
        guard document.kind(node) == .plainScalar || document.kind(node) == .quotedScalar else { return nil }
        return document.withText(node) { bytes in
            guard let first = bytes.first, let last = bytes.last, first.isPrintableASCII, last.isPrintableASCII
            else { return nil }
            switch field.type {
            case .yesNo: return Self.yesNo(bytes).map(Value.boolean)
            case .date: return Day(isoBytes: bytes).map(Value.date)
            case .integer: return Self.integer(bytes).map { .number(Double($0)) }
            case .choice, .multiChoice: return field.choices?.option(valueBytes: bytes).map { .text($0.value) }
            default: return nil
            }
        }
    }

    /// yes or true, no or false, in any case (as `YesNo.parse` reads them).
    private static func yesNo(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        // Each word is written in small letters; a byte OR 0x20 is its small letter, if it is a letter.
        func spells(_ word: StaticString) -> Bool {
            word.utf8CodeUnitCount == bytes.count
                && (0..<bytes.count).allSatisfy { word.utf8Start[$0] == bytes[$0] | 0x20 }
        }
        if spells("yes") || spells("true") { return true }
        if spells("no") || spells("false") { return false }
        return nil
    }

    /// A whole number of at most 18 digits, with an optional sign (as `Int(_:)` reads it).
    private static func integer(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var digits = bytes[...]
        let negative = digits.first == UInt8(ascii: "-")
        if negative || digits.first == UInt8(ascii: "+") { digits = digits.dropFirst() }
        guard (1...18).contains(digits.count) else { return nil }
        var value = 0
        for byte in digits {
            guard byte.isASCIIDigit else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return negative ? -value : value
    }
}
