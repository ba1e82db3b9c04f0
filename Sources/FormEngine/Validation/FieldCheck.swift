/// Which built-in field check a finding comes from, with what the check expected: each door phrases it for its own
/// readers from this, never by reading the message.
public enum FieldCheck: Sendable, Equatable {
    /// The question needs an answer and has none.
    case required
    /// The answer is not of the field's type: not a date, a whole number, yes or no; a list where one answer goes.
    case type(FieldType)
    /// A part of the submission not of the shape its place takes: a section or an item that is not a group of
    /// questions, a repeat that is not a list, a choice that is not a single value.
    case shape
    /// An identifier (URN, driver number, postcode, ...) not in its format, and what one looks like.
    case format(expected: String)
    /// Not one of the choices of the field's list, which are these (by value).
    case choice(given: String, choices: [String])
    /// Below the lowest answer accepted.
    case min(Bound)
    /// Above the highest answer accepted.
    case max(Bound)
    /// Fewer characters than accepted.
    case minLength(Int)
    /// More characters than accepted.
    case maxLength(Int)
    /// Not in the pattern the field sets.
    case pattern
    /// Fewer items or choices than accepted.
    case minItems(Int)
    /// More items or choices than accepted.
    case maxItems(Int)
    /// The field's own condition (its `constraint`) does not hold.
    case constraint
    /// The date of something already done, after the day the submission is checked (that day).
    case future(asOf: Day)
    /// A key that names no question (or section), and the nearest one that does, if one is close.
    case unknown(key: String, suggestion: String?)
    /// An answer to a question that does not apply.
    case notApplicable

    /// The finding's rule id: `field.required`, `field.type`, ...
    public var rule: String {
        switch self {
        case .required: return "field.required"
        case .type, .shape: return "field.type"
        case .format: return "field.format"
        case .choice: return "field.list"
        case .min: return "field.min"
        case .max: return "field.max"
        case .minLength: return "field.min-length"
        case .maxLength: return "field.max-length"
        case .pattern: return "field.pattern"
        case .minItems: return "field.min-items"
        case .maxItems: return "field.max-items"
        case .constraint: return "field.constraint"
        case .future: return "field.future"
        case .unknown: return "field.unknown"
        case .notApplicable: return "field.not-applicable"
        }
    }

    /// The plain title of a built-in check's rule id, as reports show it beside the id; nil for an id that is not
    /// one.
    public static func title(of rule: String) -> String? {
        switch rule {
        case "field.required": return "A required answer is missing"
        case "field.type": return "An answer of the wrong kind"
        case "field.format": return "An answer not in its format"
        case "field.list": return "An answer not among its choices"
        case "field.min": return "An answer below its least value"
        case "field.max": return "An answer above its greatest value"
        case "field.min-length": return "An answer too short"
        case "field.max-length": return "An answer too long"
        case "field.pattern": return "An answer not in its pattern"
        case "field.min-items": return "Too few items in a list"
        case "field.max-items": return "Too many items in a list"
        case "field.constraint": return "An answer that breaks its constraint"
        case "field.future": return "A date after the day it was checked"
        case "field.unknown": return "An answer to no question of the form"
        case "field.not-applicable": return "An answer to a question that does not apply"
        default: return nil
        }
    }
}
