import ArgumentParser
import FormEngine
import ReturnStore

/// `safeguard audit [--since D]`: who did what, and when.
struct Audit: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract:
            "List the audit log: every submission, decision, check, revalidation, export and view, with who and when.")

    @OptionGroup var common: CommonOptions

    @Option(help: "Only from this day, YYYY-MM-DD.")
    var since: String?

    func run() async throws {
        let from = try since.map { try day($0, option: "--since") }
        for record in try common.openStore().auditLog(since: from?.iso) {
            printOut(
                "\(record.at)  \(record.actor)  \(record.action)  \(record.target)\(record.detail.isEmpty ? "" : ": \(record.detail)")\n"
            )
        }
    }
}
