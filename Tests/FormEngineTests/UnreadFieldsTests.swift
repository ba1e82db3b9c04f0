import FormEngine
import Foundation
import TestSupport
import Testing

@Suite("forms check finds the questions whose answers nothing reads")
struct UnreadFieldsTests {
    static let form = """
        form: test-form
        version: "1"
        title: Test
        subject: driver
        subject-key: who.number
        sections:
          - id: who
            title: Who
            fields:
              - {id: number, type: driver-number, label: Driving licence number}
              - {id: points, type: integer, label: Penalty points}
              - {id: nickname, type: text, label: Nickname}
              - {id: phone, type: phone, label: Phone, kept: To call them}
              - {id: abroad, type: yes-no, label: Lived abroad?}
              - {id: where, type: text, label: Where, relevant: who.abroad}
              - id: records
                type: repeat
                label: Records
                fields:
                  - {id: date, type: date, label: Date}
                  - {id: note, type: text, label: Note}
              - id: notes
                type: repeat
                label: Notes
                fields:
                  - {id: text, type: text, label: Text}
        """
    static let rules = """
        rules-for: test-form
        rules:
          - id: test.points
            title: test.points
            severity: refer
            when: present(who.points)
            check: who.points < 7
            message: "{who.points} points"
            source: a test
          - id: test.records
            title: test.records
            severity: error
            for-each: r in who.records
            check: present(r.date)
            message: no date
            source: a test
        """

    @Test("read by a rule, a message, a field's logic, a for-each or the subject: not listed; kept: not listed")
    func unread() throws {
        let form = try loadForm(Self.form)
        let ruleSet = try RuleSet.load(
            bytes: Array(Self.rules.utf8), file: "test-form.rules.yaml", forms: [form.id: form], includingTests: false
        ).get()
        let catalog = FormCatalog(forms: [form], ruleSets: [ruleSet])
        #expect(
            catalog.unreadFields(of: form).map(\.path) == [
                "who.nickname", "who.where", "who.records.note", "who.notes",
            ], "a repeat nothing reads is listed once, not each of its questions")
        #expect(catalog.unreadFields(of: form).first?.field.label == "Nickname")
    }

    @Test("the project's forms: every question is read by something, or kept with a reason")
    func project() {
        let catalog = try! FormCatalog.load(
            formsDirectory: Paths.forms, rulesDirectory: Paths.root + "/Rules"
        ).get()
        for form in catalog.forms.values {
            #expect(catalog.unreadFields(of: form).isEmpty, "\(form.id): \(catalog.unreadFields(of: form).map(\.path))")
        }
    }
}
