import FormEngine
import Foundation
import TestSupport
import Testing

@Suite("The answers' tree made from the values is the tree their stored JSON reads back as")
struct AnswersNodeTests {
    /// A node's content as text, positions left out: a scalar with `'` when quoted, a mapping's keys in order.
    static func shape(_ node: Node) -> String {
        switch node.content {
        case .scalar(let scalar): return scalar.isPlain ? scalar.text.debugDescription : "'" + scalar.text + "'"
        case .sequence(let items): return "[" + items.map(shape).joined(separator: ",") + "]"
        case .mapping(let entries):
            return "{" + entries.map { $0.key.debugDescription + ":" + shape($0.value) }.joined(separator: ",") + "}"
        }
    }

    /// Expects `node(of:)` and `StoredJSON.read(json(of:))` alike for the evaluation's answers; false when it had
    /// none.
    @discardableResult
    static func expectAlike(_ evaluation: Evaluation, _ name: String) -> Bool {
        guard let form = evaluation.form, let answers = evaluation.answers else { return false }
        guard let read = StoredJSON.read(form.json(of: answers)) else {
            Issue.record("\(name): its JSON does not read back")
            return false
        }
        #expect(shape(form.node(of: answers)) == shape(read), "\(name)")
        return true
    }

    @Test("every example of the project's forms")
    func examples() throws {
        var compared = 0
        for folder in ["applications", "returns"] {
            for name in try FileManager.default.contentsOfDirectory(atPath: Paths.examples + "/" + folder) {
                let evaluation = Validator(catalog: catalog).evaluate(
                    path: Paths.examples + "/\(folder)/\(name)", asOf: Day(iso: "2026-07-15")!)
                if Self.expectAlike(evaluation, name) { compared += 1 }
            }
        }
        #expect(compared >= 7, "the examples that can be read")
    }

    @Test(
        "every type of answer: numbers whole and not, dates, choices, lists, repeats, text with quotes, lines and NUL",
        arguments: [
            "all: {driver: PATEL702238AP9AB, items: [{name: one}]}",
            """
            all:
              text: "a\\"b"
              code: ABC-12
              notes: "line one\\nline \\u0000two ünïcode ☃"
              count: 7
              rate: 0.75
              flag: yes
              day: 2026-07-15
              colour: dark-blue
              colours: [red, green]
              email: Someone@Example.org
              phone: 01604 123456
              postcode: nn1 1aa
              urn: "121734"
              dbs: "001234567890"
              driver: PATEL702238AP9AB
              ni: QQ123456C
              items:
                - {name: one, kind: dark-blue, shade: navy, note: deep}
                - {name: "two, \\"quoted\\""}
                - {}
            """,
            "all: {driver: PATEL702238AP9AB, count: 99, rate: 1e20, day: not-a-date, flag: perhaps, items: [x, {name: [a]}]}",
        ])
    func everyType(_ text: String) {
        let evaluation = everyTypeValidator.evaluate(
            Array(("form: every-type\n" + text).utf8), file: "t.yaml", asOf: Day(iso: "2026-07-15")!)
        #expect(Self.expectAlike(evaluation, text))
    }
}
