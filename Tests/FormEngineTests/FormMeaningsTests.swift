import FormEngine
import Foundation
import TestSupport
import Testing

@Suite("Meanings: the fields a form names for what Safeguard's code reads")
struct FormMeaningsTests {
    /// The project's school return form, as a policy officer would edit it.
    static let school = try! String(
        contentsOfFile: Paths.forms + "/section11-school-return.yaml", encoding: .utf8)

    @Test("the project's forms name a field for every meaning of their subject, of a type that can answer it")
    func projectForms() throws {
        let school = try #require(projectCatalog.forms["section11-school-return"])
        #expect(school.path(of: .parentsInformed) == ["reach", "parents_informed"])
        #expect(school.path(of: .cseSessions) == ["cse", "sessions"])
        #expect(school.meanings.itemField(of: .sessionAudience) == "audience")
        #expect(school.field(for: .sessionProvider, in: .missingSessions)?.id == "provider_type")
        let driver = try #require(projectCatalog.forms["taxi-driver-application"])
        #expect(driver.path(of: .dbsIssueDate) == ["dbs", "issue_date"])
        for form in [school, driver] {
            for meaning in Meaning.allCases where meaning.subject == form.subject {
                #expect(form.meanings.declares(meaning), "\(form.id) names \(meaning.rawValue)")
            }
        }
    }

    @Test(
        "a meaning unknown, of the other subject, naming no field or one of the wrong type or list: at its place",
        arguments: [
            (
                "  parents-informed: reach.parents_informed", "  parents-informd: reach.parents_informed",
                "parents-informd", "Unknown meaning 'parents-informd'. Did you mean 'parents-informed'?"
            ),
            (
                "  parents-informed: reach.parents_informed", "  parents-informed: reach.parents_told",
                "reach.parents_told", "'parents-informed' names 'reach.parents_told', which is not a field of the form"
            ),
            (
                "  parents-informed: reach.parents_informed", "  parents-informed: reach.parents_how",
                "reach.parents_how",
                "'parents-informed' must be answered by a yes-no field; 'parents_how' is a long-text"
            ),
            (
                "  session-audience: audience", "  session-audience: who_for", "who_for",
                "'session-audience' names 'who_for', which is not a field of 'sessions' (cse-sessions)"
            ),
            (
                "    - {value: parents, label: Parents and carers}", "    - {value: carers, label: Parents and carers}",
                "audience              #", "the list of 'audience' lacks parents"
            ),
            (
                "  phase: school.phase", "  phase: school.phase\n  dbs-issue-date: school.dsl_last_training",
                "dbs-issue-date", "'dbs-issue-date' is a meaning of driver forms; this form is about a school"
            ),
        ])
    func problems(original: String, broken: String, needle: String, message: String) throws {
        let text = Self.school.replacingOccurrences(of: original, with: broken)
        #expect(text != Self.school, "the test's original text is not in the form")
        let problems = formProblems(text)
        let problem = try #require(problems.first { $0.message.contains(message) }, "\(problems)")
        let meanings = try #require(text.range(of: "\nmeanings:\n")).lowerBound
        let expected = try #require(mark(of: needle, in: String(text[meanings...]), file: "test-form.yaml"))
        let linesBefore = text[..<meanings].count(where: { $0 == "\n" })
        #expect(problem.mark.line == expected.line + linesBefore, "\(problem)")
        #expect(problem.mark.column == expected.column, "\(problem)")
    }

    @Test("a form that names no field for a meaning its subject needs is a problem of the forms folder, at 'meanings'")
    func missingMeaning() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("meanings-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = Self.school.replacingOccurrences(of: "  dfe-number: school.dfe_number\n", with: "")
        #expect(text != Self.school)
        try text.write(
            to: folder.appendingPathComponent("section11-school-return.yaml"), atomically: true, encoding: .utf8)
        guard case .failure(let errors) = FormCatalog.load(formsDirectory: folder.path) else {
            Issue.record("a form without the dfe-number meaning loaded")
            return
        }
        #expect(errors.problems.count == 1)
        let problem = try #require(errors.problems.first)
        #expect(
            problem.message
                == "The form does not say which field answers 'dfe-number', which the portal, to start a school's "
                + "return from the register reads: add 'dfe-number: <section.field>' under 'meanings'.")
        #expect(problem.mark.line == (mark(of: "\nmeanings:", in: text, file: "")?.line ?? 0) + 1)
        #expect(problem.mark.column == 1)
    }
}
