import ArgumentParser
import FormEngine
import Records
import UseCases

/// `safeguard audit`: who did what, and when, filtered by who, what, on what and when.
struct Audit: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract:
            "List the audit log: every submission, decision, check, revalidation, export and view, with who and when.")

    @OptionGroup var common: CommonOptions
    @OptionGroup var by: ActorOptions

    @Option(help: "Only from this day, YYYY-MM-DD.")
    var since: String?
    @Option(help: "Only to the end of this day, YYYY-MM-DD.")
    var until: String?
    @Option(help: "Only what this actor did, by name in any case (policy.officer).")
    var actor: String?
    @Option(help: "Only this action (submit, decide, dbs-check, view, export, sign-in-failure, ...).")
    var action: AuditAction?
    @Option(help: "Only lines whose target contains this text, in any case (\"submission 12\", report).")
    var target: String?
    @Option(help: "text, or json: one object a line.")
    var format: OutputFormat = .text

    func validate() throws {
        let from = try since.map { try day($0, option: "--since") }
        let to = try until.map { try day($0, option: "--until") }
        if let from, let to, to < from {
            throw ValidationError("--until \(to.iso) is before --since \(from.iso): give the earlier day first.")
        }
    }

    func run() async throws {
        let filter = AuditFilter(
            actor: actor, action: action, target: target, since: try since.map { try day($0, option: "--since") },
            until: try until.map { try day($0, option: "--until") })
        let safeguarding = try await common.safeguarding()
        let records = try await carryOut { try await safeguarding.auditLog(filter, by: by.sender) }
        if format == .json {
            let lines = records.map { record -> JSONValue in
                .object([
                    ("at", .string(record.at)), ("actor", .string(record.actor)),
                    ("action", .string(record.action.rawValue)), ("target", .string(record.target)),
                    ("detail", .string(record.detail)),
                ])
            }
            return printOut(JSONValue.array(lines).text + "\n")
        }
        for record in records {
            printOut(
                "\(record.at)  \(record.actor)  \(record.action.rawValue)  \(record.target)\(record.detail.isEmpty ? "" : ": \(record.detail)")\n"
            )
        }
    }
}
