import Foundation
import Logging
import PostgresNIO
import Records
import Synchronization

/// The store in a PostgreSQL database, through postgres-nio: for several portal instances and machines sharing one
/// database, with the same semantics as the SQLite store and the same tests.
///
/// Every method leases a connection from the client's pool; what one call writes is one transaction (calls storing
/// submissions at once may share one, each call's all or nothing). Versions of
/// one subject are stored one process at a time (a transaction-scoped advisory lock on the form and subject), so
/// several processes storing at once still leave one unbroken chain. The client's background work runs in a task
/// that ends when the store is released.
public final class PostgreSQLStore: ReturnStore {
    /// The connection pool.
    let client: PostgresClient
    /// The task running the pool's background work.
    private let running: Task<Void, Never>
    /// The database, as a URL without its password, for messages.
    public let description: String
    /// The most connections the pool holds.
    private let poolSize: Int
    /// How to open a connection of its own, outside the pool.
    private let target: PostgreSQLURL
    /// The calls that hold a connection of the pool or wait for one, now.
    private let wanted = Atomic<Int>(0)
    /// The calls storing submissions, written in batches.
    let batches = StoreBatches()
    /// The hashes of the form and rule files this store has kept (a kept file is never removed): a form of 20 KB
    /// and its rules of 50 KB were sent with every stored application, to be found there already.
    let keptDefinitions = Mutex<Set<String>>([])
    /// Where postgres-nio would log: nowhere, so no statement's values (personal data among them) reach a log.
    static let silent = Logger(label: "safeguard.postgresql", factory: { _ in SwiftLogNoOpLogHandler() })

    private init(client: PostgresClient, target: PostgreSQLURL) {
        self.client = client
        self.target = target
        description = target.description
        poolSize = target.poolSize
        running = Task { await client.run() }
    }

    deinit { running.cancel() }

    /// Connects to the database a `postgresql://user:password@host:port/database` URL names (`sslmode=disable`,
    /// `prefer`, the default, or `require`; `pool` the most connections to hold) and brings its schema up to date.
    public static func open(url: String) async throws -> PostgreSQLStore {
        let target = try PostgreSQLURL(url)
        // One connection first, outside the pool: the pool, failing to connect, says only that it gave up; this says
        // why (nothing listening, no such database, a password refused), and at once.
        let first = try await target.connect()
        // Stored answers are compressed with lz4 where the server has it (PostgreSQL 14 or later, built with it):
        // storing is faster than with the default pglz, for the same size.
        let lz4 = try await first.value(
            Bool.self,
            """
            SELECT EXISTS (SELECT 1 FROM pg_settings WHERE name = 'default_toast_compression' AND 'lz4' = ANY(enumvals))
            """)
        try await first.close()
        var configuration = PostgresClient.Configuration(
            host: target.host, port: target.port, username: target.user, password: target.password,
            database: target.database, tls: target.tls)
        configuration.options.maximumConnections = target.poolSize
        if lz4 == true { configuration.options.additionalStartupParameters = [("default_toast_compression", "lz4")] }
        let store = PostgreSQLStore(
            client: PostgresClient(configuration: configuration, backgroundLogger: silent), target: target)
        try await PostgreSQLMigrations.migrate(store.client)
        return store
    }

    /// Creates a new, empty database beside the one `url` names (its user must be allowed to create databases) and
    /// gives the new database's URL: for the tests, the benchmark and `store copy`'s target. `name` is lower-case
    /// letters, digits and underscores.
    public static func createDatabase(named name: String, besides url: String) async throws -> String {
        try await administer("CREATE DATABASE", name, besides: url)
        var parts = URLComponents(string: url)!
        parts.path = "/" + name
        return parts.string!
    }

    /// Drops a database beside the one `url` names, closing its connections first: for the tests and the benchmark,
    /// which make their own.
    public static func dropDatabase(named name: String, besides url: String) async throws {
        try await administer("DROP DATABASE IF EXISTS", name, besides: url, suffix: " WITH (FORCE)")
    }

    /// Runs `command name` on the server `url` names, connected to its database.
    private static func administer(_ command: String, _ name: String, besides url: String, suffix: String = "")
        async throws
    {
        guard !name.isEmpty, name.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "_") }) else {
            throw Refusal.badDatabaseURL(url: name, why: "a database's name here is lower-case letters, digits and _")
        }
        let target = try PostgreSQLURL(url)
        let connection = try await target.connect()
        do {
            try await connection.run(PostgresQuery(unsafeSQL: "\(command) \(name)\(suffix)"))
        } catch {
            try? await connection.close()
            throw error
        }
        try await connection.close()
    }

    /// A URL with its password, if it has one, replaced by `***`, for messages.
    public static func hidingPassword(_ url: String) -> String { PostgreSQLURL.hidingPassword(url) }

    /// What went wrong with the database, in words that hold no statement's values: the server's message (a
    /// database that does not exist, a password refused) or why it could not be reached.
    public static func describe(_ error: any Error) -> String {
        guard let error = error as? PSQLError else { return "\(error)" }
        if let message = error.serverInfo?[.message] { return message }
        if let underlying = error.underlying { return "\(underlying)" }
        return "\(error.code)"
    }

    /// The server's message when `error` is PostgreSQL's (what went wrong, without a statement's values); nil for
    /// any other error.
    public static func serverMessage(of error: any Error) -> String? {
        error is PSQLError ? describe(error) : nil
    }

    /// Whether a text names a PostgreSQL database rather than a SQLite file.
    public static func names(_ location: String) -> Bool {
        location.hasPrefix("postgresql://") || location.hasPrefix("postgres://")
    }

    /// How many calls hold a connection of the pool or wait for one, and how many connections it may hold.
    public func connectionUse() -> (wanted: Int, limit: Int)? {
        (wanted.load(ordering: .relaxed), poolSize)
    }

    /// Runs `work` counted among the calls that want a connection.
    private func counted<T: Sendable>(_ work: () async throws -> T) async throws -> T {
        wanted.add(1, ordering: .relaxed)
        defer { wanted.subtract(1, ordering: .relaxed) }
        return try await work()
    }

    /// Runs `work` in one transaction; a failure rolls it back and is thrown as it was (a refusal stays a refusal).
    /// A `COMMIT` left unanswered (the connection lost as it was sent: the server restarted, the network cut) is a
    /// failure only once the server says that transaction did not commit: taken as failed while it had committed, a
    /// school would be told its return was not kept, and a batch of portal requests stored again one by one.
    func write<T: Sendable>(_ work: (PostgresConnection) async throws -> T) async throws -> T {
        let attempt: Attempt<T> = try await counted {
            try await client.withConnection { connection in
                try await connection.run("BEGIN")
                let transaction: String
                let value: T
                do {
                    transaction = try await connection.value(String.self, "SELECT pg_current_xact_id()::text") ?? ""
                    value = try await work(connection)
                } catch {
                    try? await connection.run("ROLLBACK")
                    throw error
                }
                do {
                    try await connection.run("COMMIT")
                    return .committed(value)
                } catch let error as PSQLError where error.serverInfo != nil {
                    throw error  // the server answered: it did not commit
                } catch {
                    return .unanswered(value, transaction: transaction, error: error)
                }
            }
        }
        switch attempt {
        case .committed(let value):
            return value
        case .unanswered(let value, let transaction, let error):
            guard try await committed(transaction) else { throw error }
            return value
        }
    }

    /// How a write's transaction ended: committed, or its `COMMIT` sent and left unanswered (with the transaction's
    /// id, to ask the server about, and the error).
    private enum Attempt<T: Sendable>: Sendable {
        case committed(T)
        case unanswered(T, transaction: String, error: any Error)
    }

    /// Whether a transaction whose `COMMIT` went unanswered committed, asked on a connection of its own (the pool may
    /// still hold, or wait on, the connection that was lost): while the server has not finished with the transaction
    /// (it notices the lost connection, or finishes the commit) or cannot be reached (restarting), it is asked again,
    /// for up to ten seconds. An outcome still unknown then is `Refusal.commitOutcomeUnknown`.
    private func committed(_ transaction: String) async throws -> Bool {
        for attempt in 0..<100 {
            if attempt > 0 { try await Task.sleep(for: .milliseconds(100)) }
            guard let connection = try? await target.connect() else { continue }
            let status = try? await connection.value(String.self, "SELECT pg_xact_status(\(transaction)::xid8)")
            try? await connection.close()
            switch status {
            case "committed": return true
            case "aborted": return false
            default: continue
            }
        }
        throw Refusal.commitOutcomeUnknown
    }

    /// Runs `work`, one statement, on a connection of the pool, outside a transaction: one round trip, where a read
    /// in a transaction takes three (a statement sees the store as it stands when it runs).
    func readOnce<T: Sendable>(_ work: (PostgresConnection) async throws -> T) async throws -> T {
        try await counted { try await client.withConnection { connection in try await work(connection) } }
    }

    /// Runs `work` on one connection, in one read-only transaction that sees the store as it stood when it began.
    func read<T: Sendable>(_ work: (PostgresConnection) async throws -> T) async throws -> T {
        try await counted { try await readInTransaction(work) }
    }

    /// `read`'s transaction on a connection of the pool.
    private func readInTransaction<T: Sendable>(_ work: (PostgresConnection) async throws -> T) async throws -> T {
        try await client.withConnection { connection in
            try await connection.run("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            do {
                let result = try await work(connection)
                try await connection.run("COMMIT")
                return result
            } catch {
                try? await connection.run("ROLLBACK")
                throw error
            }
        }
    }

    /// The current time as stored: ISO 8601 in UTC, to the second.
    static func now() -> String {
        Date().formatted(.iso8601)
    }
}
