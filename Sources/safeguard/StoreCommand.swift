import ArgumentParser
import Foundation
import Records
import UseCases

/// `safeguard store`: the database itself.
struct StoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store", abstract: "Copy a database into another (SQLite into PostgreSQL, or back).",
        subcommands: [Copy.self])

    /// `safeguard store copy FROM TO`.
    struct Copy: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Copy every record of one database into another, empty, one, and verify the copy.",
            discussion: """
                FROM and TO are each a SQLite file's path or a postgresql:// URL. Every version, evaluation, finding, \
                decision, check, transfer, register entry, account, session, draft and audit line is copied with \
                its number; the copy's report facts are then worked out from the stored answers. At the end each \
                table's rows are counted and hashed in both: the copy is good only when every one is the same. \
                TO must be empty; stop every process that writes FROM while it is copied.
                """)

        @OptionGroup var common: CommonOptions

        @Argument(help: "The database to copy from: a file's path or a postgresql:// URL.")
        var from: String
        @Argument(help: "The empty database to copy into: a new file's path or a postgresql:// URL.")
        var to: String

        func validate() throws {
            guard common.database == nil else {
                throw ValidationError("'store copy' takes its two databases as FROM and TO, not --database.")
            }
            guard from != to else { throw ValidationError("FROM and TO are the same database.") }
        }

        func run() async throws {
            let catalog = try common.loadCatalog()
            let source = try await CommonOptions.openStore(at: from)
            let target = try await CommonOptions.openStore(at: to)
            let tables = try await carryOut {
                try await StoreCopy.copy(from: source, to: target) { table in
                    printOut("\(table.name): \(table.rows) rows, sha256 \(table.hash)\n")
                }
            }
            try await carryOut {
                try await Safeguarding(store: target, catalog: catalog, today: { today() }).fillReportFacts()
            }
            let rows = tables.reduce(0) { $0 + $1.rows }
            printOut(
                "Copied \(rows) rows in \(tables.count) tables; each table's count and hash are the same in both, "
                    + "and the copy's report facts are worked out from its stored answers.\n")
        }
    }
}
