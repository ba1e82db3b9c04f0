/// One question of a form: its type, its words, and the checks its answer must pass.
///
/// A value, but held in one shared object, so that copying a field (which the checks do for every answer) costs
/// one reference count, not one for each of its texts. A change (only as its form is loaded) makes new storage.
public struct FieldDefinition: Sendable {
    private var storage: Storage

    /// The id, unique in its section (or repeat), that paths and expressions use.
    public var id: String { storage.parts.id }
    /// The kind of answer.
    public var type: FieldType { storage.parts.type }
    /// The question as the user sees it; messages name the field by it.
    public var label: String { storage.parts.label }
    /// Help shown under the label.
    public var hint: String? { storage.parts.hint }
    /// Whether an answer is needed.
    public internal(set) var required: Requirement {
        get { storage.parts.required }
        set {
            change { $0.required = newValue }
        }
    }
    /// When set, the field applies only when this is true.
    public internal(set) var relevant: Expression? {
        get { storage.parts.relevant }
        set {
            change { $0.relevant = newValue }
        }
    }
    /// When set, a given answer must make this true.
    public internal(set) var constraint: Expression? {
        get { storage.parts.constraint }
        set {
            change { $0.constraint = newValue }
        }
    }
    /// The message when `pattern` or `constraint` fails, in the user's words.
    public var message: String? { storage.parts.message }
    /// The lowest number or earliest date accepted.
    public var min: Bound? { storage.parts.min }
    /// The highest number or latest date accepted.
    public var max: Bound? { storage.parts.max }
    /// True for the date of something already done (a course taken, a certificate issued): it cannot be after the
    /// day the submission is checked.
    public var past: Bool { storage.parts.past }
    /// The fewest characters accepted.
    public var minLength: Int? { storage.parts.minLength }
    /// The most characters accepted.
    public var maxLength: Int? { storage.parts.maxLength }
    /// A regular expression the whole answer must match.
    public var pattern: TextPattern? { storage.parts.pattern }
    /// The id of the choice list of a choice or multi-choice field.
    public var list: String? { storage.parts.list }
    /// The choice list itself.
    public var choices: ChoiceList? { storage.parts.choices }
    /// The sub-fields of a repeat.
    public internal(set) var fields: [FieldDefinition] {
        get { storage.parts.fields }
        set {
            change { $0.fields = newValue }
        }
    }
    /// The fewest items of a repeat, or choices of a multi-choice.
    public var minItems: Int? { storage.parts.minItems }
    /// The most items of a repeat, or choices of a multi-choice.
    public var maxItems: Int? { storage.parts.maxItems }
    /// What one item of a repeat is called ("session"), for messages and the portal's "Add another".
    public var itemLabel: String? { storage.parts.itemLabel }
    /// Where the requirement comes from.
    public var source: String? { storage.parts.source }
    /// Why the answer is kept although nothing reads it (for the record, for a person to read), if it is.
    public var kept: String? { storage.parts.kept }
    /// The browser's autofill purpose of a text answer that is the person's own (`name`, WCAG 1.3.5), if it has one.
    public var autocomplete: String? { storage.parts.autocomplete }
    /// The item shape of a repeat, shared with the expressions that read it.
    public var shape: RecordShape? { storage.parts.shape }
    /// Where the field is defined.
    public var mark: SourceMark { storage.parts.mark }

    /// A field made of its parts.
    init(_ parts: Parts) {
        storage = Storage(parts)
    }

    /// Changes the parts: into a new shared object, so no copy that shares the old one sees the change. Fields
    /// change only as their form is loaded.
    private mutating func change(_ body: (inout Parts) -> Void) {
        var parts = storage.parts
        body(&parts)
        storage = Storage(parts)
    }

    /// A field's parts, as its form is loaded: what `FieldDefinition` shares between its copies.
    struct Parts: Sendable {
        let id: String
        let type: FieldType
        let label: String
        let hint: String?
        var required: Requirement
        var relevant: Expression?
        var constraint: Expression?
        let message: String?
        let min: Bound?
        let max: Bound?
        let past: Bool
        let minLength: Int?
        let maxLength: Int?
        let pattern: TextPattern?
        let list: String?
        let choices: ChoiceList?
        var fields: [FieldDefinition]
        let minItems: Int?
        let maxItems: Int?
        let itemLabel: String?
        let source: String?
        let kept: String?
        let autocomplete: String?
        let shape: RecordShape?
        let mark: SourceMark
    }

    /// The shared parts of a field: never changed (a change makes a new one), so shared between threads safely.
    private final class Storage: Sendable {
        let parts: Parts

        init(_ parts: Parts) {
            self.parts = parts
        }
    }

    /// The type an expression sees when it reads this field.
    public var valueType: ValueType {
        switch type {
        case .integer, .decimal: return .number
        case .yesNo: return .boolean
        case .date: return .date
        case .choice: return .choice(list ?? "")
        case .multiChoice: return .list(.choice(list ?? ""))
        case .repeat: return shape.map { .list(.record($0)) } ?? .list(.anything)
        default: return .text
        }
    }
}

/// Whether a field needs an answer.
public enum Requirement: Sendable {
    /// Always (when the field applies).
    case always
    /// Never.
    case never
    /// When the expression is true.
    case when(Expression)
}

/// A limit on a number or a date.
public enum Bound: Sendable, Equatable {
    case number(Double)
    case date(Day)

    /// The limit as a message shows it.
    public var text: String {
        switch self {
        case .number(let value): return ValueText.plain(.number(value))
        case .date(let day): return day.spoken
        }
    }
}
