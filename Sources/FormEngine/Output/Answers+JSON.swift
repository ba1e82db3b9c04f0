extension FormDefinition {
    /// The answers as bound to this form, as JSON: `{"section": {"field": value}}`, a repeat as an array of
    /// objects, dates as `YYYY-MM-DD`; unanswered fields are left out.
    public func json(of answers: Answers) -> JSONValue {
        .object(
            sections.enumerated().compactMap { s, section in
                let members = Self.members(section.fields, values: answers.values(ofSection: s))
                return members.isEmpty ? nil : (section.id, .object(members))
            })
    }

    private static func members(_ fields: [FieldDefinition], values: some Sequence<Value>) -> [(String, JSONValue)] {
        zip(fields, values).compactMap { field, value in
            guard value.isPresent else { return nil }
            if field.type == .repeat, case .list(let items) = value {
                let records = items.compactMap { item -> JSONValue? in
                    guard case .record(let record) = item else { return nil }
                    return .object(members(field.fields, values: record.values))
                }
                return (field.id, .array(records))
            }
            return (field.id, value.json)
        }
    }
}
