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

/// The naughty strings of Tests/Fixtures/naughty-strings.json.
let naughtyStrings: [String] = {
    struct Fixture: Decodable { let strings: [String] }
    let data = try! Data(contentsOf: URL(fileURLWithPath: Paths.root + "/Tests/Fixtures/naughty-strings.json"))
    return try! JSONDecoder().decode(Fixture.self, from: data).strings
}()

/// True when a page shows `text` escaped (a line break inside an answer may be shown as `<br>`), and never
/// raw where raw would be markup.
func showsEscaped(_ text: String, in html: String) -> Bool {
    // Compared as text, not as Characters: a byte-order mark or a combining accent joins the Character before it.
    func has(_ part: String) -> Bool { html.range(of: part, options: .literal) != nil }
    let escaped = HTMLRenderer.escape(text)
    let shown = has(escaped) || has(escaped.replacingOccurrences(of: "\n", with: "<br>"))
    let markup = text.contains("<") || (text.contains("\"") && text.contains("="))
    return shown && !(markup && has(text))
}

@Suite("Hostile strings are escaped in every page and report")
struct HostileStringsPageTests {
    @Test(
        "typed into a form page, they come back escaped in the page and in check your answers",
        arguments: StoreKind.available)
    func formPages(_ kind: StoreKind) async throws {
        let fixture = try await PortalFixture(kind)
        try await fixture.test { client in
            var lead = try await Visitor.signedIn(client, token: fixture.tokens["school"]!)
            for text in naughtyStrings where !text.trimmingWhitespace.isEmpty {
                let page = try await lead.post(
                    "/forms/\(schoolForm.id)/pages/school",
                    [("school.dsl_name", text), ("school.safeguarding_governor", text), ("action", "save")])
                #expect(page.status == .seeOther)
                let draft = try await fixture.store.draft(
                    accountID: fixture.accounts["school"]!.id!, formID: schoolForm.id)
                let saved = draft.flatMap { draft -> String? in
                    guard case .success(let document) = Intake.read(draft.answers, file: "draft", limits: .definition)
                    else { return nil }
                    return document.root["values"]?["school.dsl_name"]?.items?.first?.scalar?.text
                }
                #expect(
                    saved.map { Array($0.utf8) } == Array(text.utf8), "kept exactly as typed: \(text.debugDescription)")
                _ = try await lead.post(
                    "/forms/\(schoolForm.id)/pages/reach",
                    [("reach.parents_informed", "yes"), ("reach.parents_how", text), ("action", "save")])
                let shown = try await lead.get("/forms/\(schoolForm.id)/pages/school")
                #expect(showsEscaped(text, in: shown.text), "form page: \(text.debugDescription)")
                let reach = try await lead.get("/forms/\(schoolForm.id)/pages/reach")
                #expect(showsEscaped(text, in: reach.text), "textarea: \(text.debugDescription)")
                let check = try await lead.get("/forms/\(schoolForm.id)/check")
                #expect(check.status == .ok)
                #expect(showsEscaped(text, in: check.text), "check your answers: \(text.debugDescription)")
            }
        }
    }

    @Test(
        "stored in every text answer, they are escaped on the submission's page and in its API JSON",
        arguments: StoreKind.available)
    func submissionPages(_ kind: StoreKind) async throws {
        let fixture = try await PortalFixture(kind)
        var stored: [(Int64, String)] = []
        for text in naughtyStrings where !text.trimmingWhitespace.isEmpty {
            var yaml = try await fixture.schoolReturn(urn: fixture.schoolURN)
            yaml = yaml.replacingOccurrences(
                of: #"dsl_name: "[^"]*""#,
                with: NSRegularExpression.escapedTemplate(for: "dsl_name: \(JSONValue.string(text).text)"),
                options: .regularExpression)
            stored.append((try await fixture.stored(yaml, as: schoolForm), text))
        }
        let submissions = stored
        try await fixture.test { client in
            var policy = try await Visitor.signedIn(client, token: fixture.tokens["policy"]!)
            let api = APICaller(client: client, token: fixture.tokens["policy"]!)
            for (id, text) in submissions {
                let page = try await policy.get("/submissions/\(id)")
                #expect(page.status == .ok)
                #expect(showsEscaped(text, in: page.text), "submission page: \(text.debugDescription)")
                let json = try await api.send(.get, "/api/v1/submissions/\(id)")
                #expect(json.status == .ok)
                #expect(!json.json.isEmpty, "the API's JSON parses: \(text.debugDescription)")
            }
        }
    }

    @Test(
        "as school names in the register and drivers' names, they are escaped in both reports, page and file",
        arguments: StoreKind.available)
    func reports(_ kind: StoreKind) async throws {
        let fixture = try await PortalFixture(kind)
        let names = naughtyStrings.filter { !$0.trimmingWhitespace.isEmpty && !$0.contains("\n") && !$0.contains("\r") }
        try await fixture.renameSchools(names)
        for (index, name) in names.prefix(40).enumerated() {
            let application = try fixture.application(
                district: "corby", driverNumber: "NAUGH705157AB\(index % 10)\(["AB", "CD", "EF", "GH"][index / 10])",
                changes: [
                    #"full_name: "[^"]*""#:
                        NSRegularExpression.escapedTemplate(for: "full_name: \(JSONValue.string("Pat " + name).text)")
                ])
            _ = try await fixture.stored(application, as: driverForm)
        }
        try await fixture.test { client in
            var policy = try await Visitor.signedIn(client, token: fixture.tokens["policy"]!)
            let schoolsPage = try await policy.get("/reports/schools")
            #expect(schoolsPage.status == .ok)
            for school in try await fixture.store.schools(status: .open) {
                #expect(
                    showsEscaped(school.name, in: schoolsPage.text), "schools report: \(school.name.debugDescription)")
            }
            let licensing = try await policy.get("/reports/licensing")
            #expect(licensing.status == .ok)
            #expect(!licensing.text.contains("<script"), "no script from a driver's name")
            let list = try await policy.get("/submissions")
            #expect(!list.text.contains("<script"))
        }
        let analysis = try await SchoolsAnalysis.make(
            store: fixture.store, catalog: catalog, collection: nil, asOf: fixture.today, today: fixture.today)
        let file = HTMLRenderer.render(SchoolsReport.document(analysis))
        #expect(!file.contains("<script"), "the report's HTML file has no script")
        let licensingFile = HTMLRenderer.render(
            LicensingReport.document(
                try await LicensingAnalysis.make(store: fixture.store, catalog: catalog, asOf: fixture.today)))
        #expect(!licensingFile.contains("<script"))
        #expect(!licensingFile.contains("<img"))
    }
}
