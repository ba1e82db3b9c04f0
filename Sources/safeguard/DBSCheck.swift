import ArgumentParser
import FormEngine
import Records
import UseCases

/// `safeguard dbs-check DRIVER --date D --result R`: records a DBS Update Service status check.
struct DBSCheck: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dbs-check",
        abstract: "Record a DBS Update Service status check on a driver (due at least every 6 months).")

    @OptionGroup var common: CommonOptions
    @OptionGroup var by: ActorOptions

    @Argument(help: "The driver's licence number.")
    var driver: String
    @Option(help: "The day of the check, YYYY-MM-DD: today or before.")
    var date: String
    @Option(help: "no-change, new-information or not-subscribed.")
    var result: DBSCheckResult
    @Option(help: "A note.")
    var note: String?

    func run() async throws {
        let checked = try day(date, option: "--date")
        let safeguarding = try await common.safeguarding()
        let record = try await carryOut {
            try await safeguarding.recordDBSCheck(
                driver: driver, on: checked, result: result, note: note, by: by.sender)
        }
        printOut(
            "Recorded: Update Service check on \(record.checkedOn): \(record.result.rawValue), by \(record.recordedBy).\n"
        )
    }
}
