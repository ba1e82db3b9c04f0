import ArgumentParser
import FormEngine
import Records
import UseCases

/// `safeguard decide SUBMISSION --outcome ...`: records a licensing officer's decision on an application.
struct Decide: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Record a licensing officer's decision on a driver's application.",
        discussion: """
            A licence granted runs from --start for --years (default 3, the Deregulation Act 2015) unless --end is \
            given. Every outcome but a plain grant needs --note: the conditions, or the reasons. A decision over an \
            earlier one on the same application (other than a deferral) needs --replace.
            """
    )

    @OptionGroup var common: CommonOptions
    @OptionGroup var by: ActorOptions

    @Argument(help: "The application's submission number.")
    var submission: Int64
    @Option(help: "grant, grant-with-conditions, refuse or defer.")
    var outcome: LicensingOutcome
    @Option(help: "The first day of the licence, YYYY-MM-DD.")
    var start: String?
    @Option(help: "The last day of the licence, YYYY-MM-DD.")
    var end: String?
    @Option(help: "How many years the licence runs, when --end is not given.")
    var years: Int = LicensingOutcome.standardYears
    @Option(help: "The conditions, or the reasons.")
    var note: String?
    @Flag(help: "Record this decision in place of one already recorded on the application.")
    var replace = false

    func run() async throws {
        let request = DecisionRequest(
            submissionID: submission, outcome: outcome, start: try start.map { try day($0, option: "--start") },
            end: try end.map { try day($0, option: "--end") }, years: years, note: note, replacesEarlier: replace)
        let safeguarding = try common.safeguarding()
        let record = try await carryOut { try await safeguarding.decide(request, by: by.sender) }
        var line = "Recorded: \(record.outcome.rawValue) on submission \(submission) by \(record.decidedBy)"
        if let from = record.licenceStart, let to = record.licenceEnd { line += ", licence from \(from) to \(to)" }
        printOut(line + ".\n")
    }
}
