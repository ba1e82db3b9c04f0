/// One section of a form: a titled group of fields, and where its requirements come from.
public struct SectionDefinition: Sendable {
    /// The id, unique in the form; a submission keys the section's answers by it.
    public let id: String
    /// The heading people see.
    public let title: String
    /// Help shown under the heading.
    public let hint: String?
    /// The law, guidance or policy the section rests on.
    public let source: String?
    /// The fields, in order.
    public internal(set) var fields: [FieldDefinition]
    /// Where the section is defined.
    public let mark: SourceMark
}
