import ArgumentParser
import FormEngine
import ReturnStore

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
        let catalog = try common.loadCatalog()
        if let form, catalog.forms[form] == nil {
            throw ValidationError(
                "There is no form '\(form)'. The forms are: \(catalog.forms.keys.sorted().joined(separator: ", ")).")
        }
        let date = try asOf.map { try day($0, option: "--as-of") } ?? today()
        let report = try common.openStore().revalidate(
            formID: form, validator: Validator(catalog: catalog), asOf: date, actor: by.actor)
        printOut("Evaluated \(Wording.count(report.evaluated, "submission")) again as of \(date.iso).\n")
        let groups: [(String, [RevalidationChange])] = [
            ("newly rejected", report.newlyRejected), ("newly accepted", report.newlyAccepted),
            ("decision changed otherwise", report.otherDecisionChanges),
            ("findings changed, decision not", report.findingsChanged),
        ]
        for (title, changes) in groups {
            printOut("\(title): \(changes.count)\n")
            for change in changes {
                printOut(
                    "  submission \(change.submissionID) (\(change.formID)): \(change.before) -> \(change.after)\n")
                for finding in change.added { printOut("      + \(finding)\n") }
                for finding in change.removed { printOut("      - \(finding)\n") }
            }
        }
        printOut("unchanged: \(report.unchanged)\n")
    }
}
