import ArgumentParser
import FormEngine

/// `safeguard forms`: commands about the form definitions.
struct Forms: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Work with the form definitions.",
        subcommands: [Check.self]
    )

    /// `safeguard forms check`: loads and lints every form and rule set, reporting every problem at once.
    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Load and lint every form and rule set; report every problem at once.",
            discussion: """
                Also lists every question whose answer nothing reads (no rule, no field's logic, no report, not \
                the subject or district): a warning, or with --strict an error. A form keeps such a question \
                for the record by saying why, with 'kept:'. Exit status: 0 all sound, 2 one or more definitions \
                are broken (or, with --strict, a question is read by nothing).
                """
        )

        @OptionGroup var common: CommonOptions
        @Flag(help: "Count a question whose answer nothing reads as an error.")
        var strict = false

        func run() async throws {
            switch FormCatalog.load(
                formsDirectory: try common.formsFolder, rulesDirectory: try common.rulesFolder)
            {
            case .failure(let errors):
                printOut(errors.text(reading: readForExcerpt))
                printOut("\(Wording.count(errors.problems.count, "problem")) in the definitions.\n")
                throw ExitCode(2)
            case .success(let catalog):
                var unreadCount = 0
                for form in catalog.forms.values.sorted(by: { $0.id < $1.id }) {
                    let unread = catalog.unreadFields(of: form)
                    unreadCount += unread.count
                    for question in unread {
                        printOut(
                            "\(question.field.mark): \(strict ? "error" : "warning"): \"\(question.field.label)\" "
                                + "(\(question.path)) is read by no rule, no field's logic and no report, so its answer "
                                + "changes nothing. Add a rule that reads it, or say why it is kept with 'kept:'.\n")
                    }
                    let fields = form.sections.reduce(0) { $0 + $1.fields.count }
                    printOut(
                        "\(form.file): form '\(form.id)' version \(form.version): \(Wording.count(form.sections.count, "section")), \(Wording.count(fields, "field"))\n"
                    )
                    if let rules = catalog.ruleSets[form.id] {
                        printOut(
                            "\(rules.file): \(Wording.count(rules.rules.count, "rule")), \(Wording.count(rules.parameters.count, "parameter")), \(Wording.count(rules.tests.count, "test"))\n"
                        )
                    }
                }
                if strict && unreadCount > 0 {
                    printOut("\(Wording.count(unreadCount, "question")) read by nothing.\n")
                    throw ExitCode(2)
                }
            }
        }
    }
}
