import ArgumentParser
import FormEngine
import Foundation
import PostgreSQLStore
import SQLiteStore

/// The `safeguard` command: checks, stores and reports on Section 11 returns and taxi driver applications.
@main
struct Safeguard: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "safeguard",
        abstract: "Check Section 11 school returns and taxi driver applications against their forms and rules.",
        subcommands: [
            Demo.self, Validate.self, Forms.self, Rules.self, Register.self, Collection.self, Submit.self, History.self,
            Revalidate.self, Replay.self, Export.self, Report.self, Chase.self, Decide.self, DBSCheck.self,
            Transfer.self,
            Audit.self, Retention.self, SubjectExport.self,
            Sample.self, Users.self, Lockouts.self, StoreCommand.self, Serve.self,
        ]
    )

    /// Parses and runs the command, so that a mistyped command gets the nearest one, every bad option is reported at
    /// once, and an error found while a command runs shows that command's usage, not the top level's.
    static func main() async {
        SQLiteProcessSettings.applyBeforeFirstUse()
        let arguments = Array(CommandLine.arguments.dropFirst())
        var command: any ParsableCommand
        do {
            command = try parseAsRoot(arguments)
        } catch {
            guard exitCode(for: error) == .validationFailure else { exit(withError: error) }
            printError(CommandLineMistakes(arguments).report(first: error))
            Foundation.exit(ExitCode.validationFailure.rawValue)
        }
        if command is Serve { Serve.runTasksOnTheEventLoops() }
        do {
            if var asynchronous = command as? any AsyncParsableCommand {
                try await asynchronous.run()
            } else {
                try command.run()
            }
        } catch {
            if let message = PostgreSQLStore.serverMessage(of: error) {
                // Not postgres-nio's own words, which hide what the server said.
                printError("Error: the database refused this: \(message)")
                Foundation.exit(1)
            }
            guard exitCode(for: error) == .validationFailure else { exit(withError: error) }
            // A usage mistake found while the command ran: the command's own usage, with its full name.
            let usage = usageString(for: type(of: command))
            let name = usage.split(separator: " ").prefix { !$0.hasPrefix("[") && !$0.hasPrefix("<") }
                .joined(separator: " ")
            printError(
                "Error: \(message(for: error))\nUsage: \(usage)\n  See '\(name) --help' for more information.")
            Foundation.exit(ExitCode.validationFailure.rawValue)
        }
    }
}
