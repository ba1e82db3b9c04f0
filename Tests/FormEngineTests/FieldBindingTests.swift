import FormEngine
import Testing

@Suite("Field checks: good and bad answers for every field type")
struct FieldBindingTests {
    static let validator = everyTypeValidator

    /// Validates one answer to `all.<field>` (a YAML fragment) in an otherwise minimal submission.
    static func evaluate(_ field: String, _ answer: String) -> Evaluation {
        let items = field == "items" ? "  count: 1\n" : "  items: [{name: one}]\n"
        let text = "form: every-type\nall:\n  driver: PATEL702238AP9AB\n" + items + "  \(field): \(answer)\n"
        return validator.evaluate(Array(text.utf8), file: "answer.yaml", asOf: Day(iso: "2026-07-15")!)
    }

    /// The value an answer binds to.
    static func value(_ field: String, _ answer: String) -> Value? {
        let evaluation = evaluate(field, answer)
        guard let form = evaluation.form, let index = form.sections[0].fields.firstIndex(where: { $0.id == field })
        else { return nil }
        return evaluation.answers?[0, index]
    }

    @Test(
        "an answer read straight from its bytes binds as the same answer read through its text",
        arguments: [
            ("flag", "yes"), ("flag", "YES"), ("flag", "True"), ("flag", "no"), ("flag", "FaLsE"), ("flag", "yep"),
            ("flag", "n"), ("flag", "nul"), ("day", "2017-03-31"), ("day", "2017-02-30"), ("day", "1999-12-31"),
            ("day", "2017-3-31"), ("count", "7"), ("count", "+7"), ("count", "-0"), ("count", "007"), ("count", "11"),
            ("count", "1e3"), ("count", "99999999999999999999"), ("colour", "red"), ("colour", "dark-blue"),
            ("colour", "Dark Blue"), ("colour", "RED"), ("colour", "purple"), ("colours", "[red, Green, blue]"),
        ])
    func plainAnswersBindAsTheirText(field: String, answer: String) {
        // A space on each side of a quoted answer sends it the general way (read as text, then trimmed): the value,
        // the rules and the messages (but for those spaces) must be the same.
        let spaced =
            answer.hasPrefix("[")
            ? "["
                + answer.dropFirst().dropLast().split(separator: ",").map { "' \($0.trimmingWhitespace) '" }
                .joined(separator: ", ") + "]"
            : "' \(answer) '"
        let (plain, general) = (Self.evaluate(field, answer), Self.evaluate(field, spaced))
        #expect(Self.value(field, answer) == Self.value(field, spaced))
        #expect(plain.findings.map(\.rule) == general.findings.map(\.rule))
        #expect(
            plain.findings.map { $0.message.replacingAll(" ", with: "") }
                == general.findings.map { $0.message.replacingAll(" ", with: "") })
    }

    @Test(
        "good answers bind to typed values",
        arguments: [
            ("text", "abc", Value.text("abc")),
            ("code", "ABC-123", .text("ABC-123")),
            ("notes", "|-\n    two\n    lines", .text("two\nlines")),
            ("count", "7", .number(7)),
            ("count", "007", .number(7)),
            ("rate", "1.25", .number(1.25)),
            ("flag", "yes", .boolean(true)),
            ("flag", "No", .boolean(false)),
            ("flag", "TRUE", .boolean(true)),
            ("flag", "false", .boolean(false)),
            ("day", "2017-03-31", .date(Day(iso: "2017-03-31")!)),
            ("colour", "dark-blue", .text("dark-blue")),
            ("colour", "Dark Blue", .text("dark-blue")),
            ("colours", "[red, green]", .list([.text("red"), .text("green")])),
            ("colours", "red", .list([.text("red")])),
            ("email", "a.b@example.org", .text("a.b@example.org")),
            ("phone", "01604 496000", .text("01604 496000")),
            ("postcode", "nn1 1aa", .text("NN1 1AA")),
            ("urn", "'121734'", .text("121734")),
            ("dfe", "9282123", .text("928/2123")),
            ("dbs", "'001234567890'", .text("001234567890")),
            ("ni", "jg 10 36 81 c", .text("JG103681C")),
            ("text", "", .absent),
            ("text", "'   '", .absent),
            ("count", "~", .absent),
        ])
    func good(field: String, answer: String, expected: Value) {
        let evaluation = Self.evaluate(field, answer)
        #expect(evaluation.findings.isEmpty, "\(evaluation.findings.map(\.message))")
        #expect(Self.value(field, answer) == expected)
    }

    @Test(
        "bad answers are findings at the answer, naming the field by its label",
        arguments: [
            ("text", "a", "field.min-length", "\"Some text\" must be at least 2 characters; it has 1."),
            (
                "notes", "'" + String(repeating: "n", count: 21) + "'", "field.max-length",
                "\"Notes\" must be 20 characters or fewer; it has 21."
            ),
            ("text", "abcdef", "field.max-length", "\"Some text\" must be 5 characters or fewer; it has 6."),
            ("code", "abc-1", "field.pattern", "A code is three capitals, a dash and digits."),
            ("count", "seven", "field.type", "\"A count\" must be a whole number, like 25; \"seven\" is not."),
            ("count", "7.5", "field.type", "\"A count\" must be a whole number, like 25; \"7.5\" is not."),
            ("count", "0", "field.min", "\"A count\" must be 1 or more; 0 is not."),
            ("count", "11", "field.max", "\"A count\" must be 10 or less; 11 is not."),
            ("rate", "nan", "field.type", "\"A rate\" must be a number, like 2.5; \"nan\" is not."),
            ("rate", "1e3", "field.type", "\"A rate\" must be a number, like 2.5; \"1e3\" is not."),
            ("rate", "3", "field.max", "\"A rate\" must be 2.5 or less; 3 is not."),
            ("flag", "y", "field.type", "\"A flag\" must be yes or no; \"y\" is not."),
            (
                "day", "31/03/2017", "field.type",
                "\"A day\" must be a real date written YYYY-MM-DD, like 2017-03-31; write \"31/03/2017\" as 2017-03-31."
            ),
            (
                "day", "2017-02-29", "field.type",
                "\"A day\" must be a real date written YYYY-MM-DD, like 2017-03-31; \"2017-02-29\" is not."
            ),
            (
                "day", "1999-12-31", "field.min",
                "\"A day\" must be on or after 1 January 2000; 31 December 1999 is not."
            ),
            (
                "colour", "blue", "field.list",
                "\"A colour\": \"blue\" is not one of the choices. Choose 'red', 'dark-blue' or 'green'."
            ),
            (
                "colours", "[red, green, dark-blue]", "field.max-items",
                "\"Some colours\" takes at most 2 choices; it has 3."
            ),
            ("colours", "[red, {a: 1}]", "field.type", "Each choice of \"Some colours\" must be a single value."),
            (
                "email", "not-an-email", "field.format",
                "\"Email\" must be an email address, like name@example.org; \"not-an-email\" is not."
            ),
            (
                "phone", "12345", "field.format",
                "\"Phone\" must be a UK phone number, like 01604 123456 or +44 1604 123456; \"12345\" is not."
            ),
            ("postcode", "NN1", "field.format", "\"Postcode\" must be a UK postcode, like NN1 1AA; \"NN1\" is not."),
            ("urn", "1234", "field.format", "\"URN\" must be a URN of 6 digits, like 121234; \"1234\" is not."),
            (
                "dfe", "92/2123", "field.format",
                "\"DfE number\" must be a DfE number: the 3-digit LA code and 4-digit school number, like 928/2001; \"92/2123\" is not."
            ),
            (
                "dbs", "12345", "field.format",
                "\"DBS number\" must be a DBS certificate number of 12 digits, like 001234567890; \"12345\" is not."
            ),
            (
                "ni", "QQ123456C", "field.format",
                "\"NI number\" must be a National Insurance number: 2 letters, 6 digits and A, B, C or D, like AB123456C; \"QQ123456C\" is not."
            ),
            ("text", "[a, b]", "field.type", "\"Some text\" must be a single answer, not a list."),
            (
                "items", "[{name: one}, {name: two}, {name: three}]", "field.max-items",
                "\"Items\" takes at most 2 items; it has 3."
            ),
            (
                "items", "{name: one}", "field.type",
                "\"Items\" must be a list of items, each starting with '- ', not a group of answers (key: value lines)."
            ),
            ("items", "[{kind: red}]", "field.required", "\"Item name\" (item 1) needs an answer."),
            (
                "items", "[{name: x, colour: red}]", "field.unknown",
                "'colour' is not a question in item 1 of \"Items\". Its answer is not read until the name is right."
            ),
            (
                "items", "[{name: x, kind: dark-blue}]", "field.required",
                "\"Shade\" (item 1) needs an answer, because \"Item colour\" is Dark blue."
            ),
            (
                "items", "[{name: x, kind: red, shade: navy}]", "field.not-applicable",
                "\"Shade\" (item 1) does not apply, because \"Item colour\" is red; its answer is kept but not used."
            ),
        ])
    func bad(field: String, answer: String, rule: String, message: String) throws {
        let evaluation = Self.evaluate(field, answer)
        let finding = try #require(
            evaluation.findings.first(where: { $0.rule == rule }), "\(evaluation.findings.map(\.message))")
        #expect(finding.message == message)
        #expect(finding.mark?.line == 5, "the finding points at the answer's line")
        #expect(finding.path.hasPrefix("/all/\(field)"))
        #expect(evaluation.findings.count == 1, "\(evaluation.findings.map(\.message))")
    }

    @Test("an item's answer set aside is no answer to the sub-fields after it, in that item only")
    func setAsideInItemIsSeenAtOnce() {
        let evaluation = Self.evaluate(
            "items",
            "[{name: x, kind: red, shade: navy, note: deep}, {name: y, kind: dark-blue, shade: navy, note: ok}]")
        #expect(
            evaluation.findings.map { "\($0.path) \($0.rule): \($0.message)" } == [
                "/all/items/0/shade field.not-applicable: \"Shade\" (item 1) does not apply, because \"Item colour\" is red; its answer is kept but not used.",
                "/all/items/0/note field.not-applicable: \"Note on the shade\" (item 1) does not apply, because of its condition (present(shade)); its answer is kept but not used.",
            ])
    }

    @Test("a bad answer is treated as no answer by everything after the check")
    func badAnswerIsAbsent() {
        #expect(Self.value("count", "seven") == .absent)
        #expect(Self.value("day", "someday") == .absent)
    }

    @Test("a missing required field is named, with its path, at its section")
    func required() throws {
        let text = "form: every-type\nall:\n  items: [{name: one}]\n"
        let evaluation = Self.validator.evaluate(Array(text.utf8), file: "r.yaml", asOf: Day(iso: "2026-07-15")!)
        let finding = try #require(evaluation.findings.first)
        #expect(finding.rule == "field.required")
        #expect(finding.path == "/all/driver")
        #expect(finding.message == "\"Driver number\" needs an answer.")
        #expect(finding.mark == SourceMark(file: "r.yaml", line: 3, column: 3))
        #expect(finding.ruleMark?.file.hasSuffix("every-type.yaml") == true)
        #expect(evaluation.decision == .rejected)
    }

    @Test("an unknown section and a form without 'form:' are explained")
    func unknownSectionAndForm() throws {
        let text = "form: every-type\nal:\n  text: abc\nall:\n  driver: PATEL702238AP9AB\n  items: [{name: one}]\n"
        let evaluation = Self.validator.evaluate(Array(text.utf8), file: "u.yaml", asOf: Day(iso: "2026-07-15")!)
        #expect(evaluation.findings.map(\.rule) == ["field.unknown"])
        #expect(evaluation.findings.first?.message.contains("Did you mean 'all'?") == true)
        // Without 'form:' (the caller names the form), every other key must still be a section.
        let named = Self.validator.evaluate(
            Array(text.dropFirst("form: every-type\n".count).utf8), file: "n.yaml", asOf: Day(iso: "2026-07-15")!,
            formID: "every-type")
        #expect(named.findings.map(\.rule) == ["field.unknown"])
        #expect(named.findings.first?.mark?.line == 1)

        let missing = Self.validator.evaluate(Array("all: {}\n".utf8), file: "m.yaml", asOf: Day(iso: "2026-07-15")!)
        #expect(missing.findings.map(\.rule) == ["form.missing"])
        let unknown = Self.validator.evaluate(
            Array("form: every-typo\n".utf8), file: "m.yaml", asOf: Day(iso: "2026-07-15")!)
        #expect(unknown.findings.first?.message.contains("Did you mean 'every-type'?") == true)
        let list = Self.validator.evaluate(Array("- a\n".utf8), file: "l.yaml", asOf: Day(iso: "2026-07-15")!)
        #expect(list.findings.map(\.rule) == ["form.shape"])
    }

    @Test(
        "a form id given as a list, a group or nothing is refused where it is written; another form than asked for too")
    func formIDNotAnID() throws {
        let asOf = Day(iso: "2026-07-15")!
        for (text, column) in [("form: [every-type]\n", 7), ("form: {a: every-type}\n", 7), ("form: ~\n", 7)] {
            let evaluation = Self.validator.evaluate(Array(text.utf8), file: "f.yaml", asOf: asOf)
            let finding = try #require(evaluation.findings.first, "\(text)")
            #expect(finding.rule == "form.unknown", "\(text)")
            #expect(finding.message.hasPrefix("'form' must be the id of a form, like 'form: "), "\(text)")
            #expect(finding.mark == SourceMark(file: "f.yaml", line: 1, column: column), "\(text)")
        }
        let named = Self.validator.evaluate(
            Array("form: every-type\nall: {}\n".utf8), file: "f.yaml", asOf: asOf, formID: "every-type")
        #expect(!named.findings.contains { $0.rule.hasPrefix("form.") })
        let other = Self.validator.evaluate(
            Array("form: every-type\n".utf8), file: "f.yaml", asOf: asOf, formID: "some-other-form")
        #expect(other.findings.map(\.rule) == ["form.mismatch"])
        #expect(other.findings.first?.message == "This file answers the form 'every-type', not 'some-other-form'.")
    }

    @Test("a section that is not a group of answers, and an unknown question in one, name the section by its title")
    func sectionNamedByTitle() throws {
        let asOf = Day(iso: "2026-07-15")!
        let scalar = Self.validator.evaluate(Array("form: every-type\nall: yes\n".utf8), file: "s.yaml", asOf: asOf)
        let shape = try #require(scalar.findings.first { $0.path == "/all" })
        #expect(
            shape.message
                == "The section \"All types\" must be a group of 'question: answer' lines, not a single answer.")
        #expect(shape.mark == SourceMark(file: "s.yaml", line: 2, column: 6))
        let text = "form: every-type\nall:\n  driver: PATEL702238AP9AB\n  items: [{name: one}]\n  colur: red\n"
        let unknown = Self.validator.evaluate(Array(text.utf8), file: "q.yaml", asOf: asOf)
        let finding = try #require(unknown.findings.first { $0.rule == "field.unknown" })
        #expect(finding.message.hasPrefix("'colur' is not a question in the section \"All types\"."))
        #expect(finding.mark == SourceMark(file: "q.yaml", line: 5, column: 3))
    }

    @Test(
        "each built-in check says which it is and what it expected, as data a door can word",
        arguments: [
            ("day", "31/03/2017", FieldCheck.type(.date)),
            ("count", "seven", .type(.integer)),
            ("flag", "maybe", .type(.yesNo)),
            ("count", "11", .max(.number(10))),
            ("count", "0", .min(.number(1))),
            ("day", "1999-12-31", .min(.date(Day(iso: "2000-01-01")!))),
            ("text", "a", .minLength(2)),
            ("text", "abcdef", .maxLength(5)),
            ("code", "abc", .pattern),
            ("colour", "purple", .choice(given: "purple", choices: ["red", "dark-blue", "green"])),
            ("colours", "[red, green, dark-blue]", .maxItems(2)),
            ("dbs", "12345", .format(expected: IdentifierFormat.dbsCertificate.expectation)),
            ("items", "{name: one}", .shape),
            ("colur", "red", .unknown(key: "colur", suggestion: "colour")),
        ])
    func checksAsData(field: String, answer: String, check: FieldCheck) throws {
        let finding = try #require(Self.evaluate(field, answer).findings.first { $0.check != nil })
        #expect(finding.check == check)
        #expect(finding.rule == check.rule, "the rule id is the check's")
    }

    @Test("a required question left unanswered, and an answer to one that does not apply, say so as data")
    func requiredAndNotApplicableAsData() throws {
        let missing = Self.validator.evaluate(
            Array("form: every-type\nall:\n  items: [{name: one}]\n".utf8), file: "r.yaml",
            asOf: Day(iso: "2026-07-15")!)
        #expect(missing.findings.map(\.check) == [.required])
        let shade = Self.evaluate("items", "[{name: one, kind: red, shade: navy}]")
        #expect(shade.findings.map(\.check) == [.notApplicable])
    }

    @Test("pointers escape '~' and '/' in keys (RFC 6901)")
    func pointers() {
        #expect(JSONPointer.make(["a/b", "c~d", "0"]) == "/a~1b/c~0d/0")
    }
}
