import Foundation
import GRDB

/// Where returns and applications are kept: every submission version, its evaluations, the school register,
/// collections, officers' decisions and checks, accounts and the audit log, in one SQLite file.
///
/// Opened in WAL mode with foreign keys and a busy timeout, so several processes can write at once: each
/// waits its turn rather than failing. A `ReturnStore` is a value that can be shared between tasks.
public struct ReturnStore: Sendable {
    /// The connection pool.
    let pool: DatabasePool
    /// The database file.
    public let path: String

    /// Opens (creating when needed) the database at `path` and brings its schema up to date.
    public static func open(path: String) throws -> ReturnStore {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(60)
        configuration.label = "safeguard"
        let pool = try DatabasePool(path: path, configuration: configuration)
        try StoreMigrations.migrator.migrate(pool)
        return ReturnStore(pool: pool, path: path)
    }

    /// The current time as stored: ISO 8601 in UTC, to the second.
    static func now() -> String {
        Date().formatted(.iso8601)
    }
}
