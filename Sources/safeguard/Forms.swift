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
            discussion: "Exit status: 0 all sound, 2 one or more definitions are broken."
        )

        @OptionGroup var common: CommonOptions

        func run() async throws {
            switch FormCatalog.load(formsDirectory: common.forms, rulesDirectory: common.rules) {
            case .failure(let errors):
                printOut(errors.text(reading: readForExcerpt))
                printOut("\(Wording.count(errors.problems.count, "problem")) in the definitions.\n")
                throw ExitCode(2)
            case .success(let catalog):
                for form in catalog.forms.values.sorted(by: { $0.id < $1.id }) {
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
            }
        }
    }
}
