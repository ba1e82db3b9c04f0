/// The functions an expression may call. Nothing else is reachable: no clock, no files, no network.
enum Builtin: String, CaseIterable, Sendable {
    case present, len, count, any, all, sum, filter, join
    case monthsBetween = "months_between"
    case yearsBetween = "years_between"
    case daysBetween = "days_between"
    case addMonths = "add_months"
    case addYears = "add_years"
    case addDays = "add_days"
    case matches, date, min, max
    case asOf = "as_of"

    /// How the function is called, for messages.
    var signature: String {
        switch self {
        case .present: return "present(answer)"
        case .len: return "len(text or list)"
        case .count: return "count(list) or count(list, x -> condition)"
        case .any: return "any(list, x -> condition)"
        case .all: return "all(list, x -> condition)"
        case .sum: return "sum(list of numbers) or sum(list, x -> number)"
        case .filter: return "filter(list, x -> condition)"
        case .join: return "join(list)"
        case .monthsBetween: return "months_between(earlier date, later date)"
        case .yearsBetween: return "years_between(earlier date, later date)"
        case .daysBetween: return "days_between(earlier date, later date)"
        case .addMonths: return "add_months(date, number)"
        case .addYears: return "add_years(date, number)"
        case .addDays: return "add_days(date, number)"
        case .matches: return "matches(text, 'pattern')"
        case .date: return "date('YYYY-MM-DD')"
        case .min: return "min(a, b, ...)"
        case .max: return "max(a, b, ...)"
        case .asOf: return "as_of()"
        }
    }

    /// True for the functions whose last argument is a lambda applied to each item of a list.
    var iterates: Bool {
        switch self {
        case .any, .all, .filter: return true
        default: return false
        }
    }
}
