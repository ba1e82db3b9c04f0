import FormEngine
import Foundation
import GapReports
import HTTPTypes
import HummingbirdTesting
import Records
import SQLiteStore
import StoreKinds
import TestSupport
import Testing
import UseCases

@Suite("A school sends its return through the portal")
struct SchoolReturnTests {
    @Test(
        "the return starts filled with the school's register details, and its URN cannot be changed",
        arguments: StoreKind.available)
    func prefilled(_ kind: StoreKind) async throws {
        let fixture = try await PortalFixture(kind)
        let school = try await fixture.store.schools(status: nil).first { $0.urn == fixture.schoolURN }!
        try await fixture.test { client in
            var lead = try await Visitor.signedIn(client, token: fixture.tokens["school"]!)
            let start = try await lead.get("/forms/\(schoolForm.id)")
            #expect(start.location == "/forms/\(schoolForm.id)/pages/school")
            let page = try await lead.get("/forms/\(schoolForm.id)/pages/school")
            #expect(page.status == .ok)
            #expect(
                page.text.contains(
                    "id=\"school-urn\" name=\"school.urn\" type=\"text\" value=\"\(school.urn)\" inputmode=\"numeric\" readonly"
                ))
            #expect(page.text.contains("value=\"\(HTMLRenderer.escape(school.name))\""))
            let type = try #require(
                schoolForm.field(for: .schoolType)?.choices?.option(describedBy: school.typeName),
                "the register's \(school.typeName) is one of the form's types")
            #expect(page.text.contains("value=\"\(type.value)\" checked"), "the type starts as the register's")
            #expect(page.text.contains("part 1 of \(schoolForm.sections.count)"))
            let moved = try await lead.post(
                "/forms/\(schoolForm.id)/pages/school", [("school.urn", fixture.otherURN), ("action", "save")])
            #expect(moved.status == .seeOther)
            let again = try await lead.get("/forms/\(schoolForm.id)/pages/school")
            #expect(again.text.contains("value=\"\(school.urn)\""), "the URN stays the school's own")
            #expect(!again.text.contains("value=\"\(fixture.otherURN)\""))
        }
    }

    @Test(
        "a mistake shows the error summary linked to the field, the error beside it, and keeps every answer",
        arguments: StoreKind.available)
    func fieldErrors(_ kind: StoreKind) async throws {
        let fixture = try await PortalFixture(kind)
        let answers = FormFields.bySection(try await fixture.schoolReturn(urn: fixture.schoolURN), form: schoolForm)
        try await fixture.test { client in
            var lead = try await Visitor.signedIn(client, token: fixture.tokens["school"]!)
            var fields = answers["school"]!.map { $0.0 == "school.dsl_email" ? ($0.0, "darren at school") : $0 }
            fields = fields.map { $0.0 == "school.dsl_last_training.month" ? ($0.0, "13") : $0 }
            let page = try await lead.post("/forms/\(schoolForm.id)/pages/school", fields + [("action", "continue")])
            #expect(page.status == .unprocessableContent)
            #expect(page.text.contains("<div class=\"govuk-error-summary\" role=\"alert\" tabindex=\"-1\" autofocus>"))
            #expect(page.text.contains("<title>Error: "), "a page with errors says so first in its title")
            #expect(
                page.text.contains(
                    "id=\"school-dsl_email\" name=\"school.dsl_email\" type=\"text\" value=\"darren at school\" inputmode=\"email\" autocomplete=\"email\""
                ))
            #expect(page.text.contains("<a href=\"#school-dsl_email\">"))
            #expect(
                page.text.contains("<a href=\"#school-dsl_last_training-day\">"), "a date's error links to its day box")
            #expect(
                page.text.contains(">Date the DSL last completed formal safeguarding training must be a real date<"))
            #expect(page.text.contains("id=\"school-dsl_email-error\""))
            #expect(page.text.contains("govuk-input--error\" id=\"school-dsl_email\""))
            #expect(page.text.contains("value=\"darren at school\""), "the wrong answer is shown again to be corrected")
            let name = answers["school"]!.first { $0.0 == "school.dsl_name" }!.1
            #expect(page.text.contains("value=\"\(HTMLRenderer.escape(name))\""), "the other answers are kept")
            #expect(
                page.text.contains(
                    "name=\"school.dsl_last_training.month\" type=\"text\" inputmode=\"numeric\" value=\"13\""))
            let summary = page.text.components(separatedBy: "govuk-error-summary__list")[1]
            let email = summary.range(of: "school-dsl_email")!.lowerBound
            let training = summary.range(of: "school-dsl_last_training")!.lowerBound
            #expect(email < training, "the summary lists the errors in the order of the page")

            // Questions left unanswered are worded from what the check found, in the Design System's words: a
            // choice to select, a text to enter, "the" before a label that names a thing.
            let empty = try await lead.post(
                "/forms/\(schoolForm.id)/pages/school",
                fields.filter { !["school.type", "school.dsl_name", "school.dsl_email"].contains($0.0) } + [
                    ("action", "continue")
                ])
            #expect(empty.text.contains("<a href=\"#school-type\">Select the type of school</a>"))
            #expect(
                empty.text.contains(
                    "<a href=\"#school-dsl_name\">Enter the name of the designated safeguarding lead (DSL)</a>"))
            #expect(empty.text.contains("<a href=\"#school-dsl_email\">Enter the DSL&#39;s email address</a>"))

            // A date of something done that is still to come.
            let later = fixture.today.adding(months: 1).components
            let future = try await lead.post(
                "/forms/\(schoolForm.id)/pages/school",
                answers["school"]!.map { field, value in
                    switch field {
                    case "school.dsl_last_training.day": return (field, "\(later.day)")
                    case "school.dsl_last_training.month": return (field, "\(later.month)")
                    case "school.dsl_last_training.year": return (field, "\(later.year)")
                    default: return (field, value)
                    }
                } + [("action", "continue")])
            #expect(
                future.text.contains(
                    ">Date the DSL last completed formal safeguarding training must be today or in the past (on or "
                        + "before \(fixture.today.spoken))</a>"))
        }
    }

    @Test(
        "page by page to check your answers, then the confirmation with the submission number",
        arguments: StoreKind.available)
    func wholeReturn(_ kind: StoreKind) async throws {
        let fixture = try await PortalFixture(kind)
        let answers = FormFields.bySection(try await fixture.schoolReturn(urn: fixture.schoolURN), form: schoolForm)
        let before = try await fixture.store.submissionSummaries(
            subject: .school, subjectKey: fixture.schoolURN, district: nil, latestOnly: false, limit: 100)
        try await fixture.test { client in
            var lead = try await Visitor.signedIn(client, token: fixture.tokens["school"]!)
            for (index, section) in schoolForm.sections.enumerated() {
                let page = try await lead.post(
                    "/forms/\(schoolForm.id)/pages/\(section.id)", answers[section.id]! + [("action", "continue")])
                #expect(page.status == .seeOther, "\(section.id): \(page.text.prefix(0))")
                let next =
                    index + 1 < schoolForm.sections.count
                    ? "/forms/\(schoolForm.id)/pages/\(schoolForm.sections[index + 1].id)"
                    : "/forms/\(schoolForm.id)/check"
                #expect(page.location == next)
            }
            let check = try await lead.get("/forms/\(schoolForm.id)/check")
            #expect(check.text.contains("Check your answers before submitting your return"))
            #expect(check.text.contains("<dt class=\"govuk-summary-list__key\">Unique reference number (URN)</dt>"))
            #expect(
                check.text.contains(
                    "href=\"/forms/\(schoolForm.id)/pages/school?from=check#school-dsl_email\">Change"))
            #expect(!check.text.contains("Fix these before you submit"))
            // A change made from check your answers goes back there, not on through every page.
            let change = try await lead.get("/forms/\(schoolForm.id)/pages/staff?from=check")
            #expect(change.text.contains("<a class=\"govuk-back-link\" href=\"/forms/\(schoolForm.id)/check\">"))
            let changed = try await lead.post(
                "/forms/\(schoolForm.id)/pages/staff", answers["staff"]! + [("from", "check"), ("action", "continue")])
            #expect(changed.location == "/forms/\(schoolForm.id)/check")
            let sent = try await lead.post("/forms/\(schoolForm.id)/submit", [:])
            #expect(sent.status == .seeOther)
            let location = try #require(sent.location)
            #expect(location.hasSuffix("/confirmation"))
            let number = location.split(separator: "/")[1]
            let confirmation = try await lead.get(location)
            #expect(confirmation.text.contains("<h1 class=\"govuk-panel__title\">Return submitted</h1>"))
            #expect(confirmation.text.contains("Your submission number<br><strong>\(number)</strong>"))
            let stored = try #require(try await fixture.store.submission(Int64(number)!))
            #expect(stored.subjectKey == fixture.schoolURN)
            #expect(stored.source == .portal)
            #expect(stored.submitter == "school account")
            let declared = try #require(StoredJSON.read(stored.bound)?["declaration"]?["date"]?.scalar?.text)
            #expect(
                declared == fixture.today.iso, "the server records the day the return was sent as its declaration's")
            #expect(stored.supersedes == before.first?.id, "a second return replaces the first, which is kept")
            #expect(
                try await fixture.store.draft(accountID: fixture.accounts["school"]!.id!, formID: schoolForm.id) == nil)
            let home = try await lead.get("/")
            #expect(home.text.contains("href=\"/submissions/\(number)\""))
            #expect(home.text.contains("Send a corrected return"))
        }
    }

    @Test(
        "the home page says where the return stands with the one action that fits; a sent-back return is corrected from its answers",
        arguments: StoreKind.available)
    func statusAndCorrection(_ kind: StoreKind) async throws {
        let fixture = try await PortalFixture(kind)
        var yaml = try await fixture.schoolReturn(urn: fixture.schoolURN)
        let trained = try #require(yaml.range(of: #"dsl_last_training: \S+"#, options: .regularExpression))
        yaml.replaceSubrange(trained, with: "dsl_last_training: 2099-01-01")
        let stored = try await fixture.safeguarding.submit(
            Array(yaml.utf8), file: "emailed.yaml", options: SubmitOptions(source: .email),
            by: .commandLine("officer"))
        guard case .stored(let id, _) = stored.outcome else {
            Issue.record("the broken return was not stored")
            return
        }
        #expect(stored.evaluation.decision == .rejected)
        let name = try #require(yaml.range(of: #"dsl_name: .+"#, options: .regularExpression))
        let dsl = yaml[name].dropFirst("dsl_name: ".count).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        try await fixture.test { client in
            var lead = try await Visitor.signedIn(client, token: fixture.tokens["school"]!)
            let home = try await lead.get("/")
            #expect(home.text.contains("Sent back to correct</strong>"))
            #expect(home.text.contains("href=\"/submissions/\(id)\">submission \(id)</a>"))
            #expect(home.text.contains("It is 31 days overdue."), "due 30 September, seen on 31 October")
            #expect(home.text.contains(">Correct your return</a>"))
            #expect(!home.text.contains("Start your return") && !home.text.contains("Send a corrected return"))
            let start = try await lead.get("/forms/\(schoolForm.id)")
            #expect(
                start.location == "/forms/\(schoolForm.id)/pages/school?errors=shown",
                "carry on at the first page with something to put right")
            let marked = try await lead.get(try #require(start.location))
            #expect(marked.text.contains("<a href=\"#school-dsl_last_training-day\">"), "its wrong answer marked")
            #expect(marked.text.contains("<title>Error: "))
            let page = try await lead.get("/forms/\(schoolForm.id)/pages/school")
            #expect(!page.text.contains("govuk-error-summary"), "marked only when carried on to")
            #expect(
                page.text.contains(
                    "name=\"school.dsl_last_training.year\" type=\"text\" inputmode=\"numeric\" value=\"2099\""),
                "the corrected return starts from the one sent back, its wrong answer there to put right")
            #expect(page.text.contains("value=\"\(HTMLRenderer.escape(dsl))\""), "every other answer kept")
            let saved = try await lead.post(
                "/forms/\(schoolForm.id)/pages/school", [("school.dsl_name", dsl), ("action", "save")])
            #expect(saved.status == .seeOther)
            let drafted = try await lead.get("/")
            #expect(drafted.text.contains("Draft saved</strong>") && drafted.text.contains(">Continue your return</a>"))
        }
    }

    @Test(
        "the page checks the same as the command line: the stored evaluation is the file's",
        arguments: StoreKind.available)
    func sameAsTheEngine(_ kind: StoreKind) async throws {
        let fixture = try await PortalFixture(kind)
        let yaml = try await fixture.schoolReturn(urn: fixture.schoolURN)
        let answers = FormFields.bySection(yaml, form: schoolForm)
        try await fixture.test { client in
            var lead = try await Visitor.signedIn(client, token: fixture.tokens["school"]!)
            for section in schoolForm.sections {
                _ = try await lead.post(
                    "/forms/\(schoolForm.id)/pages/\(section.id)", answers[section.id]! + [("action", "continue")])
            }
            let sent = try await lead.post("/forms/\(schoolForm.id)/submit", [:])
            let id = Int64(try #require(sent.location).split(separator: "/")[1])!
            let collection = try await fixture.store.collections().last!
            let file = Validator(catalog: catalog).evaluate(
                Array(yaml.utf8), file: "return.yaml", asOf: fixture.today, parameters: collection.ruleParameters)
            let stored = try #require(try await fixture.store.submissionDetail(id))
            #expect(stored.findings.map(\.rule).sorted() == file.findings.map(\.rule).sorted())
            #expect(stored.evaluation.decision == file.decision)
        }
    }

    @Test("save and come back later: the answers wait in a draft for the next sign-in", arguments: StoreKind.available)
    func saveAndReturn(_ kind: StoreKind) async throws {
        let fixture = try await PortalFixture(kind)
        try await fixture.test { client in
            var lead = try await Visitor.signedIn(client, token: fixture.tokens["school"]!)
            let saved = try await lead.post(
                "/forms/\(schoolForm.id)/pages/school",
                [("school.dsl_name", "Priya Shah"), ("school.dsl_email", "dsl@"), ("action", "save")])
            #expect(saved.location == "/?saved=1")
            let home = try await lead.get("/?saved=1")
            #expect(home.text.contains("Your answers are saved"))
            #expect(home.text.contains("Continue your return"))
            var later = try await Visitor.signedIn(client, token: fixture.tokens["school"]!)
            let page = try await later.get("/forms/\(schoolForm.id)/pages/school")
            #expect(page.text.contains("value=\"Priya Shah\""))
            #expect(page.text.contains("value=\"dsl@\""), "saving keeps even an answer that is not right yet")
            #expect(!page.text.contains("govuk-error-summary"), "saving does not check")
        }
    }

    @Test(
        "a repeat has add another (focus on the new item) and remove (undoable), and an item left empty is dropped on continue",
        arguments: StoreKind.available)
    func repeats(_ kind: StoreKind) async throws {
        let fixture = try await PortalFixture(kind)
        try await fixture.test { client in
            var lead = try await Visitor.signedIn(client, token: fixture.tokens["school"]!)
            let uri = "/forms/\(schoolForm.id)/pages/cse"
            let first: [(String, String)] = [
                ("cse.delivered", "yes"), ("cse.sessions#count", "1"), ("cse.sessions.0.audience", "parents"),
                ("cse.sessions.0.provider_type", "in-house"), ("cse.sessions.0.date.day", "3"),
                ("cse.sessions.0.date.month", "2"), ("cse.sessions.0.date.year", "2026"),
                ("cse.sessions.0.quality_assured", "no"),
            ]
            let added = try await lead.post(uri, first + [("action", "add:cse.sessions")])
            #expect(added.status == .ok)
            #expect(added.text.contains("Session 2</legend>"))
            // The question's hint and the note of when it applies stand apart.
            #expect(
                added.text.contains(
                    "<div class=\"govuk-conditional\"><p class=\"govuk-conditional__note\">Only if “Who was it for?” is "
                        + "pupils.</p>"))
            #expect(
                added.text.contains(
                    "<div class=\"govuk-hint\" id=\"cse-sessions-1-year_groups-hint\">Choose every year group that took part</div>"
                ))
            #expect(added.text.contains("name=\"cse.sessions#count\" value=\"2\""))
            #expect(added.text.contains("value=\"remove:cse.sessions:1\""))
            #expect(
                added.text.contains(
                    "<div class=\"govuk-repeat-item\" id=\"cse-sessions-1-item\" tabindex=\"-1\" autofocus>"),
                "focus lands on the new session")
            // Enter in a text box presses the form's first submit button: it must be Continue, not "Remove session 1".
            let form = added.text.components(separatedBy: "<form method=\"post\" action=\"\(uri)\"")[1]
            let firstButton = form.components(separatedBy: "type=\"submit\"")[1].prefix(60)
            #expect(firstButton.contains("value=\"continue\""), "\(firstButton)")
            #expect(!added.text.contains("<title>Error: "))
            let backLink = try #require(added.text.range(of: "class=\"govuk-back-link\"")).lowerBound
            #expect(
                backLink < (added.text.range(of: "<h1")?.lowerBound ?? backLink),
                "the Back link stands above the heading")
            let second =
                first.map { $0.0 == "cse.sessions#count" ? ($0.0, "2") : $0 } + [
                    ("cse.sessions.1.audience", "governors"), ("action", "remove:cse.sessions:0"),
                ]
            let removed = try await lead.post(uri, second)
            #expect(removed.text.contains("name=\"cse.sessions#count\" value=\"1\""))
            #expect(!removed.text.contains("Session 2</legend>"))
            #expect(removed.text.contains("value=\"governors\" checked"), "the second session moved up to be the first")
            #expect(removed.text.contains("Session 1 removed."), "the page says what was removed")
            #expect(removed.text.contains("value=\"undo\""), "and offers to put it back")
            let undone = try await lead.post(
                uri,
                [
                    ("cse.delivered", "yes"), ("cse.sessions#count", "1"), ("cse.sessions.0.audience", "governors"),
                    ("action", "undo"),
                ])
            #expect(undone.text.contains("name=\"cse.sessions#count\" value=\"2\""), "undo puts the session back")
            let sessions = undone.text.components(separatedBy: "class=\"govuk-repeat-item\"")
            #expect(sessions.count == 3)
            #expect(sessions[1].contains("value=\"parents\" checked"), "where it stood, with its answers")
            #expect(sessions[2].contains("value=\"governors\" checked"), "the other session moved back down")
            #expect(sessions[1].contains("id=\"cse-sessions-0-item\" tabindex=\"-1\" autofocus"), "focus on it")
            #expect(!undone.text.contains("removed."), "the note is gone once undone")
            let removedAgain = try await lead.post(uri, second)
            #expect(removedAgain.text.contains("Session 1 removed."))
            let moved = try await lead.post(
                uri,
                [
                    ("cse.delivered", "yes"), ("cse.sessions#count", "1"), ("cse.sessions.0.audience", "governors"),
                    ("action", "add:cse.sessions"),
                ])
            #expect(!moved.text.contains("removed."), "any other change ends the chance to undo")
            let stale = try await lead.post(
                uri,
                [
                    ("cse.delivered", "yes"), ("cse.sessions#count", "2"), ("cse.sessions.0.audience", "governors"),
                    ("action", "undo"),
                ])
            #expect(
                stale.text.contains("name=\"cse.sessions#count\" value=\"2\""),
                "an undo with nothing to undo changes nothing")
            let withEmpty = first.map { $0.0 == "cse.sessions#count" ? ($0.0, "2") : $0 } + [("action", "continue")]
            let next = try await lead.post(uri, withEmpty)
            #expect(next.status == .seeOther, "an empty second session is dropped, not an error")
            let back = try await lead.get(uri)
            #expect(back.text.contains("name=\"cse.sessions#count\" value=\"1\""))
        }
    }

    @Test(
        "the declaration is a box to tick, dated by the server; the home page names the school and the round's years",
        arguments: StoreKind.available)
    func declarationAndHome(_ kind: StoreKind) async throws {
        let fixture = try await PortalFixture(kind)
        try await fixture.test { client in
            var lead = try await Visitor.signedIn(client, token: fixture.tokens["school"]!)
            let page = try await lead.get("/forms/\(schoolForm.id)/pages/declaration")
            #expect(
                page.text.contains(
                    "id=\"declaration-confirmed\" name=\"declaration.confirmed\" type=\"checkbox\" value=\"yes\">"
                        + "<label class=\"govuk-label govuk-checkboxes__label\" for=\"declaration-confirmed\">I confirm that "
                        + "this return is accurate and complete</label>"))
            #expect(!page.text.contains("value=\"no\""), "one box, not yes and no")
            #expect(!page.text.contains("name=\"declaration.date.day\""), "the date is not asked")
            #expect(
                page.text.contains("name=\"declaration.name\" type=\"text\" value=\"\" autocomplete=\"name\""),
                "the person's own name offers the browser's autofill (WCAG 1.3.5)")
            #expect(page.text.contains("\(fixture.today.spoken): the day you send it is recorded."))
            let unticked = try await lead.post(
                "/forms/\(schoolForm.id)/pages/declaration",
                [("declaration.name", "Alex Morgan"), ("declaration.role", "headteacher"), ("action", "continue")])
            #expect(unticked.status == .unprocessableContent)
            #expect(
                unticked.text.contains(
                    "<a href=\"#declaration-confirmed\">Confirm that the return is accurate and complete before it is "
                        + "submitted.</a>"))
            let ticked = try await lead.post(
                "/forms/\(schoolForm.id)/pages/declaration",
                [
                    ("declaration.name", "Alex Morgan"), ("declaration.role", "headteacher"),
                    ("declaration.confirmed", "yes"), ("action", "continue"),
                ])
            #expect(ticked.location == "/forms/\(schoolForm.id)/check")
            let home = try await lead.get("/")
            #expect(home.text.contains("<h1 class=\"govuk-heading-l\">\(HTMLRenderer.escape(fixture.schoolName))</h1>"))
            #expect(home.text.contains("Your return for 2025 to 2026</h2>"))
        }
    }

    @Test(
        "a new year's return starts from last year's answers, each page to confirm before it can be sent",
        arguments: StoreKind.available)
    func fromLastYear(_ kind: StoreKind) async throws {
        let fixture = try await PortalFixture(kind)
        let rounds = try await fixture.store.collections().filter { $0.formID == schoolForm.id }
        let newest = try #require(rounds.last)
        var found: (urn: String, entry: HistoryEntry)?
        for school in try await fixture.store.schools(status: .open) where found == nil {
            let last = try await fixture.store.history(subjectKey: school.urn).last
            if let last, let round = last.collection, round != newest.name { found = (school.urn, last) }
        }
        let (urn, lastYear) = try #require(found, "the sample has a school that returned last year, not yet this year")
        let year = try #require(rounds.first { $0.name == lastYear.collection }).title
        let token = try await fixture.safeguarding.addAccount(
            role: .school, scope: urn, name: "DSL", by: .commandLine("test")
        ).token
        let sent = FormFields.bySection(lastYear.submission.bound, form: schoolForm)
        try await fixture.test { client in
            var lead = try await Visitor.signedIn(client, token: token)
            let home = try await lead.get("/")
            #expect(home.text.contains("Start your return"), "a blank return is still the first offer")
            #expect(home.text.contains("Start from your \(year) answers"))
            let started = try await lead.post("/forms/\(schoolForm.id)/start-from-last-year", [("action", "start")])
            #expect(started.location == "/forms/\(schoolForm.id)/pages/school")
            let first = try await lead.get("/forms/\(schoolForm.id)/pages/school")
            #expect(first.text.contains("These answers are from your return for \(year)."))
            let dslName = try #require(sent["school"]?.first { $0.0 == "school.dsl_name" }?.1)
            #expect(first.text.contains("value=\"\(HTMLRenderer.escape(dslName))\""), "last year's answer is in place")
            let sessions = try await lead.get("/forms/\(schoolForm.id)/pages/cse")
            #expect(
                !sessions.text.contains(
                    "name=\"cse.sessions.0.date.year\" type=\"text\" inputmode=\"numeric\" value=\"2"),
                "last year's sessions, dated in last year's period, are not carried")
            let declaration = try await lead.get("/forms/\(schoolForm.id)/pages/declaration")
            #expect(!declaration.text.contains("These answers are from"), "the declaration is this year's to make")
            let check = try await lead.get("/forms/\(schoolForm.id)/check")
            #expect(check.text.contains("Check the answers carried from \(year) on “About the school”, then continue"))
            let refused = try await lead.post("/forms/\(schoolForm.id)/submit", [:])
            #expect(refused.status == .unprocessableContent, "not sent until each page is confirmed")
            #expect(try await fixture.store.history(subjectKey: urn).last?.submission.id == lastYear.submission.id)
            let confirmed = try await lead.post(
                "/forms/\(schoolForm.id)/pages/school", sent["school"]! + [("action", "continue")])
            #expect(confirmed.location == "/forms/\(schoolForm.id)/pages/cse")
            let after = try await lead.get("/forms/\(schoolForm.id)/check")
            #expect(!after.text.contains("on “About the school”"), "a page continued is confirmed")
            let carryOn = try await lead.get("/forms/\(schoolForm.id)")
            #expect(
                carryOn.location == "/forms/\(schoolForm.id)/pages/cse?errors=shown", "on to the next page to confirm")
            let again = try await lead.get("/forms/\(schoolForm.id)/pages/school")
            #expect(!again.text.contains("These answers are from"))
        }
    }

    @Test(
        "a rule's error about a page's answers is shown on that page: a session dated outside the period",
        arguments: StoreKind.available)
    func ruleErrorsOnTheirPage(_ kind: StoreKind) async throws {
        let fixture = try await PortalFixture(kind)
        try await fixture.test { client in
            var lead = try await Visitor.signedIn(client, token: fixture.tokens["school"]!)
            let page = try await lead.post(
                "/forms/\(schoolForm.id)/pages/cse",
                [
                    ("cse.delivered", "yes"), ("cse.sessions#count", "1"), ("cse.sessions.0.audience", "parents"),
                    ("cse.sessions.0.provider_type", "in-house"), ("cse.sessions.0.date.day", "3"),
                    ("cse.sessions.0.date.month", "2"), ("cse.sessions.0.date.year", "2019"),
                    ("cse.sessions.0.quality_assured", "no"), ("action", "continue"),
                ])
            #expect(page.status == .unprocessableContent, "the page is not left with the mistake in it")
            #expect(page.text.contains("<a href=\"#cse-sessions-0-date-day\">"), "the summary links to the date")
            #expect(page.text.contains("id=\"cse-sessions-0-date-error\""), "the error stands beside it")
            #expect(page.text.contains("it is dated 3 February 2019, outside"), "and says which date")
        }
    }

    @Test(
        "a return with errors cannot be sent: check your answers lists them, each linked to its question",
        arguments: StoreKind.available)
    func blockedWithErrors(_ kind: StoreKind) async throws {
        let fixture = try await PortalFixture(kind)
        try await fixture.test { client in
            var lead = try await Visitor.signedIn(client, token: fixture.tokens["school"]!)
            _ = try await lead.post("/forms/\(schoolForm.id)/pages/school", [("action", "save")])
            let check = try await lead.get("/forms/\(schoolForm.id)/check")
            #expect(check.text.contains("Fix these before you submit"))
            #expect(
                check.text.contains(
                    "href=\"/forms/\(schoolForm.id)/pages/school?errors=shown&amp;from=check#school-dsl_name\""))
            // Following the link marks the field in error on its page.
            let page = try await lead.get("/forms/\(schoolForm.id)/pages/school?errors=shown&from=check")
            #expect(page.text.contains("id=\"school-dsl_name-error\""))
            #expect(page.text.contains("<input type=\"hidden\" name=\"from\" value=\"check\">"))
            let before = try await fixture.store.latestSubmissionIDs(formID: nil).count
            let refused = try await lead.post("/forms/\(schoolForm.id)/submit", [:])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("Fix these before you submit"))
            #expect(try await fixture.store.latestSubmissionIDs(formID: nil).count == before, "nothing was stored")
        }
    }

    @Test("a school sees its own returns, and another school's is not found", arguments: StoreKind.available)
    func ownReturnsOnly(_ kind: StoreKind) async throws {
        let fixture = try await PortalFixture(kind)
        let other = try await fixture.store.submissionSummaries(
            subject: .school, subjectKey: fixture.otherURN, district: nil, latestOnly: false, limit: 10)
        let own = try await fixture.store.submissionSummaries(
            subject: .school, subjectKey: fixture.schoolURN, district: nil, latestOnly: false, limit: 10)
        let driver = try await fixture.store.submissionSummaries(
            subject: .driver, subjectKey: nil, district: nil, latestOnly: true, limit: 1)
        try #require(!other.isEmpty && !driver.isEmpty)
        try await fixture.test { client in
            var lead = try await Visitor.signedIn(client, token: fixture.tokens["school"]!)
            let list = try await lead.get("/submissions")
            #expect(list.status == .ok)
            for mine in own { #expect(list.text.contains("href=\"/submissions/\(mine.id)\"")) }
            #expect(!list.text.contains("href=\"/submissions/\(other[0].id)\""))
            for id in [other[0].id, driver[0].id, 999_999] {
                let page = try await lead.get("/submissions/\(id)")
                #expect(page.status == .notFound, "submission \(id)")
                #expect(page.text.contains("Page not found"))
                let confirmation = try await lead.get("/submissions/\(id)/confirmation")
                #expect(confirmation.status == .notFound)
            }
            if let mine = own.first {
                let page = try await lead.get("/submissions/\(mine.id)")
                #expect(page.status == .ok)
                #expect(page.text.contains("<h1 class=\"govuk-heading-l\">Submission \(mine.id)</h1>"))
                #expect(!page.text.contains("Record your decision"))
            }
        }
    }
}
