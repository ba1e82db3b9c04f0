import FormEngine
import Foundation
import GRDB
import Records
import PostgresNIO
@testable import PostgreSQLStore
@testable import SQLiteStore
import StoreKinds
import TestSupport
import Testing
import UseCases

/// A new store of one kind (a file in a new temporary folder, removed when the test ends, or a new PostgreSQL
/// database).
final class TemporaryStore: Sendable {
    let folder: URL
    let kind: StoreKind
    /// The file's path or the database's URL.
    let location: String
    let store: any ReturnStore

    init(_ kind: StoreKind = .sqlite) async throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        self.kind = kind
        location = try await kind.newLocation(in: folder)
        store = try await kind.open(location)
    }

    /// The same store opened again, as a second process would open it.
    func openAgain() async throws -> any ReturnStore { try await kind.open(location) }

    deinit { try? FileManager.default.removeItem(at: folder) }

    /// The store as the SQLite store it is, for the tests that read its file.
    var sqlite: SQLiteStore { store as! SQLiteStore }

    /// Runs a statement on the store's database directly, as someone holding its file or its password could: what
    /// the database itself refuses is thrown with the database's message.
    func executeDirectly(_ sql: String) async throws {
        do {
            if let store = store as? PostgreSQLStore {
                try await store.client.withConnection { try await $0.run(PostgresQuery(unsafeSQL: sql)) }
            } else {
                try await sqlite.pool.write { try $0.execute(sql: sql) }
            }
        } catch let error as DatabaseError {
            throw DatabaseRefusal(message: error.message ?? "\(error)")
        } catch let error as PSQLError {
            // The server's words, as the command line prints them (`PostgreSQLStore.serverMessage(of:)`).
            throw DatabaseRefusal(message: PostgreSQLStore.serverMessage(of: error) ?? String(reflecting: error))
        }
    }

    /// The use cases over this store, on a given day.
    func cases(catalog: FormCatalog = catalog, today: String = "2026-07-20") -> Safeguarding {
        let day = Day(iso: today)!
        return Safeguarding(store: store, catalog: catalog, today: { day })
    }

    /// Imports the example register.
    func importRegister() async throws {
        let bytes = try FileBytes.read(Paths.examples + "/register/gias-extract.csv").get().bytes
        _ = try await cases().importRegister(bytes, file: "gias.csv", by: .commandLine("test")).get()
    }

    /// Opens the 2025/26 collection.
    func openCollection() async throws -> CollectionRecord {
        try await cases().openCollection(
            "s11-2025-26", formID: "section11-school-return", periodStart: Day(iso: "2025-09-01")!,
            periodEnd: Day(iso: "2026-08-31")!, due: Day(iso: "2026-09-30")!, by: .commandLine("test")
        ).collection
    }

    /// Validates an example (or text) and stores it (in this store, or `into` another opening of it), as the store
    /// is asked to: no check of who sends it, a school's return to the collection given or none.
    @discardableResult
    func submit(
        example: String? = nil, text: String? = nil, collection: CollectionRecord? = nil, asOf: String = "2026-07-20",
        catalog: FormCatalog = catalog, allowsUnregistered: Bool = false, into: (any ReturnStore)? = nil
    ) async throws -> StoreOutcome {
        let bytes =
            try example.map { try FileBytes.read(Paths.examples + "/" + $0).get().bytes } ?? Array((text ?? "").utf8)
        let evaluation = Validator(catalog: catalog).evaluate(
            bytes, file: example ?? "text.yaml", asOf: Day(iso: asOf)!, parameters: collection?.ruleParameters ?? [:])
        let context = SubmissionContext(
            collection: collection, source: .file, submitter: "tester", allowsUnregistered: allowsUnregistered)
        return try await (into ?? store).store([PreparedSubmission(evaluation)], context: context, catalog: catalog)[0]
    }
}

/// What the database said when it refused a statement.
struct DatabaseRefusal: Error {
    let message: String
}
