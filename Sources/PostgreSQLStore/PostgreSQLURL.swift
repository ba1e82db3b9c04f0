import Foundation
import PostgresNIO
import Records

/// A `postgresql://` URL read into what a connection needs.
struct PostgreSQLURL: CustomStringConvertible {
    let host: String
    let port: Int
    let user: String
    let password: String?
    let database: String?
    /// Whether the connection uses TLS: `disable`, `prefer` or `require`.
    let sslMode: String
    let poolSize: Int
    /// The URL without its password.
    let description: String

    /// Reads a URL, or refuses it saying what is wrong with it.
    init(_ url: String) throws {
        guard let parts = URLComponents(string: url), let scheme = parts.scheme,
            ["postgresql", "postgres"].contains(scheme), let host = parts.host, !host.isEmpty
        else {
            throw Refusal.badDatabaseURL(
                url: Self.hidingPassword(url), why: "it is not postgresql://user:password@host:port/database")
        }
        self.host = host
        port = parts.port ?? 5432
        user = parts.user.flatMap { $0.removingPercentEncoding } ?? "postgres"
        password = parts.password.flatMap { $0.removingPercentEncoding }
        let path = String(parts.path.drop(while: { $0 == "/" }))
        database = path.isEmpty ? nil : path.removingPercentEncoding
        let query = Dictionary(
            (parts.queryItems ?? []).map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { _, last in last })
        switch query["sslmode"] ?? "prefer" {
        case "disable": sslMode = "disable"
        case "prefer", "allow": sslMode = "prefer"
        case "require", "verify-ca", "verify-full": sslMode = "require"
        case let other:
            throw Refusal.badDatabaseURL(
                url: Self.hidingPassword(url), why: "sslmode '\(other)' is not disable, prefer or require")
        }
        guard let size = Int(query["pool"] ?? "8"), (1...200).contains(size) else {
            throw Refusal.badDatabaseURL(url: Self.hidingPassword(url), why: "pool must be a number from 1 to 200")
        }
        poolSize = size
        description = Self.hidingPassword(url)
    }

    /// The pool's TLS setting.
    var tls: PostgresClient.Configuration.TLS {
        switch sslMode {
        case "disable": return .disable
        case "require": return .require(.makeClientConfiguration())
        default: return .prefer(.makeClientConfiguration())
        }
    }

    /// A connection of its own to the database, outside any pool; the caller closes it.
    func connect() async throws -> PostgresConnection {
        try await PostgresConnection.connect(
            configuration: try connectionConfiguration(), id: 0, logger: PostgreSQLStore.silent)
    }

    /// The settings of one connection made outside the pool.
    func connectionConfiguration() throws -> PostgresConnection.Configuration {
        let context = try NIOSSLContext(configuration: .makeClientConfiguration())
        let tls: PostgresConnection.Configuration.TLS =
            switch sslMode {
            case "disable": .disable
            case "require": .require(context)
            default: .prefer(context)
            }
        return PostgresConnection.Configuration(
            host: host, port: port, username: user, password: password, database: database, tls: tls)
    }

    /// The URL with its password, if it has one, replaced by `***`.
    static func hidingPassword(_ url: String) -> String {
        guard var parts = URLComponents(string: url), parts.password != nil else { return url }
        parts.password = "***"
        return parts.string ?? url
    }
}
