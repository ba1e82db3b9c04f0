/// The type of an expression or an answer, checked when a form or rule set loads.
public indirect enum ValueType: Sendable, Equatable, CustomStringConvertible {
    /// true or false: a yes-no answer.
    case boolean
    /// An integer or decimal.
    case number
    /// Free text and identifiers.
    case text
    /// A calendar date.
    case date
    /// Text drawn from the named choice list, shown to people by its label.
    case choice(String)
    /// A list: a multi-choice answer, a repeat, a list parameter or literal.
    case list(ValueType)
    /// One item of a repeat.
    case record(RecordShape)
    /// A parameter whose values are looked up by text: `params.phase_year_groups[school.phase]`.
    case map(ValueType)
    /// The element type of an empty list: fits anything.
    case anything

    /// How a policy officer would name the type in a message.
    public var description: String {
        switch self {
        case .boolean: return "yes-no"
        case .number: return "number"
        case .text: return "text"
        case .date: return "date"
        case .choice(let list): return "choice from '\(list)'"
        case .list(let element): return "list of \(element)"
        case .record(let shape): return "item of '\(shape.path)'"
        case .map(let element): return "table of \(element)"
        case .anything: return "anything"
        }
    }

    /// True when values of the two types can be compared with `==` or found with `in`.
    func isComparable(with other: ValueType) -> Bool {
        switch (self, other) {
        case (.anything, _), (_, .anything): return true
        case (.boolean, .boolean), (.number, .number), (.date, .date): return true
        case (.text, .text), (.text, .choice), (.choice, .text): return true
        case (.choice(let a), .choice(let b)): return a == b
        case (.list(let a), .list(let b)): return a.isComparable(with: b)
        default: return false
        }
    }

    /// The element type, for a list.
    var element: ValueType? {
        if case .list(let element) = self { return element }
        return nil
    }

    /// The list a choice or a list of choices draws from.
    var choiceList: String? {
        switch self {
        case .choice(let list): return list
        case .list(let element): return element.choiceList
        default: return nil
        }
    }
}

/// The sub-fields of a repeat, as the type checker and the evaluator see one of its items.
public final class RecordShape: Sendable, Equatable {
    /// The repeat's path, such as `/cse/sessions`.
    public let path: String
    /// The sub-fields' ids and types, in the order of the definition: a record's values follow it.
    public let fields: [(id: String, type: ValueType)]

    /// Creates a shape.
    public init(path: String, fields: [(id: String, type: ValueType)]) {
        self.path = path
        self.fields = fields
    }

    /// The index and type of a sub-field.
    func field(named id: String) -> (index: Int, type: ValueType)? {
        guard let index = fields.firstIndex(where: { $0.id == id }) else { return nil }
        return (index, fields[index].type)
    }

    /// Shapes are the same when they describe the same repeat.
    public static func == (lhs: RecordShape, rhs: RecordShape) -> Bool { lhs.path == rhs.path }
}
