import ArgumentParser
import FormEngine
import Records
import UseCases

/// `safeguard users`: the accounts that may sign in to the portal and use the API.
struct Users: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The accounts that may sign in to the portal and use the API.",
        subcommands: [Add.self, List.self, Disable.self]
    )

    /// `safeguard users add --role R [--scope S] [--name N]`: prints the new account's token.
    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add an account and print its sign-in token (shown once; only its hash is kept).",
            discussion: "A school account's scope is its URN; a licensing account's, its district (such as corby)."
        )

        @OptionGroup var common: CommonOptions
        @OptionGroup var by: ActorOptions

        @Option(help: "school, licensing, policy or admin.")
        var role: Role
        @Option(help: "A school's URN, or a licensing officer's district.")
        var scope: String?
        @Option(help: "A name people recognise, such as \"Oakfield DSL\".")
        var name: String?

        func run() async throws {
            let safeguarding = try await common.safeguarding()
            let added = try await carryOut {
                try await safeguarding.addAccount(role: role, scope: scope, name: name, by: by.sender)
            }
            let (account, token) = (added.account, added.token)
            if added.schoolNotOpen {
                printError(
                    "warning: \(account.scope ?? "") is not an open school in the register; the account can sign in "
                        + "but not submit until it is.")
            }
            printOut(
                "Added account \(account.id!) (\(account.name), \(role.rawValue)\(account.scope.map { " for \($0)" } ?? "")). Its token, shown only now:\n\(token)\n"
            )
        }
    }

    /// `safeguard users list`.
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the accounts.")

        @OptionGroup var common: CommonOptions
        @OptionGroup var by: ActorOptions

        func run() async throws {
            let safeguarding = try await common.safeguarding()
            for account in try await carryOut({ try await safeguarding.accounts(by: by.sender) }) {
                printOut(
                    "\(account.id!)  \(account.role.rawValue)  \(account.scope ?? "-")  \(account.name)"
                        + (account.disabledAt.map { "  disabled \($0)" } ?? "") + "\n")
            }
        }
    }

    /// `safeguard users disable ID`.
    struct Disable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Disable an account and end its sessions.")

        @OptionGroup var common: CommonOptions
        @OptionGroup var by: ActorOptions

        @Argument(help: "The account's number, as 'users list' shows it.")
        var id: Int64

        func run() async throws {
            let safeguarding = try await common.safeguarding()
            try await carryOut { try await safeguarding.disableAccount(id, by: by.sender) }
            printOut("Disabled account \(id).\n")
        }
    }
}
