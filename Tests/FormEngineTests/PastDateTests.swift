import FormEngine
import Foundation
import Testing

@Suite("A date of something already done cannot be after the day of checking")
struct PastDateTests {
    /// A form with a past date, a date that may be to come, and a repeat of past dates.
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
              - {id: trained, type: date, past: yes, label: Date the training was completed}
              - {id: ban_ends, type: date, label: Date the ban ends}
              - id: checks
                type: repeat
                label: Checks
                fields:
                  - {id: on, type: date, past: yes, label: Date of the check}
        """

    @Test(
        "a past date after the day of checking is an error naming both days; one on that day, or a date to come, is not"
    )
    func future() throws {
        let validator = Validator(catalog: FormCatalog(forms: [try loadForm(Self.form)]))
        let text = """
            form: test-form
            who:
              number: PATEL702238AP9AB
              trained: 2026-10-21
              ban_ends: 2030-01-01
              checks:
                - {on: 2026-10-20}
                - {on: 2027-01-01}
            """
        let evaluation = validator.evaluate(Array(text.utf8), file: "a.yaml", asOf: Day(iso: "2026-10-20")!)
        #expect(evaluation.findings.map(\.path) == ["/who/trained", "/who/checks/1/on"])
        #expect(evaluation.findings.allSatisfy { $0.rule == "field.future" && $0.severity == .error })
        #expect(
            evaluation.findings.first?.message
                == "\"Date the training was completed\" is 21 October 2026, after the day this is checked "
                + "(20 October 2026). It is the date of something already done: check it.")
        #expect(evaluation.findings.first?.check == .future(asOf: Day(iso: "2026-10-20")!))
        #expect(evaluation.findings.first?.mark?.line == 4)
        #expect(evaluation.decision == .rejected)
    }

    @Test("past is for a date field, and is yes or no")
    func lint() {
        let problems = formProblems(
            Self.form.replacingOccurrences(of: "type: driver-number,", with: "type: driver-number, past: yes,")
                .replacingOccurrences(
                    of: "type: date, label: Date the ban", with: "type: date, past: soon, label: Date the ban"))
        #expect(
            problems.map(\.message) == [
                "'past' only applies to date fields, not to a driver-number field.",
                "'past' is yes or no: yes for the date of something already done, which cannot be after the day the "
                    + "submission is checked.",
            ])
    }

    @Test(
        "in the project's forms, every date of something done is past; the end of a sentence or of permission to stay may be to come"
    )
    func projectForms() {
        for form in projectCatalog.forms.values {
            for section in form.sections {
                for field in section.fields + section.fields.flatMap(\.fields) where field.type == .date {
                    #expect(
                        field.past == !["sentence_end", "leave_ends"].contains(field.id),
                        "\(form.id) \(section.id).\(field.id)")
                }
            }
        }
    }
}
