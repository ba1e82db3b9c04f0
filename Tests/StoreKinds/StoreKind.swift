import Foundation
import PostgreSQLStore
import Records
import SQLiteStore

/// The stores a test runs on: SQLite always; PostgreSQL too when `SAFEGUARD_TEST_POSTGRESQL` names a server that
/// the tests may create databases on (`.ci/run` starts one and sets it; `scripts/postgresql-cluster start` does too).
public enum StoreKind: String, Sendable, CustomStringConvertible, CaseIterable {
    case sqlite
    case postgresql

    /// The URL of the PostgreSQL server the tests use, if one was given.
    public static let postgresqlURL: String? = {
        let url = ProcessInfo.processInfo.environment["SAFEGUARD_TEST_POSTGRESQL"] ?? ""
        return url.isEmpty ? nil : url
    }()

    /// The stores this run tests: PostgreSQL's runs are skipped, and say so, without a server.
    public static let available: [StoreKind] = postgresqlURL == nil ? [.sqlite] : [.sqlite, .postgresql]

    /// Why the PostgreSQL runs are skipped, for the test that says so.
    public static let skippedBecause =
        "SAFEGUARD_TEST_POSTGRESQL is not set: the PostgreSQL runs of the store, use-case, CLI and portal tests were "
        + "skipped (scripts/postgresql-cluster start prints a URL to set it to)"

    /// The store's name, as the test's argument is shown.
    public var description: String { rawValue }

    /// The store at a location (a file's path or a database's URL), opened as the command line opens it.
    public func open(_ location: String) async throws -> any ReturnStore {
        switch self {
        case .sqlite: return try SQLiteStore.open(path: location)
        case .postgresql: return try await PostgreSQLStore.open(url: location)
        }
    }

    /// Where a new store of this kind goes: a file in `folder`, or a new database on the test server (as
    /// `--database` takes it).
    public func newLocation(in folder: URL) async throws -> String {
        switch self {
        case .sqlite: return folder.appendingPathComponent("test.sqlite").path
        case .postgresql: return try await newDatabaseURL()
        }
    }

    /// A new folder for a test's files whose name says which store the commands run in it use (see `database(for:)`);
    /// on PostgreSQL, its database is made with it.
    public func newFolder() async throws -> URL {
        let id = UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("safeguard-test-\(rawValue)-\(id)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        if self == .postgresql {
            guard let server = Self.postgresqlURL else {
                throw Refusal.badDatabaseURL(url: "", why: Self.skippedBecause)
            }
            _ = try await PostgreSQLStore.createDatabase(named: "test_" + id, besides: server)
        }
        return folder
    }

    /// The database the commands run in a folder from `newFolder()` use, as `--database` takes it: the folder's
    /// `safeguard.sqlite`, or the PostgreSQL database made with the folder.
    public static func database(for folder: URL) -> String {
        let name = folder.lastPathComponent
        guard name.hasPrefix("safeguard-test-postgresql-"), let server = postgresqlURL,
            var parts = URLComponents(string: server)
        else { return folder.appendingPathComponent("safeguard.sqlite").path }
        parts.path = "/test_" + name.dropFirst("safeguard-test-postgresql-".count)
        return parts.string! + "&pool=2"
    }

    /// Drops a store's PostgreSQL database (given by its URL), closing its connections: what a database that goes
    /// away looks like to the processes using it.
    public static func dropDatabase(at url: String) async throws {
        guard let server = postgresqlURL, let name = URLComponents(string: url)?.path.dropFirst() else { return }
        try await PostgreSQLStore.dropDatabase(named: String(name), besides: server)
    }

    /// A new database on the test server, its URL with a small pool (many tests run at once).
    private func newDatabaseURL() async throws -> String {
        guard let server = Self.postgresqlURL else { throw Refusal.badDatabaseURL(url: "", why: Self.skippedBecause) }
        let name = "test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        let url = try await PostgreSQLStore.createDatabase(named: name, besides: server)
        return url + (url.contains("?") ? "&" : "?") + "pool=2"
    }
}
