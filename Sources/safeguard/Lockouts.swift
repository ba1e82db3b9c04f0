import ArgumentParser
import FormEngine
import Records
import UseCases

/// `safeguard lockouts`: the clients locked out of signing in after too many wrong tokens.
struct Lockouts: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The clients with failed sign-ins counted or locked out, and clearing a lockout.",
        subcommands: [List.self, Clear.self]
    )

    /// `safeguard lockouts list`.
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the clients with failed sign-ins.")

        @OptionGroup var common: CommonOptions
        @OptionGroup var by: ActorOptions

        func run() async throws {
            let safeguarding = try await common.safeguarding()
            for record in try await carryOut({ try await safeguarding.lockouts(by: by.sender) }) {
                printOut(
                    "\(record.key)  \(record.failures) failures counted  \(record.lockouts) lockouts  last "
                        + "\(record.lastFailureAt)" + (record.lockedUntil.map { "  locked until \($0)" } ?? "") + "\n")
            }
        }
    }

    /// `safeguard lockouts clear KEY`.
    struct Clear: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Lift a client's lockout and forget its failed sign-ins.")

        @OptionGroup var common: CommonOptions
        @OptionGroup var by: ActorOptions

        @Argument(help: "The client, as 'lockouts list' shows it, such as 'address 192.0.2.7'.")
        var key: String

        func run() async throws {
            let safeguarding = try await common.safeguarding()
            try await carryOut { try await safeguarding.clearLockout(key, by: by.sender) }
            printOut("Cleared: \(key) may sign in again.\n")
        }
    }
}
