import FormEngine
import Records

/// What a list of submissions is narrowed to: text searched in the URN, driver number or school name, the checks'
/// result, and an application's decision.
struct ListFilter: Sendable, Equatable {
    /// Text to find, in any case.
    var search = ""
    /// The checks' result (`accepted`, `referred`, `rejected`), or "" for any.
    var result = ""
    /// The officer's decision (an outcome, or `awaiting`), or "" for any.
    var outcome = ""

    /// The filter a list's query asks for.
    init(query: [String: String]) {
        search = (query["q"] ?? "").trimmingWhitespace
        result = query["result"] ?? ""
        outcome = query["outcome"] ?? ""
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
        return true
    }

    /// The filter's form, GET to `path`, keeping what was asked; with `outcomes`, the decision too.
    func html(path: String, searchLabel: String, outcomes: Bool) -> String {
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
        }
        return html + Components.button("Filter", name: "show", value: "1", secondary: true) + "</form>"
    }
}
