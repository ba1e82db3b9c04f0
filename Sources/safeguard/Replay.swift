import ArgumentParser
import FormEngine
import Records
import UseCases

/// `safeguard replay EVALUATION`: runs a stored evaluation again with the definitions it used.
struct Replay: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run a stored evaluation again with the exact form and rules it used, from the store.",
        discussion: "Exit status: 0 the same decision and findings, 1 different."
    )

    @OptionGroup var common: CommonOptions
    @OptionGroup var by: ActorOptions

    @Argument(help: "The evaluation's number, as 'safeguard history' shows it.")
    var evaluation: Int64

    func run() async throws {
        let safeguarding = try await common.safeguarding()
        let result = try await carryOut { try await safeguarding.replay(evaluationID: evaluation, by: by.sender) }
        printOut(result.replayed.text(showingSource: false))
        let original = result.original
        if result.matches {
            printOut(
                "evaluation \(evaluation) replayed as of \(original.asOf) with form \(original.formHash.prefix(12)) and rules "
                    + "\(original.ruleSetHash.map { String($0.prefix(12)) } ?? "none"): the same decision (\(original.decision.rawValue)) and findings\n"
            )
        } else {
            printOut(
                "evaluation \(evaluation) replayed: DIFFERENT from what was stored (\(original.decision.rawValue), \(result.originalFindings))\n"
            )
            throw ExitCode(1)
        }
    }
}
