import FormEngine
import Foundation
import HTTPTypes
import HummingbirdTesting
import Records
import SQLiteStore
import StoreKinds
import Testing

@Suite("A licensing officer enters, reads and decides on their district's applications")
struct LicensingTests {
    @Test(
        "an application entered page by page is stored, and its page explains every finding",
        arguments: StoreKind.available)
    func enterAndRead(_ kind: StoreKind) async throws {
        let fixture = try await PortalFixture(kind)
        let yaml = try fixture.application(
            district: "corby", driverNumber: "BEGUM805176B99PB", changes: registerMatch)
        let answers = FormFields.bySection(yaml, form: driverForm)
        try await fixture.test { client in
            var officer = try await Visitor.signedIn(client, token: fixture.tokens["corby"]!)
            for section in driverForm.sections {
                let page = try await officer.post(
                    "/forms/\(driverForm.id)/pages/\(section.id)", answers[section.id]! + [("action", "continue")])
                #expect(page.status == .seeOther, "\(section.id)")
            }
            let check = try await officer.get("/forms/\(driverForm.id)/check")
            #expect(check.text.contains("Check your answers before submitting your application"))
            let sent = try await officer.post("/forms/\(driverForm.id)/submit", [:])
            let location = try #require(sent.location)
            #expect(location.hasPrefix("/submissions/"))
            let page = try await officer.get(location)
            #expect(page.status == .ok)
            #expect(page.text.contains("govuk-tag--yellow"), "referred, shown in yellow")
            #expect(page.text.contains("<h2 class=\"govuk-heading-m\">What needs a decision</h2>"))
            #expect(page.text.contains("<li>Rule: taxi.register-match</li>"))
            #expect(page.text.contains("<li>Answer: /register/result</li>"))
            #expect(
                page.text.contains("<li>Defined at taxi-driver-application.rules.yaml:"), "where the rule is defined")
            #expect(!page.text.contains("/Rules/"), "never the server's folders")
            #expect(page.text.contains("<summary>Details: the rule and what it saw</summary>"))
            #expect(page.text.contains("Source: NR3S"), "and where it comes from")
            #expect(page.text.contains("Record your decision"))
            for outcome in LicensingOutcome.allCases {
                #expect(page.text.contains("value=\"\(outcome.rawValue)\""), "the form offers \(outcome.rawValue)")
            }
            #expect(page.text.contains("At once, in the interests of public safety"))
            #expect(page.text.contains("BEGUM805176B99PB"))
            let id = Int64(location.split(separator: "/")[1])!
            let stored = try #require(try await fixture.store.submission(id))
            #expect(stored.district == "corby")
            #expect(stored.source == .portal)
            let audit = try await fixture.store.auditLog(since: nil).filter {
                $0.action == .view && $0.target == "submission \(id)"
            }
            #expect(audit.map(\.actor) == ["corby account"], "reading an application is audited")
        }
    }

    @Test(
        "the officer records a decision; a refusal needs its reasons, and a rejected application cannot be granted",
        arguments: StoreKind.available)
    func decisions(_ kind: StoreKind) async throws {
        let fixture = try await PortalFixture(kind)
        let referred = try await fixture.stored(
            try fixture.application(
                district: "corby", driverNumber: "BEGUM805176B99PC", changes: registerMatch),
            as: driverForm)
        let rejected = try await fixture.stored(
            try fixture.application(
                district: "corby", driverNumber: "BEGUM805176B99PD",
                changes: ["issue_date: \\S+": "issue_date: 2024-01-10"]),
            as: driverForm)
        try await fixture.test { client in
            var officer = try await Visitor.signedIn(client, token: fixture.tokens["corby"]!)
            _ = try await officer.get("/submissions/\(referred)")
            let noReason = try await officer.post(
                "/submissions/\(referred)/decision", ["outcome": "refuse", "note": " "])
            #expect(noReason.status == .unprocessableContent)
            #expect(noReason.text.contains("<a href=\"#note\">Enter the reasons for your decision</a>"))
            #expect(noReason.text.contains("value=\"refuse\" checked"), "the choice is kept")
            let nothing = try await officer.post("/submissions/\(referred)/decision", [:])
            #expect(nothing.text.contains("<a href=\"#outcome\">Select your decision</a>"))
            let badDate = try await officer.post(
                "/submissions/\(referred)/decision",
                ["outcome": "grant", "start.day": "31", "start.month": "2", "start.year": "2026"])
            #expect(badDate.text.contains("<a href=\"#start\">The day the licence starts must be a real date"))
            // A NUL character in the reasons would be cut short on SQLite and refused by PostgreSQL: refused here.
            let nul = try await officer.post(
                "/submissions/\(referred)/decision",
                ["outcome": "refuse", "note": "Refused\u{0} as a risk", "grounds": "safeguarding"])
            #expect(nul.status == .badRequest)
            #expect(nul.text.contains("holds a NUL character (byte 0), which no field takes"), "\(nul.text)")
            let search = try await officer.get("/submissions?q=Begum%00")
            #expect(search.status == .badRequest)
            let granted = try await officer.post(
                "/submissions/\(referred)/decision",
                ["outcome": "grant", "start.day": "1", "start.month": "11", "start.year": "2026"])
            #expect(granted.status == .seeOther)
            #expect(granted.location == "/submissions/\(referred)?decided=1#decision")
            let after = try await officer.get(try #require(granted.location))
            #expect(after.text.contains("Your decision is recorded."))
            #expect(
                after.text.contains("1 November 2026 to 31 October 2029"),
                "a licence runs 3 years unless told otherwise")
            let decided = try await fixture.decisions(referred)
            #expect(decided.map(\.outcome) == [.grant])
            #expect(decided.first?.decidedBy == "corby account")

            _ = try await officer.get("/submissions/\(rejected)")
            let grantRejected = try await officer.post(
                "/submissions/\(rejected)/decision",
                ["outcome": "grant", "start.day": "1", "start.month": "11", "start.year": "2026"])
            #expect(grantRejected.status == .unprocessableContent)
            #expect(grantRejected.text.contains("is incomplete (rejected): a licence cannot be granted on it"))
            let noGrounds = try await officer.post(
                "/submissions/\(rejected)/decision", ["outcome": "refuse", "note": "DBS certificate too old"])
            #expect(noGrounds.status == .unprocessableContent)
            #expect(noGrounds.text.contains("Select the grounds for your decision"))
            #expect(noGrounds.text.contains("href=\"#grounds\""), "the error summary links to the grounds")
            #expect(noGrounds.text.contains("<title>Error: Submission \(rejected) - Safeguard</title>"))
            let summaryAt = try #require(noGrounds.text.range(of: "govuk-error-summary")).lowerBound
            let findingsAt = try #require(noGrounds.text.range(of: "<h1 class=\"govuk-heading-l\">Submission"))
                .lowerBound
            #expect(summaryAt < findingsAt, "a refused decision is said at the top of the page, not at its foot")
            let refused = try await officer.post(
                "/submissions/\(rejected)/decision",
                ["outcome": "refuse", "note": "DBS certificate too old", "grounds": "safeguarding"])
            #expect(refused.status == .seeOther)
            let copy = try await officer.get("/submissions/\(rejected)")
            #expect(copy.text.contains("For a copy to keep, print this page"))
            let css = try await officer.get("/assets/portal.css")
            #expect(
                css.text.contains("@media print{") && css.text.contains(".govuk-button,.govuk-button-group,form,"),
                "printed, the page keeps the submission and drops its buttons and forms")
            #expect(try await fixture.decisions(rejected).map(\.note) == ["DBS certificate too old"])
        }
    }

    @Test(
        "a decision over one already recorded needs the officer to say it replaces it; both are kept",
        arguments: StoreKind.available)
    func replacingADecision(_ kind: StoreKind) async throws {
        let fixture = try await PortalFixture(kind)
        let id = try await fixture.stored(
            try fixture.application(district: "corby", driverNumber: "BEGUM805176B99PG"), as: driverForm)
        try await fixture.test { client in
            var officer = try await Visitor.signedIn(client, token: fixture.tokens["corby"]!)
            let page = try await officer.get("/submissions/\(id)")
            #expect(!page.text.contains("name=\"replace\""), "nothing to replace yet")
            let conditions = try await officer.post(
                "/submissions/\(id)/decision",
                ["outcome": "grant-with-conditions", "start.day": "1", "start.month": "11", "start.year": "2026"])
            #expect(conditions.status == .unprocessableContent)
            #expect(conditions.text.contains("<a href=\"#note\">Enter the conditions for your decision</a>"))
            let granted = try await officer.post(
                "/submissions/\(id)/decision",
                ["outcome": "grant", "start.day": "1", "start.month": "11", "start.year": "2026"])
            #expect(granted.status == .seeOther)
            let after = try await officer.get("/submissions/\(id)")
            #expect(after.text.contains("name=\"replace\" type=\"checkbox\" value=\"yes\""))
            let over = try await officer.post(
                "/submissions/\(id)/decision",
                ["outcome": "refuse", "note": "New information from the police", "grounds": "safeguarding"])
            #expect(over.status == .unprocessableContent)
            #expect(
                over.text.contains("<a href=\"#replace\">A decision is already recorded on this application (grant"))
            #expect(over.text.contains("value=\"refuse\" checked"), "the decision is kept to be sent again")
            let replaced = try await officer.post(
                "/submissions/\(id)/decision",
                [
                    "outcome": "refuse", "note": "New information from the police", "replace": "yes",
                    "grounds": "safeguarding",
                ])
            #expect(replaced.status == .seeOther)
            #expect(try await fixture.decisions(id).map(\.outcome) == [.grant, .refuse])
        }
    }

    @Test(
        "the officer records an Update Service check on the driver's page and reads the driver's whole history",
        arguments: StoreKind.available)
    func checkAndHistory(_ kind: StoreKind) async throws {
        let fixture = try await PortalFixture(kind)
        let id = try await fixture.stored(
            try fixture.application(district: "corby", driverNumber: "BEGUM805176B99PG"), as: driverForm)
        try await fixture.test { client in
            var officer = try await Visitor.signedIn(client, token: fixture.tokens["corby"]!)
            let page = try await officer.get("/submissions/\(id)")
            #expect(page.text.contains("Record a DBS Update Service check"))
            #expect(
                page.text.range(
                    of: #"Received</dt><dd class="govuk-summary-list__value">\d+ \w+ \d{4} at \d\d:\d\d"#,
                    options: .regularExpression) != nil, "a time as people read it, not 2026-11-21T20:12:31Z")
            let home = try await officer.get("/")
            #expect(home.text.contains("href=\"/reports/licensing\">Your district's licensing report</a>"))
            let future = try await officer.post(
                "/submissions/\(id)/dbs-check",
                ["checked.day": "1", "checked.month": "1", "checked.year": "2099", "result": "no-change"])
            #expect(future.status == .unprocessableContent)
            #expect(future.text.contains("<title>Error: "))
            #expect(future.text.contains("href=\"#checked-day\""))
            let none = try await officer.post(
                "/submissions/\(id)/dbs-check", ["checked.day": "20", "checked.month": "10", "checked.year": "2026"])
            #expect(none.text.contains("<a href=\"#result\">Select what the check found</a>"))
            let recorded = try await officer.post(
                "/submissions/\(id)/dbs-check",
                [
                    "checked.day": "20", "checked.month": "10", "checked.year": "2026", "result": "new-information",
                    "note": "Police information",
                ])
            #expect(recorded.status == .seeOther)
            #expect(recorded.location == "/submissions/\(id)?checked=1#dbs-check")
            let history = try await officer.get("/submissions/\(id)/history")
            #expect(history.status == .ok)
            #expect(history.text.contains("History of BEGUM805176B99PG"))
            #expect(history.text.contains("DBS Update Service checks"))
            #expect(
                history.text.contains("20 October 2026")
                    && history.text.contains("New information: the certificate is no longer current"))
            #expect(history.text.contains("Police information"))
            var other = try await Visitor.signedIn(client, token: fixture.tokens["kettering"]!)
            #expect(try await other.get("/submissions/\(id)/history").status == .notFound, "another district's driver")
        }
    }

    @Test("Corby's officer cannot see, decide on or enter Kettering's drivers", arguments: StoreKind.available)
    func districtScope(_ kind: StoreKind) async throws {
        let fixture = try await PortalFixture(kind)
        let kettering = try await fixture.stored(
            try fixture.application(district: "kettering", driverNumber: "BEGUM805176B99PE"), as: driverForm)
        let corby = try await fixture.stored(
            try fixture.application(district: "corby", driverNumber: "BEGUM805176B99PF"), as: driverForm)
        try await fixture.test { client in
            var officer = try await Visitor.signedIn(client, token: fixture.tokens["corby"]!)
            let list = try await officer.get("/submissions")
            #expect(list.text.contains("Applications in Corby"))
            #expect(list.text.contains("href=\"/submissions/\(corby)\""))
            #expect(!list.text.contains("href=\"/submissions/\(kettering)\""))
            #expect(!list.text.contains("BEGUM805176B99PE"))
            #expect(try await officer.get("/submissions/\(kettering)").status == .notFound)
            let decided = try await officer.post(
                "/submissions/\(kettering)/decision", ["outcome": "refuse", "note": "x"])
            #expect(decided.status == .notFound)
            #expect(try await fixture.decisions(kettering).isEmpty)
            let section = driverForm.sections.first { $0.id == "application" }!
            _ = try await officer.post(
                "/forms/\(driverForm.id)/pages/\(section.id)",
                [("application.district", "kettering"), ("action", "save")])
            let page = try await officer.get("/forms/\(driverForm.id)/pages/\(section.id)")
            #expect(
                page.text.contains("value=\"corby\" checked"), "the officer's district is kept on their applications")
            #expect(!page.text.contains("value=\"kettering\" checked"))
        }
    }

    @Test(
        "the district's drivers needing action, each linked to their application, no other district's",
        arguments: StoreKind.available)
    func actions(_ kind: StoreKind) async throws {
        let fixture = try await PortalFixture(kind)
        let unsearched = ["searched: yes": "searched: no", "  search_date: \\S+\\n": "", "  result: \\S+\\n": ""]
        let corbyApplication = try fixture.application(
            district: "corby", driverNumber: "BEGUM805176B99PG", changes: unsearched)
        let corby = try await fixture.stored(corbyApplication, as: driverForm)
        let fullName = try #require(
            corbyApplication.firstMatch(of: /full_name: "([^"]+)"/).map { String($0.1) })
        let parts = fullName.split(separator: " ")
        let masked = "\(parts[0].prefix(1)). \(parts.last!)"
        let kettering = try await fixture.stored(
            try fixture.application(district: "kettering", driverNumber: "BEGUM805176B99PH", changes: unsearched),
            as: driverForm)
        try await fixture.test { client in
            var officer = try await Visitor.signedIn(client, token: fixture.tokens["corby"]!)
            let page = try await officer.get("/licensing/actions")
            #expect(page.status == .ok)
            #expect(page.text.contains("<h1 class=\"govuk-heading-l\">Drivers needing action</h1>"))
            #expect(page.text.contains("<a class=\"govuk-link\" href=\"/submissions/\(corby)\">\(corby)</a>"))
            #expect(page.text.contains("No national register search"))
            #expect(page.text.contains(fullName), "the district's own drivers, named in full to their officer")
            #expect(
                page.text.contains("<td class=\"govuk-table__cell\">\(fixture.today.spoken)</td>"),
                "dates as people read them")
            // Filtered by when the action falls due: a search missing is due now, so it is in every window.
            func links(_ page: String) -> Set<String> {
                Set(page.matches(of: /href="\/submissions\/(\d+)"/).map { String($0.1) })
            }
            for window in ["overdue", "7", "30"] {
                let due = try await officer.get("/licensing/actions?due=\(window)")
                #expect(due.text.contains("href=\"/submissions/\(corby)\""), "\(window)")
                #expect(due.text.contains("<option value=\"\(window)\" selected>"), "the filter keeps what was asked")
                // The applications list filters the same way: the applications whose driver's action is due.
                let applications = try await officer.get("/submissions?due=\(window)")
                #expect(applications.text.contains("href=\"/submissions/\(corby)\""), "\(window)")
                #expect(links(applications.text) == links(due.text), "\(window): the same drivers in both lists")
            }
            let all = try await officer.get("/submissions")
            #expect(links(all.text).count > links(try await officer.get("/submissions?due=overdue").text).count)
            var policy = try await Visitor.signedIn(client, token: fixture.tokens["policy"]!)
            let report = try await policy.get("/reports/licensing")
            #expect(report.text.contains(masked), "in the county's report names are masked")
            #expect(!report.text.contains(fullName))
            #expect(!page.text.contains("href=\"/submissions/\(kettering)\""))
            #expect(!page.text.contains("<td class=\"govuk-table__cell\">Kettering</td>"))
        }
    }
    @Test(
        "every district's officer reads the shared register; a decision's reasons only in the district that made it",
        arguments: StoreKind.available)
    func sharedRegister(_ kind: StoreKind) async throws {
        let fixture = try await PortalFixture(kind)
        let kettering = try await fixture.stored(
            try fixture.application(district: "kettering", driverNumber: "BEGUM805176B99PE", changes: [:]),
            as: driverForm)
        let reasons = "New information from the police"
        try await fixture.test { client in
            var ketteringOfficer = try await Visitor.signedIn(client, token: fixture.tokens["kettering"]!)
            let empty = try await ketteringOfficer.get("/licensing/register")
            #expect(empty.text.contains("The register holds no entry."))
            _ = try await ketteringOfficer.get("/submissions/\(kettering)")
            let refused = try await ketteringOfficer.post(
                "/submissions/\(kettering)/decision",
                ["outcome": "refuse", "note": reasons, "grounds": "safeguarding"])
            #expect(refused.status == .seeOther)
            let own = try await ketteringOfficer.get("/licensing/register")
            #expect(own.text.contains("BEGUM805176B99PE") && own.text.contains(reasons), "its own reasons")
            #expect(own.text.contains("<td class=\"govuk-table__cell\">Refused</td>"))
            #expect(own.text.contains("<td class=\"govuk-table__cell\">Safeguarding</td>"))

            var corbyOfficer = try await Visitor.signedIn(client, token: fixture.tokens["corby"]!)
            let home = try await corbyOfficer.get("/")
            #expect(home.text.contains("href=\"/licensing/register\""))
            let other = try await corbyOfficer.get("/licensing/register")
            #expect(other.text.contains("BEGUM805176B99PE") && other.text.contains("Kettering"))
            #expect(!other.text.contains(reasons), "another district's reasons are not shown")
            #expect(other.text.contains("Ask Kettering&#39;s licensing team"))
        }
        let audit = try await fixture.store.auditLog(since: nil)
        #expect(audit.contains { $0.target == "shared register" && $0.actor == "corby account" })
    }
}
