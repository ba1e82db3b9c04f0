import FormEngine
import Records
import UseCases

/// The audit log on the portal, for the policy officer and the administrator: a filter by who, what, on what and
/// when, and the lines it keeps, the newest first.
enum AuditPage {
    /// The most lines a page shows.
    static let limit = 500

    /// The filter as asked in the page's query, or the errors in it, each naming its field.
    static func filter(_ query: [String: String]) -> (AuditFilter, [Components.FieldError]) {
        var errors: [Components.FieldError] = []
        func text(_ name: String) -> String? {
            query[name].map(\.trimmingWhitespace).flatMap { $0.isEmpty ? nil : $0 }
        }
        func day(_ name: String, _ label: String) -> Day? {
            guard let written = text(name) else { return nil }
            guard let day = Day(iso: written) else {
                errors.append(
                    Components.FieldError(id: name, message: "\(label) must be a date written like 2026-11-21"))
                return nil
            }
            return day
        }
        var action: AuditAction?
        if let written = text("action") {
            action = AuditAction(rawValue: written)
            if action == nil { errors.append(Components.FieldError(id: "action", message: "Select what was done")) }
        }
        let filter = AuditFilter(
            actor: text("actor"), action: action, target: text("target"), since: day("since", "From"),
            until: day("until", "To"))
        return (filter, errors)
    }

    /// The page: the filter form with what was asked, then the lines.
    static func html(
        query: [String: String], records: [AuditRecord], errors: [Components.FieldError]
    ) -> String {
        var html = Components.errorSummary(errors) + "<h1 class=\"govuk-heading-l\">Audit log</h1>"
        func error(_ id: String) -> String? { errors.first { $0.id == id }?.message }
        html += "<form method=\"get\" action=\"/audit\" novalidate class=\"govuk-report-options\">"
        html += Components.textInput(
            id: "actor", name: "actor", label: "Who", hint: "An account's name", value: query["actor"] ?? "",
            error: error("actor"), width: "20")
        html += Components.select(
            id: "action", name: "action", label: "What was done", hint: nil,
            options: AuditAction.allCases.map { ($0.rawValue, $0.rawValue) }, selected: query["action"],
            error: error("action"))
        html += Components.textInput(
            id: "target", name: "target", label: "On what", hint: "For example, submission 12",
            value: query["target"] ?? "", error: error("target"), width: "20")
        for (id, label) in [("since", "From"), ("until", "To")] {
            html += Components.textInput(
                id: id, name: id, label: label, hint: "YYYY-MM-DD", value: query[id] ?? "", error: error(id),
                width: "10")
        }
        html += Components.button("Show", name: "show", value: "1", secondary: true) + "</form>"
        guard errors.isEmpty else { return html }
        guard !records.isEmpty else { return html + "<p>No line of the audit log matches.</p>" }
        let shown = records.reversed().prefix(limit)
        let caption =
            records.count > limit
            ? "The newest \(limit) of \(records.count) lines: narrow the filter to see the rest"
            : "\(Wording.count(records.count, "line")), the newest first"
        return html
            + Components.table(
                caption: caption, columns: ["When", "Who", "What", "On what", "Detail"],
                rows: shown.map { [$0.at, $0.actor, $0.action.rawValue, $0.target, $0.detail] })
    }
}
