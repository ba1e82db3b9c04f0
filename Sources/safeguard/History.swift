import ArgumentParser
import FormEngine
import ReturnStore

/// `safeguard history SUBJECT`: every stored version for one school or driver, with its evaluations.
struct History: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Every stored version for one school (URN) or driver (licence number), with its decisions.")

    @OptionGroup var common: CommonOptions
    @OptionGroup var by: ActorOptions

    @Argument(help: "A school's URN or a driver's licence number.")
    var subject: String

    func run() async throws {
        let key = IdentifierFormat.urn.normalize(subject) ?? IdentifierFormat.driverNumber.normalize(subject) ?? subject
        let entries = try common.openStore().history(subjectKey: key, actor: by.actor)
        guard !entries.isEmpty else {
            printOut("Nothing is stored for \(key).\n")
            throw ExitCode(1)
        }
        for entry in entries {
            let submission = entry.submission
            var line = "submission \(submission.id!): \(submission.formID) version \(submission.formVersion)"
            if let collection = entry.collection { line += ", collection \(collection)" }
            line += ", received \(submission.receivedAt) from \(submission.source) by \(submission.submitter)"
            if let supersedes = submission.supersedes { line += ", replacing submission \(supersedes)" }
            if let later = entry.supersededBy { line += "; replaced by submission \(later)" }
            printOut(line + "\n")
            for (evaluation, counts) in entry.evaluations {
                let tally = ["error", "refer", "warning", "info"].compactMap { severity in
                    counts[severity].map { "\($0) \(severity)\($0 == 1 ? "" : "s")" }
                }
                printOut(
                    "    \(evaluation.reason) \(evaluation.evaluatedAt) by \(evaluation.evaluatedBy), as of \(evaluation.asOf): "
                        + "\(evaluation.decision)\(tally.isEmpty ? "" : " (\(tally.joined(separator: ", ")))") [evaluation \(evaluation.id!)]\n"
                )
            }
            for decision in entry.decisions {
                var line = "    decided \(decision.decidedAt) by \(decision.decidedBy): \(decision.outcome)"
                if let start = decision.licenceStart, let end = decision.licenceEnd {
                    line += ", licence \(start) to \(end)"
                }
                if let note = decision.note { line += " (\(note))" }
                printOut(line + "\n")
            }
        }
        for check in entries.last?.dbsChecks ?? [] {
            printOut("Update Service check on \(check.checkedOn): \(check.result), recorded by \(check.recordedBy)\n")
        }
    }
}
