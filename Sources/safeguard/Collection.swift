import ArgumentParser
import FormEngine
import Records
import UseCases

/// `safeguard collection`: rounds of returns.
struct Collection: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Rounds of returns: who is asked for which form, for which period, by when.",
        subcommands: [Open.self, List.self]
    )

    /// `safeguard collection open ID --form F --period-start D --period-end D --due D`.
    struct Open: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Start a round of returns.")

        @OptionGroup var common: CommonOptions
        @OptionGroup var by: ActorOptions

        @Argument(help: "The collection's name, such as s11-2025-26.")
        var id: String
        @Option(help: "The form its returns answer.")
        var form: String
        @Option(name: .customLong("period-start"), help: "The first day of the period the returns cover, YYYY-MM-DD.")
        var periodStart: String
        @Option(name: .customLong("period-end"), help: "The last day of the period, YYYY-MM-DD.")
        var periodEnd: String
        @Option(help: "The day returns are due, YYYY-MM-DD.")
        var due: String

        func run() async throws {
            let start = try day(periodStart, option: "--period-start")
            let end = try day(periodEnd, option: "--period-end")
            let dueDay = try day(due, option: "--due")
            let safeguarding = try await common.safeguarding()
            let opened = try await carryOut {
                try await safeguarding.openCollection(
                    id, formID: form, periodStart: start, periodEnd: end, due: dueDay, by: by.sender)
            }
            printOut(
                "Opened the collection \(opened.collection.name): \"\(opened.form.title)\" for \(start.spoken) to "
                    + "\(end.spoken), due \(dueDay.spoken).\n")
        }
    }

    /// `safeguard collection list`.
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the rounds of returns.")

        @OptionGroup var common: CommonOptions

        func run() async throws {
            for collection in try await common.safeguarding().collections() {
                printOut(
                    "\(collection.name)  \(collection.formID)  \(collection.periodStart) to \(collection.periodEnd)  "
                        + "due \(collection.due)  opened by \(collection.openedBy)\n")
            }
        }
    }
}
