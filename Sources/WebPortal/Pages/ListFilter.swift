import FormEngine
import Records

/// What a list of submissions is narrowed to: text searched in the URN, driver number or school name, the checks'
/// result, an application's decision and when its driver's first action falls due, a return's round (whose due
/// date it answers).
struct ListFilter: Sendable, Equatable {
    /// Text to find, in any case.
    var search = ""
    /// The checks' result (`accepted`, `referred`, `rejected`), or "" for any.
    var result = ""
    /// The officer's decision (an outcome, or `awaiting`), or "" for any.
    var outcome = ""
    /// A return's round (`s11-2025-26`), or "" for any.
    var round = ""
    /// How soon a driver's first action falls due (one of `dueWindows`), or "" for any.
    var due = ""

    /// How soon an action falls due: `overdue` (due today or before), or within 7 or 30 days.
    static let dueWindows: [(value: String, label: String, days: Int)] = [
        ("overdue", "Due now or overdue", 0), ("7", "Due within 7 days", 7), ("30", "Due within 30 days", 30),
    ]

    /// The filter a list's query asks for.
    init(query: [String: String]) {
        search = (query["q"] ?? "").trimmingWhitespace
        result = query["result"] ?? ""
        outcome = query["outcome"] ?? ""
        round = query["round"] ?? ""
        due = query["due"] ?? ""
    }

    /// The last day a driver's first action may fall due to be kept, counted from `today`; nil for any.
    func lastDueDay(from today: Day) -> Day? {
        Self.dueWindows.first { $0.value == due }.map { Day(daysSinceEpoch: today.daysSinceEpoch + $0.days) }
    }

    /// The select of `dueWindows`, keeping what was asked.
    func dueSelect() -> String {
        Components.select(
            id: "due", name: "due", label: "Action due", hint: nil,
            options: Self.dueWindows.map { ($0.value, $0.label) }, selected: due.isEmpty ? nil : due, error: nil)
    }

    /// True when the row is one the filter keeps.
    func keeps(_ row: SubmissionSummary) -> Bool {
        if !search.isEmpty {
            let text = search.lowercased()
            let found = [row.subjectKey, row.schoolName ?? ""].contains { $0.lowercased().contains(text) }
            if !found { return false }
        }
        if !result.isEmpty, row.decision?.rawValue != result { return false }
        if !outcome.isEmpty, (row.officerOutcome?.rawValue ?? "awaiting") != outcome { return false }
        if !round.isEmpty, row.collection != round { return false }
        return true
    }

    /// The filter's form, GET to `path`, keeping what was asked; with `outcomes`, the decision too; with `rounds`
    /// (name, title and due date of each), the round.
    func html(
        path: String, searchLabel: String, outcomes: Bool, rounds: [(name: String, title: String, due: String)] = []
    ) -> String {
        var html = "<form method=\"get\" action=\"\(path)\" novalidate class=\"govuk-report-options\">"
        html += Components.textInput(
            id: "q", name: "q", label: searchLabel, hint: nil, value: search, error: nil, width: "20")
        html += Components.select(
            id: "result", name: "result", label: "Checks", hint: nil,
            options: [("accepted", "Accepted"), ("referred", "Referred"), ("rejected", "Sent back (rejected)")],
            selected: result.isEmpty ? nil : result, error: nil)
        if outcomes {
            html += Components.select(
                id: "outcome", name: "outcome", label: "Decision", hint: nil,
                options: [("awaiting", "Awaiting decision")]
                    + LicensingOutcome.allCases.map { ($0.rawValue, $0.label) },
                selected: outcome.isEmpty ? nil : outcome, error: nil)
            html += dueSelect()
        }
        if !rounds.isEmpty {
            html += Components.select(
                id: "round", name: "round", label: "Year", hint: nil,
                options: rounds.map { ($0.name, "\($0.title), due \(Day(iso: $0.due)?.spoken ?? $0.due)") },
                selected: round.isEmpty ? nil : round, error: nil)
        }
        return html + Components.button("Filter", name: "show", value: "1", secondary: true) + "</form>"
    }
}
