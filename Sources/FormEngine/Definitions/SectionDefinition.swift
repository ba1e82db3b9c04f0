/// One section of a form: a titled group of fields, and where its requirements come from.
///
/// A value held in one shared object, as `FieldDefinition` is: the checks copy sections for every submission,
/// and a copy costs one reference count, not one for each of its texts.
public struct SectionDefinition: Sendable {
    private var storage: Storage

    /// The id, unique in the form; a submission keys the section's answers by it.
    public var id: String { storage.id }
    /// The heading people see.
    public var title: String { storage.title }
    /// Help shown under the heading.
    public var hint: String? { storage.hint }
    /// The law, guidance or policy the section rests on.
    public var source: String? { storage.source }
    /// The fields, in order.
    public internal(set) var fields: [FieldDefinition] {
        get { storage.fields }
        set {
            if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
            storage.fields = newValue
        }
    }
    /// Where the section is defined.
    public var mark: SourceMark { storage.mark }

    /// A section with all its parts.
    init(id: String, title: String, hint: String?, source: String?, fields: [FieldDefinition], mark: SourceMark) {
        storage = Storage(id: id, title: title, hint: hint, source: source, fields: fields, mark: mark)
    }

    /// The parts of a section. Its fields change only through the setter, which copies it first when it is
    /// shared, so no two threads ever see it change.
    private final class Storage: @unchecked Sendable {
        let id: String
        let title: String
        let hint: String?
        let source: String?
        var fields: [FieldDefinition]
        let mark: SourceMark

        init(id: String, title: String, hint: String?, source: String?, fields: [FieldDefinition], mark: SourceMark) {
            self.id = id
            self.title = title
            self.hint = hint
            self.source = source
            self.fields = fields
            self.mark = mark
        }

        func copy() -> Storage {
            Storage(id: id, title: title, hint: hint, source: source, fields: fields, mark: mark)
        }
    }
}
