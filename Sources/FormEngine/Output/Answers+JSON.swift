extension FormDefinition {
    /// The answers as bound to this form, as compact JSON text: `{"section": {"field": value}}`, a repeat as an
    /// array of objects, dates as `YYYY-MM-DD`; unanswered fields and sections with none answered are left out.
    /// Written straight to bytes, with no tree of values made first: every stored submission's answers are.
    public func json(of answers: Answers) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(2048)
        output.append(UInt8(ascii: "{"))
        var separator: UInt8? = nil
        for (s, section) in sections.enumerated() {
            let before = output.count
            if let separator { output.append(separator) }
            JSONValue.writeString(section.id, to: &output)
            output.append(UInt8(ascii: ":"))
            if Self.writeMembers(section.fields, values: answers.values(ofSection: s), to: &output) {
                separator = UInt8(ascii: ",")
            } else {
                output.removeSubrange(before...)
            }
        }
        output.append(UInt8(ascii: "}"))
        return String(decoding: output, as: UTF8.self)
    }

    /// Writes an object of the fields answered; false, with `{}` written, when none is.
    @discardableResult
    private static func writeMembers(
        _ fields: [FieldDefinition], values: some Sequence<Value>, to output: inout [UInt8]
    ) -> Bool {
        output.append(UInt8(ascii: "{"))
        var any = false
        for (field, value) in zip(fields, values) where value.isPresent {
            if any { output.append(UInt8(ascii: ",")) }
            any = true
            JSONValue.writeString(field.id, to: &output)
            output.append(UInt8(ascii: ":"))
            if field.type == .repeat, case .list(let items) = value {
                output.append(UInt8(ascii: "["))
                var first = true
                for case .record(let record) in items {
                    if !first { output.append(UInt8(ascii: ",")) }
                    first = false
                    writeMembers(field.fields, values: record.values, to: &output)
                }
                output.append(UInt8(ascii: "]"))
            } else {
                value.writeJSON(to: &output)
            }
        }
        output.append(UInt8(ascii: "}"))
        return any
    }
}
