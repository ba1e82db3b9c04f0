import GRDB
import PostgresNIO
@testable import PostgreSQLStore
@testable import SQLiteStore
import StoreKinds
import Testing

/// Checking a driver's application searches the JOF shared register for that driver's entries: by the driver's
/// number, National Insurance number or date of birth, each through an index, so that a register of NR3S's size is
/// never read through for one application.
@Suite struct RegisterSearchTests {
    @Test("SQLite finds a driver's register entries through its indexes, reading no other entry")
    func sqliteSearchesByIndexes() async throws {
        let temporary = try await TemporaryStore(.sqlite)
        let plan = try await temporary.sqlite.pool.read { db in
            try Row.fetchAll(
                db, sql: "EXPLAIN QUERY PLAN " + SQLiteStore.registerEntriesAboutSQL,
                arguments: ["2015-01-01", "SMITH701019JO9AB", "AB123456C", "1970-01-01"]
            ).map { $0["detail"] as String }
        }
        #expect(!plan.contains { $0.hasPrefix("SCAN sharedRegisterEntry") }, "\(plan)")
        for index in ["driverNumber", "niNumber", "dateOfBirth"] {
            #expect(plan.contains { $0.contains("sharedRegisterEntry_on_\(index)") }, "\(plan)")
        }
    }

    @Test(
        "PostgreSQL keeps an index of the register's dates of birth, beside its driver and NI numbers'",
        .enabled(if: StoreKind.postgresqlURL != nil, Comment(rawValue: StoreKind.skippedBecause)))
    func postgresqlIndexesDatesOfBirth() async throws {
        let temporary = try await TemporaryStore(.postgresql)
        let store = try #require(temporary.store as? PostgreSQLStore)
        let indexed = try await store.read { connection in
            try await connection.values(
                String.self,
                "SELECT indexdef FROM pg_indexes WHERE tablename = 'sharedregisterentry' ORDER BY indexname")
        }
        for column in ["driverNumber", "niNumber", "dateOfBirth"] {
            #expect(indexed.contains { $0.hasSuffix("(\(column.lowercased()))") }, "\(indexed)")
        }
    }
}
