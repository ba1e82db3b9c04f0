import FormEngine
import Records
import UseCases

/// Each role's start page: what it can do, and for a school, its return in the round open.
enum HomePages {
    /// A school's start page: the round open and the one action that fits, and what it has sent.
    static func school(_ home: SchoolHome, form: FormDefinition?) -> String {
        guard let form else { return "<p>There is no school return form.</p>" }
        var body =
            "<p class=\"govuk-body-l\">\(Components.escape(home.school?.name ?? "Your school")), URN "
            + "\(Components.escape(home.urn))</p>"
        if let collection = home.collection, let due = Day(iso: collection.due) {
            body +=
                "<h2 class=\"govuk-heading-m\">Your return for \(Components.escape(collection.name))</h2>"
                + "<p>It covers \(Day(iso: collection.periodStart)?.spoken ?? "") to "
                + "\(Day(iso: collection.periodEnd)?.spoken ?? "") and is due by \(due.spoken).</p>"
            let start =
                !home.hasDraft
                ? (home.sent.isEmpty ? "Start your return" : "Send a corrected return") : "Continue your return"
            body += "<a class=\"govuk-button\" href=\"/forms/\(form.id)\">\(start)</a>"
        } else {
            body += "<p>No round of returns is open at the moment.</p>"
        }
        guard !home.sent.isEmpty else { return body }
        let rows = home.sent.reversed().map { entry -> [String] in
            let decision = entry.evaluations.last?.record.decision
            return [
                "<a class=\"govuk-link\" href=\"/submissions/\(entry.submission.id!)\">\(entry.submission.id!)</a>",
                Components.escape(entry.collection ?? ""), Components.escape(entry.submission.receivedAt),
                decision.map { Components.tag(form.decisions.label(for: $0), decision: $0.rawValue) } ?? "",
            ]
        }
        return body + "<h2 class=\"govuk-heading-m\">What you have sent</h2>"
            + Components.table(
                caption: "Your school's returns, newest first",
                columns: ["Submission", "Collection", "Received", "Result"],
                rows: rows, rawColumns: [0, 1, 2, 3])
    }

    /// A licensing officer's start page.
    static func licensing(district: String, form: FormDefinition?) -> String {
        "<p>Licensing officer for \(Components.escape(district)).</p><ul class=\"govuk-list\">"
            + "<li><a class=\"govuk-link\" href=\"/forms/\(form?.id ?? "")\">Enter a driver's application</a></li>"
            + "<li><a class=\"govuk-link\" href=\"/submissions\">Applications in \(Components.escape(district))</a></li>"
            + "<li><a class=\"govuk-link\" href=\"/licensing/actions\">Drivers needing action</a></li></ul>"
    }

    /// The policy officer's start page.
    static let policy =
        "<p>The board's reports.</p><ul class=\"govuk-list\"><li><a class=\"govuk-link\" href=\"/reports/schools\">Section 11 returns: the gaps in provision</a></li>"
        + "<li><a class=\"govuk-link\" href=\"/reports/chase\">Schools to chase: not returned, or sent back</a></li>"
        + "<li><a class=\"govuk-link\" href=\"/reports/licensing\">Taxi and private hire drivers</a></li>"
        + "<li><a class=\"govuk-link\" href=\"/submissions\">Every school return</a></li></ul>"

    /// The administrator's start page.
    static let admin =
        "<ul class=\"govuk-list\"><li><a class=\"govuk-link\" href=\"/admin/users\">Manage the accounts</a></li>"
        + "<li><a class=\"govuk-link\" href=\"/admin/transfers\">Transfer a driver to another district</a></li>"
        + "<li><a class=\"govuk-link\" href=\"/admin/lockouts\">Sign-in lockouts</a></li></ul>"
}
