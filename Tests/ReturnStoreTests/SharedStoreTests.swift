import FormEngine
import Foundation
import GRDB
import PostgresNIO
@testable import PostgreSQLStore
import Records
@testable import SQLiteStore
import StoreKinds
import Testing

@Suite("One store shared by several processes, on SQLite and on PostgreSQL")
struct SharedStoreTests {
    @Test(
        "versions of one driver stored at once through two openings of the store make one unbroken chain",
        arguments: StoreKind.available)
    func oneChain(_ kind: StoreKind) async throws {
        let temporary = try await TemporaryStore(kind)
        let other = try await temporary.openAgain()
        let stores = [temporary.store, other]
        let outcomes = try await withThrowingTaskGroup(of: StoreOutcome.self) { group in
            for attempt in 0..<24 {
                group.addTask {
                    try await temporary.submit(
                        example: "applications/amir-patel-renewal.yaml", asOf: "2026-10-20", into: stores[attempt % 2])
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        let stored = outcomes.compactMap { outcome -> (id: Int64, supersedes: Int64?)? in
            guard case .stored(let id, let supersedes) = outcome else { return nil }
            return (id, supersedes)
        }
        #expect(stored.count == 24, "every version sent is stored: \(outcomes)")
        let history = try await temporary.store.history(subjectKey: "PATEL702238AP9AB")
        #expect(history.count == 24)
        // Each version supersedes the one stored before it: one chain, with no fork and no version left out.
        for (earlier, later) in zip(history, history.dropFirst()) {
            #expect(later.submission.supersedes == earlier.submission.id)
            #expect(earlier.supersededBy == later.submission.id)
        }
        #expect(history.first?.submission.supersedes == nil)
        #expect(try await temporary.store.latestSubmissionIDs(formID: nil) == [history.last!.submission.id!])
    }

    @Test(
        "PostgreSQL applies the SQLite store's migrations, by the same names and in the same order",
        .enabled(if: StoreKind.postgresqlURL != nil, Comment(rawValue: StoreKind.skippedBecause)))
    func sameMigrations() async throws {
        let temporary = try await TemporaryStore(.postgresql)
        let store = try #require(temporary.store as? PostgreSQLStore)
        let applied = try await store.read { connection in
            try await connection.values(String.self, "SELECT identifier FROM safeguard_migrations ORDER BY identifier")
        }
        let sqlite = StoreMigrations.migrator.migrations
        #expect(applied.count == sqlite.count)
        #expect(Set(applied) == Set(sqlite))
        #expect(PostgreSQLMigrations.migrations.map(\.0) == sqlite, "the same order")
        // Opening it again applies nothing twice.
        _ = try await temporary.openAgain()
        let again = try await store.read { connection in
            try await connection.value(Int64.self, "SELECT count(*) FROM safeguard_migrations")
        }
        #expect(again == Int64(sqlite.count))
    }
}
