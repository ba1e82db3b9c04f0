import ArgumentParser
import FormEngine
import GapReports
import Records
import UseCases

/// `safeguard chase [--send]`: the schools to chase for a round, and a reminder to each by email.
struct Chase: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract:
            "List the schools to chase for a round (not returned, or sent back); with --send, email each a reminder.",
        discussion: """
            Lists, by district and the most overdue first, each open school with no return for the round or whose \
            return was sent back and not corrected, with the DSL its latest return names, its head and telephone from \
            the register. With --send, each DSL is emailed a reminder through the sendmail program named by \
            --sendmail (or $SAFEGUARD_SENDMAIL); each message is audited. 'safeguard report chase --format csv' \
            writes the same list as a CSV for a mail merge.
            """
    )

    @OptionGroup var common: CommonOptions
    @OptionGroup var by: ActorOptions
    @OptionGroup var mail: MailOptions

    @Option(help: "The collection (default the newest).")
    var collection: String?
    @Option(name: .customLong("as-of"), help: "The day days overdue are counted to, YYYY-MM-DD (default today).")
    var asOf: String?
    @Option(help: "Only this district, by its name or value in any case.")
    var district: String?
    @Flag(help: "Email each school's DSL a reminder.")
    var send = false

    func run() async throws {
        let safeguarding = try await common.safeguarding(mailer: mail.mailer)
        try await fillReportFactsSayingSo(safeguarding)
        let asOfDay = try asOf.map { try day($0, option: "--as-of") }
        let list = try await carryOut {
            try await safeguarding.chaseList(collection: collection, asOf: asOfDay, district: district, by: by.sender)
        }
        guard send else {
            printOut(TextRenderer.render(ChaseReport.document(list)))
            if !list.entries.isEmpty { printOut("\nGive --send to email each DSL a reminder.\n") }
            return
        }
        let sent = try await carryOut { try await safeguarding.sendReminders(list, by: by.sender) }
        for reminder in sent {
            let entry = reminder.entry
            printOut(
                "\(entry.urn) \(entry.school): "
                    + (reminder.failure.map { "not sent: \($0)" } ?? "reminder sent to the DSL") + "\n")
        }
        let failed = sent.filter { $0.failure != nil }.count
        printOut(
            "\(Wording.count(sent.count - failed, "reminder")) sent; \(failed) not sent.\n")
        if failed > 0 { throw ExitCode(1) }
    }
}
