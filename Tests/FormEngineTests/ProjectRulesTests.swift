import FormEngine
import Foundation
import TestSupport
import Testing

@Suite("The project's rule sets")
struct ProjectRulesTests {
    @Test(
        "every rule set's own tests pass, and every rule is both fired and passed by a test",
        arguments: ["section11-school-return", "taxi-driver-application"])
    func ownTests(formID: String) throws {
        let report = try #require(Validator(catalog: catalog).runTests(forForm: formID))
        #expect(!report.results.isEmpty)
        for failure in report.failures {
            Issue.record(
                "\(failure.test.mark): \(failure.test.name): missing \(failure.missing), unexpected \(failure.unexpected.map { "\($0.rule) \($0.path)" })"
            )
        }
        #expect(report.unfired.map(\.id) == [])
        #expect(report.unpassed.map(\.id) == [])
    }

    @Test(
        "every rule and parameter cites its source", arguments: ["section11-school-return", "taxi-driver-application"])
    func sources(formID: String) throws {
        let ruleSet = try #require(catalog.ruleSets[formID])
        #expect(ruleSet.rules.allSatisfy { !$0.source.isEmpty })
        #expect(ruleSet.parameters.allSatisfy { !$0.source.isEmpty })
    }
}

@Suite("The examples: the decisions DOMAIN.md's facts call for")
struct ExampleDecisionTests {
    static func evaluate(_ path: String, asOf: String) -> Evaluation {
        Validator(catalog: catalog).evaluate(path: Paths.examples + "/" + path, asOf: Day(iso: asOf)!)
    }

    @Test(
        "each example's decision and the rules that fire on it",
        arguments: [
            ("returns/oakfield-primary.yaml", "2026-07-15", Decision.accepted, [String]()),
            (
                "returns/hillcrest-junior.json", "2026-07-15", .accepted,
                [
                    "s11.nothing-quality-assured", "s11.no-missing-education", "s11.no-parents-reached",
                    "s11.no-governors-reached",
                ]
            ),
            (
                "returns/riverside-broken.yaml", "2026-07-15", .rejected,
                [
                    "field.type", "s11.priority-years-not-reached", "field.list", "s11.no-missing-education",
                    "field.required", "s11.no-parents-reached", "field.unknown",
                ]
            ),
            (
                "returns/riverside-corrected.yaml", "2026-07-22", .accepted,
                ["s11.no-missing-education", "s11.no-parents-reached"]
            ),
            ("applications/amir-patel-renewal.yaml", "2026-10-20", .accepted, []),
            (
                "applications/carl-mason-refer.json", "2026-10-20", .referred,
                ["taxi.violence-within-period", "taxi.pending-charge"]
            ),
            (
                "applications/beth-jones-incomplete.yaml", "2026-10-20", .rejected,
                [
                    "field.required", "taxi.dbs-barred-lists", "field.format", "taxi.dbs-not-enhanced",
                    "taxi.dbs-workforce",
                    "taxi.register-not-searched", "taxi.training-missing", "field.type", "taxi.documents-missing",
                ]
            ),
        ])
    func decision(path: String, asOf: String, decision: Decision, rules: [String]) {
        let evaluation = Self.evaluate(path, asOf: asOf)
        #expect(evaluation.decision == decision)
        #expect(evaluation.findings.map(\.rule) == rules)
        #expect(evaluation.ruleSetHash?.count == 64)
    }

    @Test("a rule finding carries the values its check saw and where the rule is defined")
    func explained() throws {
        let evaluation = Self.evaluate("applications/carl-mason-refer.json", asOf: "2026-10-20")
        let violence = try #require(evaluation.findings.first { $0.rule == "taxi.violence-within-period" })
        #expect(violence.path == "/convictions/records/0/date")
        #expect(
            violence.mark
                == SourceMark(file: Paths.examples + "/applications/carl-mason-refer.json", line: 20, column: 63))
        #expect(violence.ruleMark?.file.hasSuffix("Rules/taxi-driver-application.rules.yaml") == true)
        #expect(violence.source == "IoL 2018: violence, 10 years (DOMAIN.md 3) [C]")
        #expect(violence.severity == .refer)
        let values = Dictionary(violence.values.map { ($0.name, $0.value) }, uniquingKeysWith: { a, _ in a })
        #expect(values["add_years(max(r.sentence_end, r.date), params.violence_years)"] == .string("2030-02-14"))
        #expect(values["application.date"] == .string("2026-10-08"))
        #expect(values["params.violence_years"] == .number(10))
        #expect(
            violence.message
                == "Convictions, cautions and charges, record 1: Violence (Caution) on 14 February 2020: the 10-year period, from the end of any sentence, ends on 14 February 2030, after this application of 8 October 2026. A caution counts as a conviction."
        )
    }

    @Test("checked for text (rules not explained): the same findings, words and places, without the rules' values")
    func unexplained() throws {
        let path = Paths.examples + "/applications/carl-mason-refer.json"
        let asOf = Day(iso: "2026-10-20")!
        let explained = Validator(catalog: catalog).evaluate(path: path, asOf: asOf)
        let plain = Validator(catalog: catalog, explainingRules: false).evaluate(path: path, asOf: asOf)
        #expect(plain.text() == explained.text())
        #expect(plain.findings.count == explained.findings.count)
        #expect(plain.findings.contains { $0.rule == "taxi.violence-within-period" })
        for (without, with) in zip(plain.findings, explained.findings) {
            let stripped = Finding(
                rule: with.rule, severity: with.severity, path: with.path, message: with.message, mark: with.mark,
                ruleMark: with.ruleMark, source: with.source, check: with.check)
            #expect(without == stripped, "\(with.rule)")
        }
        #expect(explained.findings.contains { $0.rule.hasPrefix("taxi.") && !$0.values.isEmpty })
        #expect(plain.findings.allSatisfy { !$0.rule.hasPrefix("taxi.") || $0.values.isEmpty })
    }

    @Test("the DESIGN.md example: a seven-month-old certificate without a status check, with its values")
    func designExample() throws {
        let text = """
            form: taxi-driver-application
            application: {date: 2017-03-01}
            dbs: {issue_date: 2016-08-01, update_service: "no"}
            """
        let evaluation = Validator(catalog: catalog).evaluate(
            Array(text.utf8), file: "a.yaml", asOf: Day(iso: "2017-03-31")!)
        let finding = try #require(evaluation.findings.first { $0.rule == "taxi.dbs-recheck" })
        #expect(finding.path == "/dbs/issue_date")
        #expect(finding.mark == SourceMark(file: "a.yaml", line: 3, column: 19))
        #expect(
            finding.message
                == "The DBS certificate issued on 1 August 2016 is 7 months old at the application of 1 March 2017, "
                + "and the applicant is not on the DBS "
                + "Update Service, so no status check can keep it current: a certificate more than 6 months old needs "
                + "replacing. Ask for a new certificate.", "one not subscribed is not asked about status checks")
        let values = Dictionary(finding.values.map { ($0.name, $0.value) }, uniquingKeysWith: { a, _ in a })
        #expect(values["add_months(dbs.issue_date, params.dbs_recheck_months)"] == .string("2017-02-01"))
        #expect(values["dbs.issue_date"] == .string("2016-08-01"))
        #expect(values["add_months(dbs.last_status_check, params.dbs_recheck_months)"] == nil)
    }

    @Test("a collection's period replaces the rule set's default")
    func collectionPeriod() throws {
        let path = Paths.examples + "/returns/oakfield-primary.yaml"
        let bytes = try FileBytes.read(path).get().bytes
        let validator = Validator(catalog: catalog)
        let asOf = Day(iso: "2026-07-15")!
        #expect(validator.evaluate(bytes, file: path, asOf: asOf).decision == .accepted)
        let earlier = validator.evaluate(
            bytes, file: path, asOf: asOf,
            parameters: ["period_start": .date(Day(iso: "2024-09-01")!), "period_end": .date(Day(iso: "2025-08-31")!)])
        #expect(
            earlier.findings.filter { $0.rule == "s11.session-outside-period" }.map(\.path) == [
                "/cse/sessions/0/date", "/cse/sessions/1/date", "/missing/sessions/0/date",
            ])
        let wrongType = validator.evaluate(
            bytes, file: path, asOf: asOf, parameters: ["period_start": .text("2024-09-01")])
        #expect(wrongType.decision == .accepted, "a replacement of the wrong type is ignored")
    }
}

@Suite("A rule's message that quotes an answer")
struct QuotedAnswerTests {
    @Test("an answer holding a NUL is quoted with U+FFFD in its place, so that every store can keep the message")
    func nulQuoted() throws {
        let example = try String(contentsOfFile: Paths.examples + "/returns/oakfield-primary.yaml", encoding: .utf8)
        let yaml =
            example
            .replacingOccurrences(of: "deputy_dsl_name: Tom Reid", with: #"deputy_dsl_name: "Tom\0Reid""#)
            .replacingOccurrences(of: "  deputy_dsl_last_training: 2024-11-05\n", with: "")
        #expect(yaml.contains(#""Tom\0Reid""#) && !yaml.contains("deputy_dsl_last_training"))
        let evaluation = Validator(catalog: catalog).evaluate(
            Array(yaml.utf8), file: "nul.yaml", asOf: Day(iso: "2026-07-15")!)
        let finding = try #require(evaluation.findings.first { $0.rule == "s11.deputy-dsl-training-not-given" })
        #expect(finding.message.contains("names a deputy DSL, Tom\u{FFFD}Reid, but not when"), "\(finding.message)")
        #expect(!finding.message.utf8.contains(0))
    }
}
