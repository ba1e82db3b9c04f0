import FormEngine
import Foundation
import TestSupport
import Testing

@Suite("Form definitions: every lint, each at its mark")
struct FormDefinitionLintTests {
    /// A small valid form that each test breaks in one place.
    static let valid = """
        form: test-form
        version: "1"
        title: Test
        subject: driver
        subject-key: dbs.number
        lists:
          levels: [basic, enhanced]
        sections:
          - id: dbs
            title: DBS
            fields:
              - {id: number, type: dbs-certificate, label: Certificate number, required: true}
              - {id: level, type: choice, list: levels, label: Level}
              - {id: points, type: integer, label: Points, min: 0, max: 12}
              - {id: checked, type: yes-no, label: Checked?}
              - {id: check_date, type: date, label: Check date, relevant: dbs.checked}
        """

    @Test("the valid form loads with its sections, fields, lists and logic")
    func validLoads() throws {
        let form = try loadForm(Self.valid)
        #expect(form.id == "test-form")
        #expect(form.subject == .driver)
        #expect(form.sections.map(\.id) == ["dbs"])
        #expect(form.sections[0].fields.map(\.id) == ["number", "level", "points", "checked", "check_date"])
        #expect(form.lists["levels"]?.options.map(\.value) == ["basic", "enhanced"])
        #expect(form.sections[0].fields[4].relevant?.text == "dbs.checked")
        #expect(form.hash.count == 64)
        #expect(form.field(at: form.subjectKey).id == "number")
    }

    @Test(
        "each mistake is reported at the text it is about, with advice",
        arguments: [
            (
                "label: Points, min", "lable: Points, min", "lable",
                "Unknown key 'lable' in a field. Did you mean 'label'?"
            ),
            (
                "type: integer, label: Points", "type: interger, label: Points", "interger",
                "Unknown type 'interger'. Did you mean 'integer'?"
            ),
            (
                "list: levels, label: Level", "list: level, label: Level", "level, label",
                "There is no list 'level' in 'lists'. Did you mean 'levels'?"
            ),
            ("min: 0, max: 12", "min: 13, max: 12", "13", "'min' (13) is above 'max' (12)"),
            (
                "{id: checked, type: yes-no", "{id: points, type: yes-no", "{id: points, type: yes-no",
                "Two fields here have the id 'points' (the first on line 14)"
            ),
            (
                "relevant: dbs.checked", "relevant: dbs.chekced", "dbs.chekced",
                "The section 'dbs' has no field 'chekced'. Did you mean 'checked'?"
            ),
            (
                "relevant: dbs.checked", "relevant: dbs.checked == 'yes'", "dbs.checked ==",
                "A yes-no cannot be compared with a text"
            ),
            ("relevant: dbs.checked", "relevant: dbs.checked &&", "}", "Expected a value, a name or '('"),
            (
                "relevant: dbs.checked", "relevant: 'present(dbs.checked, 1)'", "present",
                "present takes 1 argument, not 2"
            ),
            (
                "relevant: dbs.checked", "relevant: dbs.level == 'enhance'", "'enhance'",
                "'enhance' is not a choice in the list 'levels'. Did you mean 'enhanced'?"
            ),
            (
                "relevant: dbs.checked", "relevant: dbs.points + 1", "dbs.points +",
                "This must give a yes-no, but it gives a number"
            ),
            (
                "relevant: dbs.checked", "relevant: 'months_betwen(dbs.check_date, dbs.check_date) > 1'",
                "months_betwen", "Unknown function 'months_betwen'. Did you mean 'months_between'?"
            ),
            ("subject: driver", "subject: drivers", "drivers", "Unknown subject 'drivers'"),
            ("subject-key: dbs.number", "subject-key: dbs.nmber", "dbs.nmber", "'subject-key' must name a field"),
            (
                "label: Checked?}", "label: Checked?, list: levels}", "list",
                "'list' only applies to choice and multi-choice fields"
            ),
            (
                "{id: checked, type: yes-no", "{id: Checked, type: yes-no", "Checked",
                "must start with a lowercase letter"
            ),
            ("title: Test", "title: Test\nsurprise: 1", "surprise", "Unknown key 'surprise' in a form"),
            (
                "label: Checked?}", "label: Checked?, autocomplete: nmae}", "autocomplete",
                "Unknown autocomplete 'nmae'. Did you mean 'name'?"
            ),
            (
                "label: Points, min", "label: Points, autocomplete: name, min", "autocomplete",
                "'autocomplete' only applies to text, email and phone fields"
            ),
            (
                "relevant: dbs.checked", "relevant: max(dbs.check_date, dbs.check_date) > dbs.check_date",
                ", dbs.check_date) >", "put the expression in quotes"
            ),
        ])
    func lint(original: String, broken: String, needle: String, message: String) throws {
        let text = Self.valid.replacingOccurrences(of: original, with: broken)
        #expect(text != Self.valid, "the test's original text is not in the form")
        let problems = formProblems(text)
        let problem = try #require(problems.first(where: { $0.message.contains(message) }), "\(problems)")
        let brokenLine = try #require(broken.components(separatedBy: "\n").last)
        let fragment = try #require(text.range(of: brokenLine)).lowerBound
        let lineStart = text[..<fragment].lastIndex(of: "\n").map { text.index(after: $0) } ?? text.startIndex
        let within = try #require(mark(of: needle, in: String(text[lineStart...]), file: "test-form.yaml"))
        let lineOffset = text[..<lineStart].count(where: { $0 == "\n" })
        #expect(
            problem.mark == SourceMark(file: within.file, line: within.line + lineOffset, column: within.column),
            "\(problem)")
    }

    @Test("a broken definition reports every problem at once")
    func everyProblemAtOnce() throws {
        let problems = FormCatalog.load(formsDirectory: Paths.examples + "/broken-forms")
        guard case .failure(let errors) = problems else {
            Issue.record("the broken forms loaded")
            return
        }
        #expect(errors.problems.count == 7)
        #expect(errors.problems.map(\.mark.line) == [14, 18, 19, 20, 20, 24, 25])
        #expect(errors.problems.allSatisfy { $0.mark.file.hasSuffix("broken-forms/taxi-driver-application.yaml") })
        #expect(errors.problems.contains { $0.message.contains("not a valid regular expression") })
    }

    @Test("a form must live in a file named after its id")
    func fileName() {
        let problems = formProblems(Self.valid, file: "Forms/other.yaml")
        #expect(
            problems.map(\.message) == [
                "The form 'test-form' must be in a file named 'test-form.yaml', not 'other.yaml'."
            ])
    }

    @Test("missing keys are named")
    func missingKeys() {
        let problems = formProblems("form: test-form\nversion: '1'\n")
        #expect(
            problems.map(\.message).sorted() == [
                "A form needs 'sections'.", "A form needs 'subject'.", "A form needs 'subject-key'.",
                "A form needs 'title'.",
            ])
    }

    @Test("a repeat needs fields and cannot hold another repeat; min-items above max-items is caught")
    func repeats() {
        let text =
            Self.valid + """

                      - id: sessions
                        type: repeat
                        label: Sessions
                        min-items: 3
                        max-items: 2
                        fields:
                          - {id: inner, type: repeat, label: Inner, fields: [{id: x, type: text, label: X}]}
                      - {id: empty, type: repeat, label: Empty}
                """
        let messages = formProblems(text).map(\.message)
        #expect(messages.contains("'min-items' (3) is above 'max-items' (2)."))
        #expect(messages.contains("A repeat cannot hold another repeat: give the inner one its own section."))
        #expect(messages.contains("A repeat needs 'fields': the questions asked for each item."))
    }

    @Test("a problem inside a multi-line expression is placed on its own line")
    func multiLineExpression() throws {
        let text = Self.valid.replacingOccurrences(
            of: "relevant: dbs.checked}",
            with:
                "relevant: dbs.checked}\n      - id: later\n        type: text\n        label: Later\n        relevant: >\n          dbs.checked &&\n          dbs.pionts > 3"
        )
        let problem = try #require(formProblems(text).first)
        #expect(problem.mark == SourceMark(file: "test-form.yaml", line: 22, column: 11))
        #expect(problem.message.contains("no field 'pionts'"))
    }

    @Test(
        "the project's forms load without a problem", arguments: ["section11-school-return", "taxi-driver-application"])
    func projectForms(id: String) throws {
        let form = try #require(projectCatalog.forms[id])
        #expect(form.file.hasSuffix("Forms/\(id).yaml"))
        #expect(form.sections.allSatisfy { $0.source != nil }, "every section cites its source")
    }
}
