import FormEngine
import Foundation
import TestSupport
import Testing

@Suite("No input crashes or hangs the pipeline")
struct HostileInputTests {
    static let examples: [String] = [
        "returns/oakfield-primary.yaml", "returns/riverside-broken.yaml", "returns/hillcrest-junior.json",
        "applications/amir-patel-renewal.yaml", "applications/beth-jones-incomplete.yaml",
        "applications/carl-mason-refer.json",
    ]

    @Test("every truncation of every example is read, bound and ruled on without a crash", arguments: examples)
    func truncations(example: String) throws {
        let bytes = try FileBytes.read(Paths.examples + "/" + example).get().bytes
        let validator = Validator(catalog: catalog)
        for length in stride(from: 0, to: bytes.count, by: 7) {
            let evaluation = validator.evaluate(
                Array(bytes.prefix(length)), file: "cut.yaml", asOf: Day(iso: "2026-10-20")!)
            #expect(evaluation.findings.allSatisfy { $0.mark.map { $0.line >= 1 && $0.column >= 1 } ?? true })
        }
    }

    @Test("random corruptions of every example are handled", arguments: examples)
    func corruptions(example: String) throws {
        let bytes = try FileBytes.read(Paths.examples + "/" + example).get().bytes
        let validator = Validator(catalog: catalog)
        var random = SplitMix(seed: UInt64(bytes.count))
        let replacements = Array(":-[]{},'\"\n #&*!|>0aZ".utf8) + [0x00, 0xFF]
        for _ in 0..<300 {
            var mutated = bytes
            for _ in 0..<(1 + Int(random.next() % 4)) {
                let index = Int(random.next() % UInt64(mutated.count))
                mutated[index] = replacements[Int(random.next() % UInt64(replacements.count))]
            }
            let evaluation = validator.evaluate(mutated, file: "corrupt.yaml", asOf: Day(iso: "2026-10-20")!)
            #expect(evaluation.decision == .rejected || evaluation.form != nil)
        }
    }

    @Test("answers of the wrong shape everywhere are findings, not crashes")
    func wrongShapes() {
        for answer in [
            "[1, 2]", "{a: 1}", "''", "~", "[[[]]]", "{}", "[]", "'\\u0000'", String(repeating: "9", count: 40),
        ] {
            var text = "form: taxi-driver-application\n"
            let form = catalog.forms["taxi-driver-application"]!
            for section in form.sections {
                text += "\(section.id):\n"
                for field in section.fields { text += "  \(field.id): \(answer)\n" }
            }
            let evaluation = Validator(catalog: catalog).evaluate(
                Array(text.utf8), file: "shapes.yaml", asOf: Day(iso: "2026-10-20")!)
            #expect(evaluation.decision == .rejected, "\(answer)")
        }
    }

    @Test("expressions too long or too deep are load errors, not stack overflows")
    func pathologicalExpressions() throws {
        let form = FormDefinitionLintTests.valid
        let deepNot = form.replacingOccurrences(
            of: "relevant: dbs.checked", with: "relevant: '" + String(repeating: "!", count: 90_000) + "dbs.checked'")
        #expect(formProblems(deepNot).first?.message.contains("too") == true)
        let longSum = form.replacingOccurrences(
            of: "relevant: dbs.checked",
            with: "relevant: '" + Array(repeating: "dbs.points", count: 7_000).joined(separator: " + ") + " > 1'")
        #expect(formProblems(longSum).first?.message.contains("too long") == true)
        let deepParens = form.replacingOccurrences(
            of: "relevant: dbs.checked",
            with: "relevant: '" + String(repeating: "(", count: 45_000) + "dbs.checked"
                + String(repeating: ")", count: 45_000) + "'")
        #expect(formProblems(deepParens).first?.message.contains("too") == true)
    }

    @Test("a named value with nested lambdas evaluates in its own slots")
    func nestedLambdasInLet() throws {
        let rules = """
            rules-for: section11-school-return
            let:
              reached_year_7: any(cse.sessions, s -> any(s.year_groups, y -> y == 'year-7'))
            rules:
              - id: s11.year-7
                title: s11.year-7
                severity: warning
                for-each: x in cse.sessions
                check: reached_year_7 || x.audience != 'pupils'
                message: No Year 7 reached.
                source: test
            """
        let ruleSet = try RuleSet.load(
            bytes: Array(rules.utf8), file: "section11-school-return.rules.yaml", forms: catalog.forms
        ).get()
        let withRule = FormCatalog(forms: Array(catalog.forms.values), ruleSets: [ruleSet])
        let text =
            "form: section11-school-return\ncse:\n  delivered: yes\n  sessions:\n    - {audience: pupils, year_groups: [year-8], date: 2026-01-01}\n"
        let evaluation = Validator(catalog: withRule).evaluate(
            Array(text.utf8), file: "s.yaml", asOf: Day(iso: "2026-07-15")!)
        #expect(evaluation.findings.filter { $0.rule == "s11.year-7" }.map(\.path) == ["/cse/sessions/0/audience"])
    }
}

@Suite("Field logic on the real forms")
struct ProjectFieldLogicTests {
    @Test("an answer to a question that does not apply is kept and warned about, not dropped")
    func notApplicable() throws {
        let evaluation = validate(
            """
            form: taxi-driver-application
            dbs:
              update_service: no
              last_status_check: 2026-05-01
            """)
        let finding = try #require(evaluation.findings.first { $0.rule == "field.not-applicable" })
        #expect(finding.severity == .warning)
        #expect(finding.path == "/dbs/last_status_check")
        #expect(finding.mark?.line == 4)
        #expect(
            finding.message
                == "\"Date of the last Update Service status check\" does not apply, because \"Is the applicant subscribed to the DBS Update Service?\" is no; its answer is kept but not used."
        )
        #expect(String(decoding: evaluation.received, as: UTF8.self).contains("last_status_check: 2026-05-01"))
    }

    @Test("a constraint's own message is shown, with the values it read")
    func constraint() throws {
        let evaluation = validate(
            """
            form: section11-school-return
            staff: {staff_total: 30, staff_trained: 45}
            """)
        let finding = try #require(evaluation.findings.first { $0.rule == "field.constraint" })
        #expect(
            finding.message == "The number of staff trained cannot be more than the number of staff the school employs."
        )
        #expect(finding.path == "/staff/staff_trained")
        let values = Dictionary(finding.values.map { ($0.name, $0.value) }, uniquingKeysWith: { a, _ in a })
        #expect(values["staff.staff_trained"] == .number(45))
        #expect(values["staff.staff_total"] == .number(30))
    }

    @Test("a conditionally required answer says why it is required")
    func conditionallyRequired() throws {
        let evaluation = validate(
            """
            form: taxi-driver-application
            register: {searched: yes, result: match}
            """)
        let messages = evaluation.findings.filter { $0.rule == "field.required" }.map(\.message)
        #expect(
            messages.contains(
                "\"Date of the search\" needs an answer, because \"Has the national register been searched?\" is yes."))
        #expect(
            messages.contains(
                "\"Authority and decision recorded\" needs an answer, because \"Result of the search\" is A record was found."
            ))
    }
}
