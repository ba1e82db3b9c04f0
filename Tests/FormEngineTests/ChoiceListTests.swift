import FormEngine
import Testing

@Suite("Choice lists: an answer names an option by its value, or its value or label in any case")
struct ChoiceListTests {
    /// A list of `count` options, `value-N` labelled `Label N`, with the value `value-1` given twice.
    func list(of count: Int) -> ChoiceList {
        let options = (1...count).map { ChoiceOption(value: "value-\($0)", label: "Label \($0)") }
        return ChoiceList(
            id: "l", options: options + [ChoiceOption(value: "value-1", label: "Again")],
            mark: SourceMark(file: "f.yaml", line: 1, column: 1))
    }

    @Test("lists short and long answer alike", arguments: [3, 8, 9, 40])
    func lookUp(count: Int) {
        let choices = list(of: count)
        #expect(choices.option(matching: "value-\(count)")?.label == "Label \(count)")
        #expect(choices.option(matching: "VALUE-2")?.value == "value-2")
        #expect(choices.option(matching: "label 3")?.value == "value-3")
        #expect(choices.option(matching: "value-1")?.label == "Label 1")
        #expect(choices.option(matching: "value-\(count + 1)") == nil)
        #expect(choices.label(for: "value-2") == "Label 2")
        #expect(choices.label(for: "value-1") == "Label 1")
        #expect(choices.label(for: "unknown") == "unknown")
    }

    @Test("a value written with other but equivalent Unicode (é as e and a combining accent) names its option")
    func equivalentUnicode() {
        let list = ChoiceList(
            id: "l", options: [ChoiceOption(value: "caf\u{E9}", label: "Caf\u{E9}")],
            mark: SourceMark(file: "f.yaml", line: 1, column: 1))
        #expect(list.option(matching: "cafe\u{301}")?.value == "caf\u{E9}")
        #expect(list.label(for: "cafe\u{301}") == "Caf\u{E9}")
    }

    @Test(
        "GIAS's types of establishment name the school form's types",
        arguments: [
            ("Community school", "community"), ("Academy converter", "academy"), ("Academy sponsor led", "academy"),
            ("Free schools", "free-school"), ("Community special school", "special"),
            ("Foundation special school", "special"), ("Other independent school", "independent"),
            ("Voluntary aided school", "voluntary-aided"), ("Pupil referral unit", "pupil-referral-unit"),
        ])
    func describedByTheRegister(gias: String, expected: String) throws {
        let types = try #require(projectCatalog.forms["section11-school-return"]?.lists["establishment-types"])
        #expect(types.option(describedBy: gias)?.value == expected, "\(gias)")
        #expect(
            types.option(describedBy: "University technical college") == nil, "no type of the form's: left to choose")
    }
}
