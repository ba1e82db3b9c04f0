import ArgumentParser
import FormEngine
import Foundation
import PostgreSQLStore
import SQLiteStore
import Records
import UseCases

/// The options every command takes: where the database, the forms and the rules are.
struct CommonOptions: ParsableArguments {
    @Option(
        help:
            "The database: a SQLite file, or a postgresql://user:password@host:port/database URL (default ./safeguard.sqlite, or $SAFEGUARD_DATABASE)."
    )
    var database: String?

    @Option(help: "The folder of form definitions (default ./Forms, else the forms shipped with safeguard).")
    var forms: String?

    @Option(help: "The folder of rule sets (default ./Rules, else the rules shipped with safeguard).")
    var rules: String?

    /// The forms folder to read: `--forms`, else `./Forms`, else the one shipped with safeguard (saying so).
    var formsFolder: String {
        get throws { try DefinitionFolder.resolve(forms, name: "Forms", option: "--forms", what: "forms") }
    }

    /// The rules folder to read: `--rules`, else `./Rules`, else the one shipped with safeguard (saying so).
    var rulesFolder: String {
        get throws { try DefinitionFolder.resolve(rules, name: "Rules", option: "--rules", what: "rules") }
    }

    /// The database, a file's path or a `postgresql://` URL: `--database`, else `$SAFEGUARD_DATABASE`, else
    /// `./safeguard.sqlite`.
    var databasePath: String {
        database ?? ProcessInfo.processInfo.environment["SAFEGUARD_DATABASE"] ?? "safeguard.sqlite"
    }

    /// The use cases over the forms, the rules and the store (opened, and created when needed), today being the
    /// clock's day here; `bulk` for a command that stores thousands of files at a time (`SQLiteStore.open`).
    func safeguarding(mailer: Mailer? = nil, bulk: Bool = false) async throws -> Safeguarding {
        let catalog = try loadCatalog()
        return Safeguarding(
            store: try await Self.openStore(at: databasePath, bulk: bulk), catalog: catalog, today: { today() },
            mailer: mailer)
    }

    /// Whether the database is PostgreSQL (a `postgresql://` URL) rather than a SQLite file.
    var isPostgreSQL: Bool { PostgreSQLStore.names(databasePath) }

    /// The store at a file's path or a `postgresql://` URL, opened (the file created when needed) and brought up to
    /// date; a message and exit 1 when it cannot be. `bulk` for a command that stores thousands of files at a time
    /// (`SQLiteStore.open`).
    static func openStore(at databasePath: String, bulk: Bool = false) async throws -> any ReturnStore {
        if PostgreSQLStore.names(databasePath) {
            do {
                return try await PostgreSQLStore.open(url: databasePath)
            } catch let refusal as Refusal {
                throw refusal.commandLineError
            } catch {
                printError(
                    "\(PostgreSQLStore.hidingPassword(databasePath)): error: the database cannot be opened: "
                        + PostgreSQLStore.describe(error))
                throw ExitCode(1)
            }
        }
        let store: SQLiteStore
        do {
            store = try SQLiteStore.open(path: databasePath, bulk: bulk)
        } catch let refusal as Refusal {
            throw refusal.commandLineError
        } catch {
            printError("\(databasePath): error: the database cannot be opened: \(error)")
            throw ExitCode(1)
        }
        if store.isReadOnly {
            printError(
                "note: \(databasePath) is read-only for you: commands that read it work, those that change it are "
                    + "refused, and what you read is not recorded in its audit log.")
        }
        return store
    }

    /// The use cases that need no store.
    func checking() throws -> Checking {
        Checking(catalog: try loadCatalog())
    }

    /// Loads every form; on a broken definition prints every problem to standard error and exits with 2.
    func loadCatalog() throws -> FormCatalog {
        switch FormCatalog.load(formsDirectory: try formsFolder, rulesDirectory: try rulesFolder) {
        case .success(let catalog):
            return catalog
        case .failure(let errors):
            printError(errors.text(reading: readForExcerpt))
            printError("The form definitions are broken: fix them, then run 'safeguard forms check'.")
            throw ExitCode(2)
        }
    }
}

/// The bytes of a file for a diagnostic's excerpt, or nil.
func readForExcerpt(_ path: String) -> [UInt8]? {
    try? FileBytes.read(path).get().bytes
}
