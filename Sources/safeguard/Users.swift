import ArgumentParser
import FormEngine
import ReturnStore

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
        var role: String
        @Option(help: "A school's URN, or a licensing officer's district.")
        var scope: String?
        @Option(help: "A name people recognise, such as \"Oakfield DSL\".")
        var name: String?

        func run() async throws {
            guard let role = Role(rawValue: role) else {
                throw ValidationError("--role must be \(Wording.alternatives(Role.allCases.map(\.rawValue))).")
            }
            let catalog = try common.loadCatalog()
            let scope = try checkedScope(role: role, catalog: catalog)
            let store = try common.openStore()
            if role == .school, let scope,
                try store.schools(status: "open").contains(where: { $0.urn == scope }) == false
            {
                printError(
                    "warning: \(scope) is not an open school in the register; the account can sign in but not submit until it is."
                )
            }
            let (account, token) = try store.addAccount(
                name: name ?? "\(role.rawValue) \(scope ?? "")".trimmingWhitespace, role: role, scope: scope,
                actor: by.actor)
            printOut(
                "Added account \(account.id!) (\(account.name), \(role.rawValue)\(scope.map { " for \($0)" } ?? "")). Its token, shown only now:\n\(token)\n"
            )
        }

        private func checkedScope(role: Role, catalog: FormCatalog) throws -> String? {
            do {
                return try ReturnStore.accountScope(role: role, scope: scope, catalog: catalog)
            } catch let error as StoreError {
                let hint = role == .school || role == .licensing ? "Give it with --scope." : "Leave out --scope."
                throw ValidationError(error.message + " " + hint)
            }
        }
    }

    /// `safeguard users list`.
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the accounts.")

        @OptionGroup var common: CommonOptions

        func run() async throws {
            for account in try common.openStore().accounts() {
                printOut(
                    "\(account.id!)  \(account.role)  \(account.scope ?? "-")  \(account.name)"
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
            do {
                try common.openStore().disableAccount(id, actor: by.actor)
                printOut("Disabled account \(id).\n")
            } catch let error as StoreError {
                throw refusal(error)
            }
        }
    }
}
