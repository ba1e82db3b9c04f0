/// Which field of a form answers each meaning it declares: a field for an ordinary or repeat meaning, and for an
/// item meaning the sub-field's id, found in each repeat.
public struct FormMeanings: Sendable {
    /// The field of each ordinary and repeat meaning.
    let fields: [Meaning: FieldLocation]
    /// The sub-field id of each item meaning.
    let items: [Meaning: String]
    /// Where the form declares its meanings (the `meanings` key), or its `subject` when it declares none.
    public let mark: SourceMark

    /// No meanings, declared nowhere.
    static let none = FormMeanings(fields: [:], items: [:], mark: SourceMark(file: "", line: 1, column: 1))

    /// True when the form names a field for the meaning.
    public func declares(_ meaning: Meaning) -> Bool {
        meaning.isItem ? items[meaning] != nil : fields[meaning] != nil
    }

    /// The field that answers an ordinary or repeat meaning.
    public func location(of meaning: Meaning) -> FieldLocation? { fields[meaning] }

    /// The id of the sub-field that answers an item meaning in each item of a repeat.
    public func itemField(of meaning: Meaning) -> String? { items[meaning] }
}

extension FormDefinition {
    /// The field that answers a meaning (an ordinary or repeat one), if the form declares it.
    public func field(for meaning: Meaning) -> FieldDefinition? {
        meanings.location(of: meaning).map { field(at: $0) }
    }

    /// The sub-field that answers an item meaning in the repeat that a repeat meaning names.
    public func field(for item: Meaning, in holder: Meaning) -> FieldDefinition? {
        guard let id = meanings.itemField(of: item) else { return nil }
        return field(for: holder)?.fields.first { $0.id == id }
    }

    /// The keys from the top of a submission to the answer of a meaning: `["reach", "parents_informed"]`.
    public func path(of meaning: Meaning) -> [String]? {
        meanings.location(of: meaning).map(path(at:))
    }

    /// The keys from the top of a submission to a field's answer: `["licence", "driver_number"]`.
    public func path(at location: FieldLocation) -> [String] {
        [sections[location.section].id, field(at: location).id]
    }

    /// The `section.field` key of a field, as drafts and pages name it.
    public func key(of location: FieldLocation) -> String {
        "\(sections[location.section].id).\(field(at: location).id)"
    }
}
