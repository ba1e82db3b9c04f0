import FormEngine
import ReturnStore

/// A licensing officer's decision on an application: the form on the application's page, and what was
/// posted from it, read and checked before it is recorded.
struct DecisionForm {
    /// The decision ready to record.
    struct Decision {
        let outcome: LicensingOutcome
        let licenceStart: Day?
        let licenceEnd: Day?
        let note: String?
    }

    /// What a posted form comes to: a decision to record, or what must be put right first.
    enum Checked {
        case decision(Decision)
        case errors([Components.FieldError])
    }

    /// How many years a licence runs when no end is given: three, as the Deregulation Act 2015 sets.
    static let standardYears = 3

    var outcome = ""
    var start: (day: String, month: String, year: String) = ("", "", "")
    var end: (day: String, month: String, year: String) = ("", "", "")
    var note = ""

    /// An empty form, the licence starting today.
    init(today: Day) {
        let parts = today.components
        start = (String(parts.day), String(parts.month), String(parts.year))
    }

    /// The form as posted.
    init(posted: FormBody) {
        outcome = posted["outcome"] ?? ""
        start = (posted["start.day"] ?? "", posted["start.month"] ?? "", posted["start.year"] ?? "")
        end = (posted["end.day"] ?? "", posted["end.month"] ?? "", posted["end.year"] ?? "")
        note = (posted["note"] ?? "").trimmingWhitespace
    }

    /// The decision, or what is wrong with the form, each error naming its field.
    func checked() -> Checked {
        var errors: [Components.FieldError] = []
        guard let chosen = LicensingOutcome(rawValue: outcome) else {
            return .errors([Components.FieldError(id: "outcome", message: "Select your decision")])
        }
        var first: Day?
        var last: Day?
        if chosen.grantsLicence {
            first = Day(iso: DraftAnswers.isoText(day: start.day, month: start.month, year: start.year))
            if first == nil {
                errors.append(
                    Components.FieldError(id: "start", message: "Enter the day the licence starts, like 1 4 2027"))
            }
            if !(end.day + end.month + end.year).isEmpty {
                last = Day(iso: DraftAnswers.isoText(day: end.day, month: end.month, year: end.year))
                if last == nil {
                    errors.append(
                        Components.FieldError(
                            id: "end", message: "The last day of the licence must be a real date, like 31 3 2030"))
                } else if let first, let last, last <= first {
                    errors.append(
                        Components.FieldError(
                            id: "end", message: "The last day of the licence must be after the day it starts"))
                }
            } else if let first {
                last = LicensingOutcome.licenceEnd(from: first, years: Self.standardYears)
            }
        }
        if chosen != .grant && note.isEmpty {
            let what = chosen == .grantWithConditions ? "the conditions" : "the reasons"
            errors.append(Components.FieldError(id: "note", message: "Enter \(what) for your decision"))
        }
        guard errors.isEmpty else { return .errors(errors) }
        return .decision(
            Decision(outcome: chosen, licenceStart: first, licenceEnd: last, note: note.isEmpty ? nil : note))
    }

    /// The form, posting to the application's decision route, with any errors beside their fields.
    func html(submissionID: Int64, csrf: String, errors: [Components.FieldError]) -> String {
        func error(_ id: String) -> String? { errors.first { $0.id == id }?.message }
        let options: [(value: String, label: String)] = [
            (LicensingOutcome.grant.rawValue, "Grant the licence"),
            (LicensingOutcome.grantWithConditions.rawValue, "Grant the licence with conditions"),
            (LicensingOutcome.refuse.rawValue, "Refuse the licence"),
            (LicensingOutcome.deferred.rawValue, "Defer the decision, for example to the licensing sub-committee"),
        ]
        return "<h2 class=\"govuk-heading-m\" id=\"decision\">Record your decision</h2>"
            + "<form method=\"post\" action=\"/submissions/\(submissionID)/decision\" novalidate>"
            + Components.csrf(csrf)
            + Components.radios(
                id: "outcome", name: "outcome", legend: "Your decision", hint: nil, options: options, selected: outcome,
                error: error("outcome"))
            + Components.dateInput(
                id: "start", name: "start", legend: "When the licence starts",
                hint: "Only for a licence granted. For example, 1 4 2027", parts: start, error: error("start"))
            + Components.dateInput(
                id: "end", name: "end", legend: "The last day of the licence",
                hint: "Leave blank for a licence of \(Self.standardYears) years", parts: end, error: error("end"))
            + Components.textarea(
                id: "note", name: "note", label: "The conditions, or the reasons for your decision",
                hint: "Needed for every decision except a plain grant", value: note, error: error("note"))
            + Components.button("Record decision", value: "decide") + "</form>"
    }
}
