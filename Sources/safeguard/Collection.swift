import ArgumentParser
import FormEngine
import ReturnStore

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
            let catalog = try common.loadCatalog()
            guard let definition = catalog.forms[form] else {
                throw ValidationError(
                    "There is no form '\(form)'. The forms are: \(catalog.forms.keys.sorted().joined(separator: ", "))."
                )
            }
            do {
                let collection = try common.openStore().openCollection(
                    name: id, formID: form, periodStart: start, periodEnd: end, due: dueDay, actor: by.actor)
                printOut(
                    "Opened the collection \(collection.name): \"\(definition.title)\" for \(start.spoken) to \(end.spoken), "
                        + "due \(dueDay.spoken).\n")
            } catch let error as StoreError {
                throw refusal(error)
            }
        }
    }

    /// `safeguard collection list`.
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the rounds of returns.")

        @OptionGroup var common: CommonOptions

        func run() async throws {
            for collection in try common.openStore().collections() {
                printOut(
                    "\(collection.name)  \(collection.formID)  \(collection.periodStart) to \(collection.periodEnd)  "
                        + "due \(collection.due)  opened by \(collection.openedBy)\n")
            }
        }
    }
}
