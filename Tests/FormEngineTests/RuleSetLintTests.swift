import FormEngine
import Foundation
import Testing

@Suite("Rule sets: loading and lint, each problem at its line and column in the rule file")
struct RuleSetLintTests {
    /// A small valid rule set for the project's taxi form that each test breaks in one place.
    static let valid = """
        rules-for: taxi-driver-application
        parameters:
          recheck_months: {value: 6, source: DfT 2020}
          workforce: {value: other-workforce, list: dbs-workforces, source: DfT 2020}
          periods: {value: {violence: 10}, keys: offence-categories, source: IoL 2018}
        let:
          age: years_between(applicant.date_of_birth, application.date)
        rules:
          - id: taxi.recheck
            title: taxi.recheck
            severity: error
            when: present(dbs.issue_date)
            check: add_months(dbs.issue_date, params.recheck_months) >= application.date
            message: "The certificate is {months_between(dbs.issue_date, application.date)} months old."
            source: DfT 2020
          - id: taxi.violence
            title: taxi.violence
            severity: refer
            for-each: r in convictions.records
            when: r.category == 'violence'
            check: add_years(r.date, params.periods['violence']) <= application.date
            message: "Violence on {r.date}."
            source: IoL 2018
        tests:
          - name: old certificate
            as_of: 2026-10-20
            answers: {application: {date: 2026-10-01}, dbs: {issue_date: 2025-01-01}}
            expect: [{rule: taxi.recheck, severity: error, path: /dbs/issue_date}]
        """

    /// The valid rule set with `original` replaced by `changed`, recording an issue if `original` is not in it.
    static func valid(
        replacing original: String, with changed: String, sourceLocation: SourceLocation = #_sourceLocation
    ) -> String {
        let text = valid.replacingOccurrences(of: original, with: changed)
        #expect(text != valid, "the test's original text is not in the rule set", sourceLocation: sourceLocation)
        return text
    }

    static func load(_ text: String) -> Result<RuleSet, DefinitionErrors> {
        RuleSet.load(bytes: Array(text.utf8), file: "taxi-driver-application.rules.yaml", forms: projectCatalog.forms)
    }

    @Test("the valid rule set loads with its parameters, rules and tests")
    func validLoads() throws {
        let ruleSet = try Self.load(Self.valid).get()
        #expect(ruleSet.formID == "taxi-driver-application")
        #expect(ruleSet.parameters.map(\.name) == ["recheck_months", "workforce", "periods"])
        #expect(ruleSet.parameters[1].type == .choice("dbs-workforces"))
        #expect(ruleSet.parameters[2].type == .map(.number))
        #expect(ruleSet.rules.map(\.id) == ["taxi.recheck", "taxi.violence"])
        #expect(ruleSet.rules[1].severity == .refer)
        #expect(ruleSet.tests.count == 1)
        #expect(ruleSet.hash.count == 64)
    }

    @Test(
        "each mistake is reported at the text it is about",
        arguments: [
            (
                "dbs.issue_date, params", "dbs.isue_date, params", "dbs.isue_date",
                "The section 'dbs' has no field 'isue_date'. Did you mean 'issue_date'?"
            ),
            (
                ">= application.date\n", ">= 6\n", "add_months(dbs.issue_date",
                "'>=' compares two numbers or two dates, not a date and a number."
            ),
            (
                "check: add_months(", "check: add_months((", ", params.recheck_months) >=",
                "Expected ')', but found ','."
            ),
            (
                "check: add_months(", "check: add_month(", "add_month(",
                "Unknown function 'add_month'. Did you mean 'add_months'?"
            ),
            (
                "add_months(dbs.issue_date, params.recheck_months)", "add_months(dbs.issue_date)",
                "add_months(dbs.issue_date)", "add_months takes 2 arguments, not 1"
            ),
            (
                "params.recheck_months)", "params.recheck_month)", "params.recheck_month",
                "Unknown parameter 'recheck_month'. Did you mean 'recheck_months'?"
            ),
            (
                "value: other-workforce", "value: other-worforce", "other-worforce",
                "'other-worforce' is not a choice in the list 'dbs-workforces'."
            ),
            (
                "{violence: 10}", "{violense: 10}", "violense",
                "'violense' is not a choice in the list 'offence-categories'. Did you mean 'violence'?"
            ),
            (
                "r in convictions.records", "r in convictions.any", "r in convictions.any",
                "'convictions.any' is not a repeat of the form."
            ),
            (
                "r.category == 'violence'", "r.category == 'violent'", "'violent'",
                "'violent' is not a choice in the list 'offence-categories'. Did you mean 'violence'?"
            ),
            (
                "\"Violence on {r.date}.\"", "\"Violence on {r.dat}.\"", "r.dat}",
                "The items of '/convictions/records' have no field 'dat'. Did you mean 'date'?"
            ),
            ("\"Violence on {r.date}.\"", "\"Violence on {r.date.\"", "{r.date", "This '{' has no closing '}'."),
            ("severity: refer", "severity: refers", "refers", "Unknown severity 'refers'."),
            ("    title: taxi.violence\n", "", "id: taxi.violence", "A rule needs 'title'."),
            (
                "id: taxi.violence", "id: taxi.recheck", "taxi.recheck\n    title: taxi.violence",
                "Two rules have the id 'taxi.recheck'"
            ),
            (
                "{rule: taxi.recheck,", "{rule: taxi.rechek,", "taxi.rechek",
                "There is no rule 'taxi.rechek' in this set. Did you mean 'taxi.recheck'?"
            ),
            ("as_of: 2026-10-20", "as_of: 20/10/2026", "20/10/2026", "'as_of' must be a date written YYYY-MM-DD"),
            (
                "rules-for: taxi-driver-application", "rules-for: taxi-driver-aplication", "taxi-driver-aplication",
                "There is no form 'taxi-driver-aplication'. Did you mean 'taxi-driver-application'?"
            ),
            ("age: years_between", "dbs: years_between", "dbs: years", "'dbs' is already the name of a section"),
            ("age: years_between", "Age: years_between", "Age", "must start with a lowercase letter"),
            (
                "    source: IoL 2018\ntests", "    source: IoL 2018\n    sourse: x\ntests", "sourse",
                "Unknown key 'sourse' in a rule. Did you mean 'source'?"
            ),
            (
                "recheck_months: {value: 6, source: DfT 2020}", "recheck_months: {value: 6}", "{value: 6}",
                "The parameter 'recheck_months' needs 'source'."
            ),
            (
                "answers: {application", "file: tests/nowhere.yaml\n    answers: {application", "name: old certificate",
                "A test needs its answers: either 'answers' or 'file', not both."
            ),
        ])
    func lint(original: String, broken: String, needle: String, message: String) throws {
        let text = Self.valid(replacing: original, with: broken)
        guard case .failure(let errors) = Self.load(text) else {
            Issue.record("the broken rule set loaded")
            return
        }
        let problem = try #require(errors.problems.first(where: { $0.message.contains(message) }), "\(errors.problems)")
        #expect(problem.mark == mark(of: needle, in: text, file: "taxi-driver-application.rules.yaml"), "\(problem)")
    }

    @Test("a problem inside a folded multi-line check is placed on its own line")
    func foldedCheck() throws {
        let text = Self.valid(
            replacing: "check: add_months(dbs.issue_date, params.recheck_months) >= application.date",
            with:
                "check: >\n      add_months(dbs.issue_date, params.recheck_months) >= application.date\n      || dbs.last_staus_check >= application.date"
        )
        guard case .failure(let errors) = Self.load(text) else {
            Issue.record("the broken rule set loaded")
            return
        }
        #expect(
            errors.problems.map(\.mark) == [
                SourceMark(file: "taxi-driver-application.rules.yaml", line: 15, column: 10)
            ])
        #expect(errors.problems.first?.message.contains("Did you mean 'last_status_check'?") == true)
    }

    @Test("a message written over several lines reads as one line, with the values filled in")
    func foldedMessage() throws {
        let text = Self.valid(
            replacing: "message: \"The certificate is {months_between(dbs.issue_date, application.date)} months old.\"",
            with:
                "message: |\n      The\tcertificate   is\n      {months_between(dbs.issue_date, application.date)}\n        months old.  \n"
        )
        let ruleSet = try Self.load(text).get()
        let form = try #require(projectCatalog.forms["taxi-driver-application"])
        let validator = Validator(catalog: FormCatalog(forms: [form], ruleSets: [ruleSet]))
        let answers = "form: taxi-driver-application\napplication: {date: 2026-10-01}\ndbs: {issue_date: 2025-01-01}\n"
        let evaluation = validator.evaluate(Array(answers.utf8), file: "a.yaml", asOf: Day(iso: "2026-10-20")!)
        let finding = try #require(evaluation.findings.first { $0.rule == "taxi.recheck" })
        #expect(finding.message == "The certificate is 21 months old.")
    }

    @Test("a rule set must be named after its form")
    func fileName() {
        guard
            case .failure(let errors) = RuleSet.load(
                bytes: Array(Self.valid.utf8), file: "Rules/taxi.yaml", forms: projectCatalog.forms)
        else {
            Issue.record("a misnamed rule set loaded")
            return
        }
        #expect(
            errors.problems.map(\.message) == [
                "The rules for 'taxi-driver-application' must be in a file named 'taxi-driver-application.rules.yaml', not 'taxi.yaml'."
            ])
    }
}
