import FormEngine
import GapReports
import Records

/// The lists of stored submissions each role sees, and the district's drivers needing action.
enum SubmissionLists {
    /// A school's own returns, every version, newest first.
    static func schoolReturns(_ rows: [SubmissionSummary], form: FormDefinition?, titles: [String: String]) -> String {
        var html = "<h1 class=\"govuk-heading-l\">Your school's returns</h1>"
        guard !rows.isEmpty else { return html + "<p>Your school has not sent a return yet.</p>" }
        html += Components.table(
            caption: "Every return your school has sent, newest first",
            columns: ["Submission", "Year", "Received", "Result", "Status"],
            rows: rows.map { row in
                [
                    link(row.id), Components.escape(row.collection.map { titles[$0] ?? $0 } ?? ""),
                    Components.escape(Components.when(row.receivedAt)),
                    result(row, form), row.supersededBy.map { "Replaced by \(link($0))" } ?? "Current",
                ]
            }, rawColumns: [0, 1, 2, 3, 4])
        return html
    }

    /// A district's drivers' applications, the latest version of each, newest first; with `dueSubmissions`, only
    /// those (the applications whose driver's first action falls due within the filter's window).
    static func applications(
        _ all: [SubmissionSummary], district: String, form: FormDefinition?, filter: ListFilter,
        dueSubmissions: Set<Int64>? = nil
    ) -> String {
        var html =
            "<h1 class=\"govuk-heading-l\">Applications in \(Components.escape(district))</h1>"
            + "<p><a class=\"govuk-link\" href=\"/forms/\(Components.escape(form?.id ?? ""))\">Enter a driver's application</a></p>"
        guard !all.isEmpty else { return html + "<p>No application has been entered for this district yet.</p>" }
        html += filter.html(path: "/submissions", searchLabel: "Driver's licence number", outcomes: true)
        let rows = all.filter { row in filter.keeps(row) && (dueSubmissions?.contains(row.id) ?? true) }
        guard !rows.isEmpty else { return html + "<p>No application matches.</p>" }
        html += Components.table(
            caption: "The latest application of each driver, newest first",
            columns: ["Submission", "Driver's licence number", "Received", "Checks", "Your decision"],
            rows: rows.map { row in
                [
                    link(row.id), Components.escape(row.subjectKey), Components.escape(Components.when(row.receivedAt)),
                    result(row, form), Components.escape(row.officerOutcome?.label ?? "Awaiting decision"),
                ]
            }, rawColumns: [0, 1, 2, 3, 4])
        return html
    }

    /// Every school's latest return, for the policy officer.
    static func allReturns(
        _ all: [SubmissionSummary], form: FormDefinition?, filter: ListFilter, rounds: [CollectionRecord]
    ) -> String {
        let titles = CollectionRecord.titles(rounds)
        var html = "<h1 class=\"govuk-heading-l\">School returns</h1>"
        guard !all.isEmpty else { return html + "<p>No school has sent a return yet.</p>" }
        html += filter.html(
            path: "/submissions", searchLabel: "School name or URN", outcomes: false,
            rounds: rounds.reversed().map { ($0.name, $0.title, $0.due) })
        let rows = all.filter(filter.keeps)
        guard !rows.isEmpty else { return html + "<p>No return matches.</p>" }
        let districts = form.flatMap { form in form.districtKey.map { form.field(at: $0) } }?.choices
        html += Components.table(
            caption: "The latest return of each school, newest first",
            columns: ["Submission", "School", "District", "Year", "Received", "Result"],
            rows: rows.map { row in
                [
                    link(row.id), Components.escape("\(row.schoolName ?? "") (\(row.subjectKey))"),
                    Components.escape(districts?.label(for: row.district ?? "") ?? row.district ?? ""),
                    Components.escape(row.collection.map { titles[$0] ?? $0 } ?? ""),
                    Components.escape(Components.when(row.receivedAt)),
                    result(row, form),
                ]
            }, rawColumns: [0, 1, 2, 3, 4, 5])
        return html
    }

    /// The district's drivers needing action, the most urgent first, each linked to their application; with the
    /// filter's `due`, only those whose first action falls due within it.
    static func actions(_ analysis: LicensingAnalysis, filter: ListFilter) -> String {
        var table = LicensingReport.actionTable(analysis)
        let dueColumn = table.columns.firstIndex(of: "First due")
        if let last = filter.lastDueDay(from: analysis.asOf), let dueColumn {
            table.rows = table.rows.filter { Day(iso: $0[dueColumn].text).map { $0 <= last } ?? true }
        }
        var html =
            "<h1 class=\"govuk-heading-l\">Drivers needing action</h1>"
            + "<p>As of \(analysis.asOf.spoken): DBS re-checks overdue or due within \(LicensingAnalysis.dueSoonDays) days, "
            + "new information from the Update Service, safeguarding training expired or expiring, and drivers granted "
            + "without a search of the national register. They are your district's drivers, so their names are shown; DBS "
            + "certificate numbers are masked.</p>"
        html +=
            "<form method=\"get\" action=\"/licensing/actions\" novalidate class=\"govuk-report-options\">"
            + filter.dueSelect() + Components.button("Filter", name: "show", value: "1", secondary: true) + "</form>"
        guard !table.rows.isEmpty else { return html + "<p>No driver needs action in that time.</p>" }
        let submission = table.columns.firstIndex(of: "Submission")
        html += Components.table(
            caption: table.caption, columns: table.columns,
            rows: table.rows.map { cells in
                cells.enumerated().map { index, cell in
                    if index == submission { return Int64(cell.text).map(link) ?? "" }
                    // Dates as people read them: "2 December 2026".
                    if index == dueColumn, let day = Day(iso: cell.text) { return day.spoken }
                    return Components.escape(cell.text)
                }
            }, rawColumns: Set(table.columns.indices))
        return html
    }

    private static func link(_ id: Int64) -> String {
        "<a class=\"govuk-link\" href=\"/submissions/\(id)\">\(id)</a>"
    }

    private static func result(_ row: SubmissionSummary, _ form: FormDefinition?) -> String {
        guard let decision = row.decision else { return "" }
        return Components.tag(form?.decisions.label(for: decision) ?? decision.rawValue, decision: decision.rawValue)
    }
}
