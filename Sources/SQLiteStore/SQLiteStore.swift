import Foundation
import GRDB
import Records

/// The store in one SQLite file, through GRDB: the embedded default, for a county on one machine.
///
/// Opened in WAL mode with foreign keys and a busy timeout, so several processes can write at once: each
/// waits its turn rather than failing. Reads and writes run on GRDB's own threads, so a caller's task waits
/// without holding a thread. A `SQLiteStore` is a value that can be shared between tasks.
public struct SQLiteStore: ReturnStore {
    /// The connection pool.
    let pool: DatabasePool
    /// The writes, run by the pool's writer a batch at a time.
    private let batches: WriteBatches
    /// The database file.
    public let path: String
    /// True when the file could not be written by this process and was opened only to read: whatever would change
    /// it is refused (`Refusal.readOnlyDatabase`), and an audit line (of a reading) is not written.
    public var isReadOnly = false

    /// The store over an open pool, its writes batched, each batch's log copied by `checkpointer` when given.
    private init(pool: DatabasePool, path: String, checkpointer: LogCheckpointer? = nil) {
        self.pool = pool
        self.path = path
        batches = WriteBatches(pool: pool, checkpointer: checkpointer)
    }

    /// Opens (creating when needed) the database at `path` and brings its schema up to date. With `bulk`, for a
    /// command that stores thousands of files a transaction, the writer copies its log into the database every
    /// 10,000 pages rather than SQLite's 1,000 (see `bulkCheckpointPages`), keeps 64 MiB of pages rather than
    /// 2 MiB (`bulkCacheKiB`), and a connection of its own copies the log after each commit (`LogCheckpointer`).
    ///
    /// Two processes that open a new database at the same moment race: switching a new file to WAL answers
    /// "database is locked" without waiting, and GRDB's migrator reads which migrations are applied before
    /// its transaction begins: a migration the other process has just applied fails (a table already there, or its
    /// name already in `grdb_migrations`). Each migration runs in a transaction, so a failed attempt leaves nothing
    /// behind, and trying again (after the other process has finished) succeeds.
    public static func open(path: String, bulk: Bool = false) throws -> SQLiteStore {
        if FileManager.default.fileExists(atPath: path), access(path, W_OK) != 0 { return try openToRead(path: path) }
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(60)
        configuration.label = "safeguard"
        // Pages read through a memory map, not copied by pread: a report over 360,000 applications reads every one.
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA mmap_size = \(Self.memoryMapBytes)")
            // The writer's undo records in memory: each write of a portal batch runs in a savepoint, whose copies
            // of the pages it changes went to a temporary file once they passed 64 KiB, two system calls a page
            // (14 pages a stored application): 40 writes to files a request under load, 13 now.
            if !db.configuration.readonly { try db.execute(sql: "PRAGMA temp_store = MEMORY") }
            if bulk, !db.configuration.readonly {
                try db.execute(sql: "PRAGMA wal_autocheckpoint = \(Self.bulkCheckpointPages)")
                try db.execute(sql: "PRAGMA cache_size = -\(Self.bulkCacheKiB)")
            }
        }
        var attempt = 0
        while true {
            do {
                let pool = try DatabasePool(path: path, configuration: configuration)
                // Each commit reaches the disk before it is answered: GRDB opens a WAL database with `synchronous`
                // NORMAL, whose commits reach the disk only at the next checkpoint, so a power cut could lose a
                // return its school was told was stored.
                try pool.writeWithoutTransaction { try $0.execute(sql: "PRAGMA synchronous = FULL") }
                try StoreMigrations.migrator.migrate(pool)
                return SQLiteStore(
                    pool: pool, path: path, checkpointer: bulk ? try LogCheckpointer(path: path) : nil)
            } catch let error as DatabaseError where attempt < 40 {
                guard
                    error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED
                        || error.resultCode == .SQLITE_ERROR
                        || (error.resultCode == .SQLITE_CONSTRAINT
                            && error.message?.contains("grdb_migrations") == true)
                else { throw error }
                attempt += 1
                Thread.sleep(forTimeInterval: 0.025 * Double(min(attempt, 8)))
            }
        }
    }

    /// Opens a database this process may not write, to read it. SQLite reads a WAL database through its `-shm`
    /// file; where that cannot be made (a folder the process cannot write either), no process can be writing it,
    /// and it is opened as immutable. A database whose schema is behind this version's is refused: only a process
    /// that can write it can bring it up to date.
    private static func openToRead(path: String) throws -> SQLiteStore {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.label = "safeguard"
        var pool: DatabasePool
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
            _ = try pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") }
        } catch {
            let encoded = path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? path
            pool = try DatabasePool(path: "file:\(encoded)?immutable=1", configuration: configuration)
        }
        guard try pool.read({ try StoreMigrations.migrator.hasCompletedMigrations($0) }) else {
            throw Refusal.databaseOutOfDate(path)
        }
        var store = SQLiteStore(pool: pool, path: path)
        store.isReadOnly = true
        return store
    }

    /// Reads on the calling thread, without the hop to a reader's queue and back (a thread woken each way): for the
    /// short look-ups every portal request makes, where the hops cost more than the read (in turn, 14-20% of the
    /// server's CPU a request). Never for a long read: it holds the calling thread, one of the few that run tasks.
    func readOnThisThread<T>(_ value: (Database) throws -> T) throws -> T { try pool.read(value) }

    /// Runs `updates` in a write transaction (with the other writes waiting at that moment: `WriteBatches`), or
    /// refuses when the database was opened only to read.
    func write<T: Sendable>(_ updates: @escaping @Sendable (Database) throws -> T) async throws -> T {
        guard !isReadOnly else { throw Refusal.readOnlyDatabase(path) }
        return try await batches.write(updates)
    }

    /// How many pages of log a bulk writer lets build up before copying them into the database (40 MB). A chunk of
    /// 1,024 applications changed some 3,000 pages (then a thousand of them a random page of each of two indexes by
    /// driver number; one since v16): checkpointed at 1,000 pages, every commit was followed by a copy of all it
    /// changed, and a national submit wrote 9.3 GB for a 2.2 GB database; at 10,000, 8.1 GB. Not for the portal:
    /// there a checkpoint ten times the size held the requests waiting behind it twice as long (a p99 of 71-80 ms
    /// against 39-62 ms).
    static let bulkCheckpointPages = 10_000

    /// How much memory a bulk writer's page cache may hold, in KiB (64 MiB; SQLite's own is 2 MiB). A chunk of
    /// 4,096 applications changes thousands of pages: in 2 MiB the writer wrote changed pages out to the log before
    /// the commit and read back those it changed again (its cache's spilling, 5% of its samples). National submit,
    /// three rounds in turn (stop 40): 1.5-2.4 s less system time, 38.2-40.0 s against 39.6-41.7 s for the
    /// applications.
    static let bulkCacheKiB = 65_536

    /// The condition for the versions about one subject (its number bound after), of `table` (the table's name or
    /// its alias): every stored form's, found through `submissionBySubject` (form, subject, round), a look-up a
    /// form. Migration v16 dropped the index by subject alone, of which every stored version wrote a random page.
    static func subjectIs(_ table: String = "submission") -> String {
        "\(table).formID IN (SELECT formID FROM definition WHERE kind = 'form') AND \(table).subjectKey = ?"
    }

    /// How much of the database file SQLite maps into memory (it caps this at its own limit, 2 GB on Debian).
    static let memoryMapBytes = 2_147_418_112

    /// The current time as stored: ISO 8601 in UTC, to the second.
    static func now() -> String {
        Date().formatted(.iso8601)
    }
}
