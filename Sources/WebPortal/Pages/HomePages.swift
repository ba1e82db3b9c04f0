import FormEngine
import Records
import UseCases

/// Each role's start page: what it can do, and for a school, its return in the round open.
enum HomePages {
    /// A school's start page: the round open and the one action that fits, and what it has sent.
    /// Its heading is the school's name; rounds are named by their years ("2025 to 2026"), not their ids.
    static func school(
        _ home: SchoolHome, form: FormDefinition?, today: Day, titles: [String: String], csrf: String
    ) -> String {
        var body =
            "<h1 class=\"govuk-heading-l\">\(Components.escape(home.school?.name ?? "Your school"))</h1>"
            + "<p class=\"govuk-body-l\">URN \(Components.escape(home.urn))</p>"
        guard let form else { return body + "<p>There is no school return form.</p>" }
        if let collection = home.collection, let due = Day(iso: collection.due), let status = home.status(on: today) {
            body +=
                "<h2 class=\"govuk-heading-m\">Your return for \(Components.escape(collection.title))</h2>"
                + "<p>It covers \(Day(iso: collection.periodStart)?.spoken ?? "") to "
                + "\(Day(iso: collection.periodEnd)?.spoken ?? "") and is due by \(due.spoken).</p>"
            body += statusAndAction(status, form: form)
            // A school that sent a return last year can start this year's from it, each page to confirm.
            if case .notStarted = status, let earlier = home.lastYearsReturn?.collection {
                body +=
                    "<form method=\"post\" action=\"/forms/\(form.id)/start-from-last-year\">\(Components.csrf(csrf))"
                    + "<p>Or start from the answers you sent for \(Components.escape(titles[earlier] ?? earlier)), "
                    + "and check each page.</p>"
                    + Components.button(
                        "Start from your \(titles[earlier] ?? earlier) answers", value: "start", secondary: true)
                    + "</form>"
            }
        } else {
            body += "<p>No round of returns is open at the moment.</p>"
        }
        guard !home.sent.isEmpty else { return body }
        let rows = home.sent.reversed().map { entry -> [String] in
            let decision = entry.evaluations.last?.record.decision
            return [
                "<a class=\"govuk-link\" href=\"/submissions/\(entry.submission.id!)\">\(entry.submission.id!)</a>",
                Components.escape(entry.collection.map { titles[$0] ?? $0 } ?? ""),
                Components.escape(Components.when(entry.submission.receivedAt)),
                decision.map { Components.tag(form.decisions.label(for: $0), decision: $0.rawValue) } ?? "",
            ]
        }
        return body + "<h2 class=\"govuk-heading-m\">What you have sent</h2>"
            + Components.table(
                caption: "Your school's returns, newest first",
                columns: ["Submission", "Year", "Received", "Result"],
                rows: rows, rawColumns: [0, 1, 2, 3])
    }

    /// What the school's return stands at, and the one action that fits it.
    static func statusAndAction(_ status: ReturnStatus, form: FormDefinition) -> String {
        func overdue(_ days: Int) -> String {
            days > 0
                ? "<div class=\"govuk-warning-text\"><strong class=\"govuk-warning-text__text\">It is "
                    + "\(Wording.count(days, "day")) overdue.</strong></div>" : ""
        }
        func button(_ text: String) -> String { "<a class=\"govuk-button\" href=\"/forms/\(form.id)\">\(text)</a>" }
        switch status {
        case .notStarted(let days):
            return "<p><strong class=\"govuk-tag govuk-tag--grey\">Not started</strong></p>" + overdue(days)
                + button("Start your return")
        case .draftSaved(let days):
            return
                "<p><strong class=\"govuk-tag govuk-tag--yellow\">Draft saved</strong> You have started your return and not sent it "
                + "yet.</p>" + overdue(days) + button("Continue your return")
        case .sentBack(let id, let days):
            return "<p><strong class=\"govuk-tag govuk-tag--red\">Sent back to correct</strong> Your return "
                + "(<a class=\"govuk-link\" href=\"/submissions/\(id)\">submission \(id)</a>) has answers to correct. "
                + "Your corrected return starts from it.</p>" + overdue(days) + button("Correct your return")
        case .received(let id, let decision):
            return "<p><strong class=\"govuk-tag\">Received</strong> "
                + "<a class=\"govuk-link\" href=\"/submissions/\(id)\">Submission \(id)</a>: "
                + "\(Components.escape(form.decisions.label(for: decision))).</p>"
                + "<p><a class=\"govuk-link\" href=\"/forms/\(form.id)\">Send a corrected return</a> if something in "
                + "it was wrong.</p>"
        }
    }

    /// A licensing officer's start page.
    static func licensing(district: String, form: FormDefinition?) -> String {
        "<p>Licensing officer for \(Components.escape(district)).</p><ul class=\"govuk-list\">"
            + "<li><a class=\"govuk-link\" href=\"/forms/\(form?.id ?? "")\">Enter a driver's application</a></li>"
            + "<li><a class=\"govuk-link\" href=\"/submissions\">Applications in \(Components.escape(district))</a></li>"
            + "<li><a class=\"govuk-link\" href=\"/licensing/actions\">Drivers needing action</a></li>"
            + "<li><a class=\"govuk-link\" href=\"/licensing/register\">The JOF's shared register</a></li>"
            + "<li><a class=\"govuk-link\" href=\"/reports/licensing\">Your district's licensing report</a></li></ul>"
    }

    /// The policy officer's start page.
    static let policy =
        "<p>The board's reports.</p><ul class=\"govuk-list\"><li><a class=\"govuk-link\" href=\"/reports/schools\">Section 11 returns: the gaps in provision</a></li>"
        + "<li><a class=\"govuk-link\" href=\"/reports/chase\">Schools to chase: not returned, or sent back</a></li>"
        + "<li><a class=\"govuk-link\" href=\"/reports/licensing\">Taxi and private hire drivers</a></li>"
        + "<li><a class=\"govuk-link\" href=\"/submissions\">Every school return</a></li>"
        + "<li><a class=\"govuk-link\" href=\"/audit\">Audit log</a></li></ul>"

    /// The administrator's start page.
    static let admin =
        "<ul class=\"govuk-list\"><li><a class=\"govuk-link\" href=\"/admin/users\">Manage the accounts</a></li>"
        + "<li><a class=\"govuk-link\" href=\"/admin/transfers\">Transfer a driver to another district</a></li>"
        + "<li><a class=\"govuk-link\" href=\"/admin/lockouts\">Sign-in lockouts</a></li>"
        + "<li><a class=\"govuk-link\" href=\"/audit\">Audit log</a></li></ul>"
}
