import ArgumentParser
import FormEngine
import ReturnStore

/// `safeguard decide SUBMISSION --outcome ...`: records a licensing officer's decision on an application.
struct Decide: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Record a licensing officer's decision on a driver's application.",
        discussion:
            "A licence granted runs from --start for --years (default 3, the Deregulation Act 2015) unless --end is given."
    )

    @OptionGroup var common: CommonOptions
    @OptionGroup var by: ActorOptions

    @Argument(help: "The application's submission number.")
    var submission: Int64
    @Option(help: "grant, grant-with-conditions, refuse or defer.")
    var outcome: String
    @Option(help: "The first day of the licence, YYYY-MM-DD.")
    var start: String?
    @Option(help: "The last day of the licence, YYYY-MM-DD.")
    var end: String?
    @Option(help: "How many years the licence runs, when --end is not given.")
    var years: Int = 3
    @Option(help: "The conditions, or the reasons.")
    var note: String?

    func run() async throws {
        guard let decided = LicensingOutcome(rawValue: outcome) else {
            throw ValidationError(
                "--outcome must be \(Wording.alternatives(LicensingOutcome.allCases.map(\.rawValue))).")
        }
        let first = try start.map { try day($0, option: "--start") }
        var last = try end.map { try day($0, option: "--end") }
        if last == nil, let first, decided.grantsLicence {
            last = LicensingOutcome.licenceEnd(from: first, years: years)
        }
        do {
            let record = try common.openStore().decide(
                submissionID: submission, outcome: decided, licenceStart: first, licenceEnd: last, note: note,
                actor: by.actor)
            var line = "Recorded: \(record.outcome) on submission \(submission) by \(record.decidedBy)"
            if let from = record.licenceStart, let to = record.licenceEnd { line += ", licence from \(from) to \(to)" }
            printOut(line + ".\n")
        } catch let error as StoreError {
            throw refusal(error)
        }
    }
}
