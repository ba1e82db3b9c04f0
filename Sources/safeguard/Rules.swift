import ArgumentParser
import FormEngine
import UseCases

/// `safeguard rules`: commands about the rule sets.
struct Rules: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Work with the rule sets.",
        subcommands: [Test.self]
    )

    /// `safeguard rules test`: runs the tests every rule set carries.
    struct Test: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run the tests of every rule set; print each failure as expected versus found.",
            discussion:
                "Exit status: 0 all passed (and, with --coverage, every rule fired and passed by a test), 1 otherwise, 2 a definition is broken."
        )

        @OptionGroup var common: CommonOptions

        @Flag(help: "Also name every rule that no test fires and every rule that no test passes.")
        var coverage = false

        func run() async throws {
            var succeeded = true
            for report in try common.checking().ruleTests() {
                printOut(report.text(coverage: coverage))
                succeeded = succeeded && report.succeeded(coverage: coverage)
            }
            if !succeeded { throw ExitCode(1) }
        }
    }
}
