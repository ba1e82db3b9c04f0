import FormEngine
import Records
import UseCases

/// A licensing officer's decision on an application: the form on the application's page, and what was posted
/// from it, read into a request for the use case. Only what the page itself can tell (no decision chosen, date
/// boxes that make no date) is checked here; the rules of a decision are the use case's, and its refusals are
/// shown beside the field they are about.
struct DecisionForm {
    /// What a posted form comes to: a decision to ask for, or what must be put right first.
    enum Checked {
        case request(DecisionRequest)
        case errors([Components.FieldError])
    }

    var outcome = ""
    var start: (day: String, month: String, year: String) = ("", "", "")
    var end: (day: String, month: String, year: String) = ("", "", "")
    var note = ""
    var replaces = false
    var grounds = ""
    var immediate = false

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
        replaces = posted["replace"] == "yes"
        grounds = posted["grounds"] ?? ""
        immediate = posted["immediate"] == "yes"
    }

    /// The request for the decision on `submission`, or what is wrong with the page, each error naming its field.
    func checked(submission: Int64) -> Checked {
        guard let chosen = LicensingOutcome(rawValue: outcome) else {
            return .errors([Components.FieldError(id: "outcome", message: "Select your decision")])
        }
        var errors: [Components.FieldError] = []
        func day(_ parts: (day: String, month: String, year: String), _ id: String, _ message: String) -> Day? {
            guard !(parts.day + parts.month + parts.year).isEmpty else { return nil }
            let day = Day(iso: DraftAnswers.isoText(day: parts.day, month: parts.month, year: parts.year))
            if day == nil { errors.append(Components.FieldError(id: id, message: message)) }
            return day
        }
        let first =
            chosen.grantsLicence
            ? day(start, "start", "The day the licence starts must be a real date, like 1 4 2027") : nil
        let last =
            chosen.grantsLicence
            ? day(end, "end", "The last day of the licence must be a real date, like 31 3 2030") : nil
        guard errors.isEmpty else { return .errors(errors) }
        return .request(
            DecisionRequest(
                submissionID: submission, outcome: chosen, start: first, end: last, note: note,
                replacesEarlier: replaces, grounds: DecisionGrounds(rawValue: grounds), immediate: immediate))
    }

    /// The field a refusal of the decision is about, for its error to stand beside.
    static func field(of refusal: Refusal) -> String {
        switch refusal {
        case .licenceStartNeeded: return "start"
        case .licenceDatesReversed, .licenceOutlastsLeave: return "end"
        case .noteNeeded: return "note"
        case .groundsNeeded: return "grounds"
        case .immediateNotFor: return "immediate"
        case .earlierDecision: return "replace"
        default: return "outcome"
        }
    }

    /// The form, posting to the application's decision route, with any errors beside their fields; when a decision
    /// other than a deferral is already recorded, a box to say this one replaces it.
    func html(submissionID: Int64, csrf: String, errors: [Components.FieldError], earlier: OfficerDecisionRecord?)
        -> String
    {
        func error(_ id: String) -> String? { errors.first { $0.id == id }?.message }
        let options: [(value: String, label: String)] = [
            (LicensingOutcome.grant.rawValue, "Grant the licence"),
            (LicensingOutcome.grantWithConditions.rawValue, "Grant the licence with conditions, or for a shorter term"),
            (LicensingOutcome.refuse.rawValue, "Refuse the licence"),
            (LicensingOutcome.deferred.rawValue, "Defer the decision, for example until a charge is resolved"),
            (LicensingOutcome.referToCommittee.rawValue, "Refer the application to the licensing sub-committee"),
            (LicensingOutcome.suspend.rawValue, "Suspend the licence granted"),
            (LicensingOutcome.revoke.rawValue, "Revoke the licence granted"),
            (LicensingOutcome.refuseToRenew.rawValue, "Refuse to renew the licence"),
        ]
        let groundOptions = DecisionGrounds.allCases.map {
            ($0.rawValue, $0 == .other ? "Other (say which in the reasons)" : $0.label)
        }
        var html =
            "<h2 class=\"govuk-heading-m\" id=\"decision\">Record your decision</h2>"
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
                hint: "Leave blank for a licence of \(LicensingOutcome.standardYears) years", parts: end,
                error: error("end"))
            + Components.textarea(
                id: "note", name: "note", label: "The conditions, or the reasons for your decision",
                hint: "Needed for every decision except a plain grant", value: note, error: error("note"))
            + Components.select(
                id: "grounds", name: "grounds", label: "The grounds",
                hint: "Needed to refuse, suspend, revoke or refuse to renew. The driver may appeal within "
                    + "\(LicensingOutcome.appealDays) days.",
                options: groundOptions, selected: grounds.isEmpty ? nil : grounds, error: error("grounds"))
            + Components.checkboxes(
                id: "immediate", name: "immediate", legend: "When a suspension or revocation takes effect",
                hint: "Without this, when the \(LicensingOutcome.appealDays) days to appeal have run",
                options: [("yes", "At once, in the interests of public safety")],
                selected: immediate ? ["yes"] : [], error: error("immediate"))
        if let earlier, !earlier.outcome.waits {
            html += Components.checkboxes(
                id: "replace", name: "replace", legend: "A decision is already recorded",
                hint: "\(earlier.outcome.rawValue) by \(earlier.decidedBy) on \(earlier.decidedAt.prefix(10)). "
                    + "Yours is recorded in its place only if you say so; the earlier one is kept.",
                options: [("yes", "My decision replaces the one already recorded")],
                selected: replaces ? ["yes"] : [], error: error("replace"))
        }
        return html + Components.button("Record decision", value: "decide") + "</form>"
    }
}
