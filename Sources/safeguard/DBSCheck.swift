import ArgumentParser
import FormEngine
import ReturnStore

/// `safeguard dbs-check DRIVER --date D --result R`: records a DBS Update Service status check.
struct DBSCheck: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dbs-check",
        abstract: "Record a DBS Update Service status check on a driver (due at least every 6 months).")

    @OptionGroup var common: CommonOptions
    @OptionGroup var by: ActorOptions

    @Argument(help: "The driver's licence number.")
    var driver: String
    @Option(help: "The day of the check, YYYY-MM-DD.")
    var date: String
    @Option(help: "no-change, new-information or not-subscribed.")
    var result: String
    @Option(help: "A note.")
    var note: String?

    func run() async throws {
        guard let outcome = DBSCheckResult(rawValue: result) else {
            throw ValidationError("--result must be \(Wording.alternatives(DBSCheckResult.allCases.map(\.rawValue))).")
        }
        guard let number = IdentifierFormat.driverNumber.normalize(driver) else {
            throw ValidationError("'\(driver)' is not a driver number: \(IdentifierFormat.driverNumber.expectation).")
        }
        let checked = try day(date, option: "--date")
        do {
            let record = try common.openStore().recordDBSCheck(
                driverNumber: number, checkedOn: checked, result: outcome, note: note, actor: by.actor)
            printOut(
                "Recorded: Update Service check on \(record.checkedOn): \(record.result), by \(record.recordedBy).\n")
        } catch let error as StoreError {
            throw refusal(error)
        }
    }
}
