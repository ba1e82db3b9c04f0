/// One question of a form: its type, its words, and the checks its answer must pass.
public struct FieldDefinition: Sendable {
    /// The id, unique in its section (or repeat), that paths and expressions use.
    public let id: String
    /// The kind of answer.
    public let type: FieldType
    /// The question as the user sees it; messages name the field by it.
    public let label: String
    /// Help shown under the label.
    public let hint: String?
    /// Whether an answer is needed.
    public internal(set) var required: Requirement
    /// When set, the field applies only when this is true.
    public internal(set) var relevant: Expression?
    /// When set, a given answer must make this true.
    public internal(set) var constraint: Expression?
    /// The message when `pattern` or `constraint` fails, in the user's words.
    public let message: String?
    /// The lowest number or earliest date accepted.
    public let min: Bound?
    /// The highest number or latest date accepted.
    public let max: Bound?
    /// The fewest characters accepted.
    public let minLength: Int?
    /// The most characters accepted.
    public let maxLength: Int?
    /// A regular expression the whole answer must match.
    public let pattern: TextPattern?
    /// The choice list of a choice or multi-choice field.
    public let list: String?
    /// The sub-fields of a repeat.
    public internal(set) var fields: [FieldDefinition]
    /// The fewest items of a repeat, or choices of a multi-choice.
    public let minItems: Int?
    /// The most items of a repeat, or choices of a multi-choice.
    public let maxItems: Int?
    /// What one item of a repeat is called ("session"), for messages and the portal's "Add another".
    public let itemLabel: String?
    /// Where the requirement comes from.
    public let source: String?
    /// The item shape of a repeat, shared with the expressions that read it.
    public let shape: RecordShape?
    /// Where the field is defined.
    public let mark: SourceMark

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
