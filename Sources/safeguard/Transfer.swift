import ArgumentParser
import FormEngine
import Records
import UseCases

/// `safeguard transfer DRIVER --to DISTRICT`: hands a driver's record to another district.
struct Transfer: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Hand a driver's record to another district, so its next application continues it.",
        discussion: """
            A driver's applications are held by the district of the latest one; an application from another \
            district is refused until the driver is transferred to it. The transfer is recorded and audited; the \
            earlier versions keep their district.
            """
    )

    @OptionGroup var common: CommonOptions
    @OptionGroup var by: ActorOptions

    @Argument(help: "The driver's licence number.")
    var driver: String
    @Option(help: "The district receiving the driver, by its value (corby) or its name (Corby).")
    var to: String
    @Option(help: "Why, for the record.")
    var note: String?

    func run() async throws {
        let safeguarding = try await common.safeguarding()
        let record = try await carryOut {
            try await safeguarding.transferDriver(driver, to: to, note: note, by: by.sender)
        }
        printOut(
            "Transferred \(record.subjectKey) from \(record.fromDistrict.map(safeguarding.districtLabel) ?? "no district") "
                + "to \(safeguarding.districtLabel(record.toDistrict)): their next application from "
                + "\(safeguarding.districtLabel(record.toDistrict)) continues their record.\n")
    }
}
