import ArgumentParser
import FormEngine
import Records
import UseCases

/// `safeguard audit [--since D]`: who did what, and when.
struct Audit: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract:
            "List the audit log: every submission, decision, check, revalidation, export and view, with who and when.")

    @OptionGroup var common: CommonOptions
    @OptionGroup var by: ActorOptions

    @Option(help: "Only from this day, YYYY-MM-DD.")
    var since: String?

    func run() async throws {
        let from = try since.map { try day($0, option: "--since") }
        let safeguarding = try common.safeguarding()
        for record in try await carryOut({ try await safeguarding.auditLog(since: from, by: by.sender) }) {
            printOut(
                "\(record.at)  \(record.actor)  \(record.action.rawValue)  \(record.target)\(record.detail.isEmpty ? "" : ": \(record.detail)")\n"
            )
        }
    }
}
