/// One question of a form: its type, its words, and the checks its answer must pass.
///
/// A value, but held in one shared object, so that copying a field (which the checks do for every answer) costs
/// one reference count, not one for each of its texts: the storage is copied only when a field is changed while
/// shared, which happens only as its form is loaded.
public struct FieldDefinition: Sendable {
    private var storage: Storage

    /// The id, unique in its section (or repeat), that paths and expressions use.
    public var id: String { storage.id }
    /// The kind of answer.
    public var type: FieldType { storage.type }
    /// The question as the user sees it; messages name the field by it.
    public var label: String { storage.label }
    /// Help shown under the label.
    public var hint: String? { storage.hint }
    /// Whether an answer is needed.
    public internal(set) var required: Requirement {
        get { storage.required }
        set {
            if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
            storage.required = newValue
        }
    }
    /// When set, the field applies only when this is true.
    public internal(set) var relevant: Expression? {
        get { storage.relevant }
        set {
            if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
            storage.relevant = newValue
        }
    }
    /// When set, a given answer must make this true.
    public internal(set) var constraint: Expression? {
        get { storage.constraint }
        set {
            if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
            storage.constraint = newValue
        }
    }
    /// The message when `pattern` or `constraint` fails, in the user's words.
    public var message: String? { storage.message }
    /// The lowest number or earliest date accepted.
    public var min: Bound? { storage.min }
    /// The highest number or latest date accepted.
    public var max: Bound? { storage.max }
    /// The fewest characters accepted.
    public var minLength: Int? { storage.minLength }
    /// The most characters accepted.
    public var maxLength: Int? { storage.maxLength }
    /// A regular expression the whole answer must match.
    public var pattern: TextPattern? { storage.pattern }
    /// The choice list of a choice or multi-choice field.
    public var list: String? { storage.list }
    /// The sub-fields of a repeat.
    public internal(set) var fields: [FieldDefinition] {
        get { storage.fields }
        set {
            if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
            storage.fields = newValue
        }
    }
    /// The fewest items of a repeat, or choices of a multi-choice.
    public var minItems: Int? { storage.minItems }
    /// The most items of a repeat, or choices of a multi-choice.
    public var maxItems: Int? { storage.maxItems }
    /// What one item of a repeat is called ("session"), for messages and the portal's "Add another".
    public var itemLabel: String? { storage.itemLabel }
    /// Where the requirement comes from.
    public var source: String? { storage.source }
    /// The item shape of a repeat, shared with the expressions that read it.
    public var shape: RecordShape? { storage.shape }
    /// Where the field is defined.
    public var mark: SourceMark { storage.mark }

    /// A field with all its parts.
    init(
        id: String,
        type: FieldType,
        label: String,
        hint: String?,
        required: Requirement,
        relevant: Expression?,
        constraint: Expression?,
        message: String?,
        min: Bound?,
        max: Bound?,
        minLength: Int?,
        maxLength: Int?,
        pattern: TextPattern?,
        list: String?,
        fields: [FieldDefinition],
        minItems: Int?,
        maxItems: Int?,
        itemLabel: String?,
        source: String?,
        shape: RecordShape?,
        mark: SourceMark
    ) {
        storage = Storage(
            id: id, type: type, label: label, hint: hint, required: required, relevant: relevant,
            constraint: constraint, message: message, min: min, max: max, minLength: minLength, maxLength: maxLength,
            pattern: pattern, list: list, fields: fields, minItems: minItems, maxItems: maxItems, itemLabel: itemLabel,
            source: source, shape: shape, mark: mark)
    }

    /// The parts of a field. Changed only through the field's setters, which copy it first when it is shared,
    /// so no two threads ever see it change.
    private final class Storage: @unchecked Sendable {
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
        let minLength: Int?
        let maxLength: Int?
        let pattern: TextPattern?
        let list: String?
        var fields: [FieldDefinition]
        let minItems: Int?
        let maxItems: Int?
        let itemLabel: String?
        let source: String?
        let shape: RecordShape?
        let mark: SourceMark

        init(
            id: String,
            type: FieldType,
            label: String,
            hint: String?,
            required: Requirement,
            relevant: Expression?,
            constraint: Expression?,
            message: String?,
            min: Bound?,
            max: Bound?,
            minLength: Int?,
            maxLength: Int?,
            pattern: TextPattern?,
            list: String?,
            fields: [FieldDefinition],
            minItems: Int?,
            maxItems: Int?,
            itemLabel: String?,
            source: String?,
            shape: RecordShape?,
            mark: SourceMark
        ) {
            self.id = id
            self.type = type
            self.label = label
            self.hint = hint
            self.required = required
            self.relevant = relevant
            self.constraint = constraint
            self.message = message
            self.min = min
            self.max = max
            self.minLength = minLength
            self.maxLength = maxLength
            self.pattern = pattern
            self.list = list
            self.fields = fields
            self.minItems = minItems
            self.maxItems = maxItems
            self.itemLabel = itemLabel
            self.source = source
            self.shape = shape
            self.mark = mark
        }

        func copy() -> Storage {
            Storage(
                id: id, type: type, label: label, hint: hint, required: required, relevant: relevant,
                constraint: constraint, message: message, min: min, max: max, minLength: minLength,
                maxLength: maxLength, pattern: pattern, list: list, fields: fields, minItems: minItems,
                maxItems: maxItems, itemLabel: itemLabel, source: source, shape: shape, mark: mark)
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
