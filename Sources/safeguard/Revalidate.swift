import ArgumentParser
import FormEngine
import Records
import UseCases

/// `safeguard revalidate`: today's forms and rules on the latest version of every stored submission.
struct Revalidate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check the latest version of every stored submission again with today's forms and rules.",
        discussion: "New evaluations are stored beside the old ones. Lists every submission whose decision changed."
    )

    @OptionGroup var common: CommonOptions
    @OptionGroup var by: ActorOptions

    @Option(help: "Only the submissions of this form.")
    var form: String?
    @Option(name: .customLong("as-of"), help: "The evaluation date, YYYY-MM-DD (default today).")
    var asOf: String?

    func run() async throws {
        let date = try asOf.map { try day($0, option: "--as-of") }
        let safeguarding = try await common.safeguarding()
        let report = try await carryOut { try await safeguarding.revalidate(formID: form, asOf: date, by: by.sender) }
        printOut("Evaluated \(Wording.count(report.evaluated, "submission")) again as of \(report.asOf.iso).\n")
        let groups: [(String, [RevalidationChange])] = [
            ("newly rejected", report.newlyRejected), ("newly accepted", report.newlyAccepted),
            ("decision changed otherwise", report.otherDecisionChanges),
            ("findings changed, decision not", report.findingsChanged),
        ]
        for (title, changes) in groups {
            printOut("\(title): \(changes.count)\n")
            for change in changes {
                printOut(
                    "  submission \(change.submissionID) (\(change.formID)): \(change.before.rawValue) -> \(change.after.rawValue)\n"
                )
                for finding in change.added { printOut("      + \(finding)\n") }
                for finding in change.removed { printOut("      - \(finding)\n") }
            }
        }
        printOut("unchanged: \(report.unchanged)\n")
    }
}
