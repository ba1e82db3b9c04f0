/// One section of a form: a titled group of fields, and where its requirements come from.
///
/// A value held in one shared object, as `FieldDefinition` is: the checks copy sections for every submission,
/// and a copy costs one reference count, not one for each of its texts.
public struct SectionDefinition: Sendable {
    private var storage: Storage

    /// The id, unique in the form; a submission keys the section's answers by it.
    public var id: String { storage.parts.id }
    /// The heading people see.
    public var title: String { storage.parts.title }
    /// Help shown under the heading.
    public var hint: String? { storage.parts.hint }
    /// The law, guidance or policy the section rests on.
    public var source: String? { storage.parts.source }
    /// The fields, in order.
    public internal(set) var fields: [FieldDefinition] {
        get { storage.parts.fields }
        set {
            // Into a new shared object, so no copy that shares the old one sees the change (only during loading).
            var parts = storage.parts
            parts.fields = newValue
            storage = Storage(parts)
        }
    }
    /// Where the section is defined.
    public var mark: SourceMark { storage.parts.mark }

    /// A section made of its parts.
    init(_ parts: Parts) {
        storage = Storage(parts)
    }

    /// A section's parts, as its form is loaded: what `SectionDefinition` shares between its copies.
    struct Parts: Sendable {
        let id: String
        let title: String
        let hint: String?
        let source: String?
        var fields: [FieldDefinition]
        let mark: SourceMark
    }

    /// The shared parts of a section: never changed (a change makes a new one), so shared between threads safely.
    private final class Storage: Sendable {
        let parts: Parts

        init(_ parts: Parts) {
            self.parts = parts
        }
    }
}
