import FormEngine
import Foundation
import Records
import SQLiteStore
import StoreKinds
import TestSupport
import Testing
import UseCases

/// Someone at the command line, as the tests act.
let tester = Sender.commandLine("tester")

/// The use cases over a new store of one kind: a file in a new temporary folder, removed when the test ends, or a
/// new PostgreSQL database.
final class TemporaryCounty {
    let folder: URL
    let kind: StoreKind
    /// The file's path or the database's URL.
    let location: String
    let store: any ReturnStore

    init(_ kind: StoreKind = .sqlite) async throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("county-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        self.kind = kind
        location = try await kind.newLocation(in: folder)
        store = try await kind.open(location)
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    /// The store as the SQLite store it is, for the tests that read its file.
    var sqlite: SQLiteStore { store as! SQLiteStore }

    /// The same store opened again, as a second process would open it.
    func openAgain() async throws -> any ReturnStore { try await kind.open(location) }

    /// The use cases on a given day, with the project's catalog unless another is given.
    func cases(catalog: FormCatalog = catalog, today: String = "2026-10-20") -> Safeguarding {
        let day = Day(iso: today)!
        return Safeguarding(store: store, catalog: catalog, today: { day })
    }

    /// Imports the example register.
    func importRegister() async throws {
        let bytes = try FileBytes.read(Paths.examples + "/register/gias-extract.csv").get().bytes
        _ = try await cases().importRegister(bytes, file: "gias.csv", by: tester).get()
    }

    /// Opens the 2025/26 collection.
    @discardableResult
    func openCollection() async throws -> CollectionRecord {
        try await cases().openCollection(
            "s11-2025-26", formID: "section11-school-return", periodStart: Day(iso: "2025-09-01")!,
            periodEnd: Day(iso: "2026-08-31")!, due: Day(iso: "2026-09-30")!, by: tester
        ).collection
    }

    /// Submits an example (or text) as `safeguard submit` does, as of a day; its outcome.
    @discardableResult
    func submit(
        example: String? = nil, text: String? = nil, asOf: String = "2026-07-20", catalog: FormCatalog = catalog,
        by sender: Sender = tester
    ) async throws -> StoreOutcome {
        let bytes =
            try example.map { try FileBytes.read(Paths.examples + "/" + $0).get().bytes } ?? Array((text ?? "").utf8)
        return try await cases(catalog: catalog).submit(
            bytes, file: example ?? "text.yaml", options: SubmitOptions(source: .file, asOf: Day(iso: asOf)!),
            by: sender
        ).outcome
    }
}
