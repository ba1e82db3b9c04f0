import ArgumentParser
import FormEngine
import Records
import UseCases

/// `safeguard history SUBJECT`: every stored version for one school or driver, with its evaluations.
struct History: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Every stored version for one school (URN) or driver (licence number), with its decisions.")

    @OptionGroup var common: CommonOptions
    @OptionGroup var by: ActorOptions

    @Argument(help: "A school's URN or a driver's licence number.")
    var subject: String

    func run() async throws {
        let safeguarding = try common.safeguarding()
        let entries = try await carryOut { try await safeguarding.history(of: subject, by: by.sender) }
        guard !entries.isEmpty else {
            printOut("Nothing is stored for \(subject.trimmingWhitespace).\n")
            throw ExitCode(1)
        }
        for entry in entries {
            let submission = entry.submission
            var line = "submission \(submission.id!): \(submission.formID) version \(submission.formVersion)"
            if let collection = entry.collection { line += ", collection \(collection)" }
            line +=
                ", received \(submission.receivedAt) from \(submission.source.rawValue) by \(submission.submitter)"
            if let supersedes = submission.supersedes { line += ", replacing submission \(supersedes)" }
            if let later = entry.supersededBy { line += "; replaced by submission \(later)" }
            printOut(line + "\n")
            for (evaluation, counts) in entry.evaluations {
                let tally = Severity.allCases.compactMap { severity in
                    counts[severity].map { "\($0) \(severity.rawValue)\($0 == 1 ? "" : "s")" }
                }
                printOut(
                    "    \(evaluation.reason.rawValue) \(evaluation.evaluatedAt) by \(evaluation.evaluatedBy), as of "
                        + "\(evaluation.asOf): \(evaluation.decision.rawValue)"
                        + "\(tally.isEmpty ? "" : " (\(tally.joined(separator: ", ")))") [evaluation \(evaluation.id!)]\n"
                )
            }
            for decision in entry.decisions {
                var line = "    decided \(decision.decidedAt) by \(decision.decidedBy): \(decision.outcome.rawValue)"
                if let start = decision.licenceStart, let end = decision.licenceEnd {
                    line += ", licence \(start) to \(end)"
                }
                if let note = decision.note { line += " (\(note))" }
                printOut(line + "\n")
            }
        }
        for check in entries.last?.dbsChecks ?? [] {
            printOut(
                "Update Service check on \(check.checkedOn): \(check.result.rawValue), recorded by \(check.recordedBy)\n"
            )
        }
    }
}
