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
            given (a shorter term is a grant-with-conditions, saying why). Every outcome but a plain grant needs \
            --note: the conditions, or the reasons. A refusal, suspension, revocation or refusal to renew needs \
            --grounds, and may be appealed within 21 days; a suspension or revocation takes effect when those 21 \
            days have run, or at once with --immediate (public safety, s61(2B)), and acts on the licence the \
            application was granted. A decision over an earlier one on the same application (other than a deferral \
            or a referral to the sub-committee) needs --replace.
            """
    )

    @OptionGroup var common: CommonOptions
    @OptionGroup var by: ActorOptions

    @Argument(help: "The application's submission number.")
    var submission: Int64
    @Option(
        help:
            "grant, grant-with-conditions, refuse, defer, refer-to-committee, suspend, revoke or refuse-to-renew.")
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
    @Option(help: "The grounds' category: safeguarding, road-safety, dishonesty, violence, drugs, conduct or other.")
    var grounds: DecisionGrounds?
    @Flag(help: "A suspension or revocation with immediate effect, on public safety grounds.")
    var immediate = false

    func run() async throws {
        let request = DecisionRequest(
            submissionID: submission, outcome: outcome, start: try start.map { try day($0, option: "--start") },
            end: try end.map { try day($0, option: "--end") }, years: years, note: note, replacesEarlier: replace,
            grounds: grounds, immediate: immediate)
        let safeguarding = try await common.safeguarding()
        let record = try await carryOut { try await safeguarding.decide(request, by: by.sender) }
        var line = "Recorded: \(record.outcome.rawValue) on submission \(submission) by \(record.decidedBy)"
        if let from = record.licenceStart, let to = record.licenceEnd { line += ", licence from \(from) to \(to)" }
        if let grounds = record.grounds { line += ", on \(grounds.rawValue) grounds" }
        if let effective = record.effectiveOn {
            line +=
                ", taking effect \(effective == String(record.decidedAt.prefix(10)) ? "at once" : "on \(effective)")"
        }
        if let appeal = record.appealBy { line += "; the driver may appeal until \(appeal.iso)" }
        printOut(line + ".\n")
    }
}
