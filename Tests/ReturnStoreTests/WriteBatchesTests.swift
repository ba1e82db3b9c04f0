import Foundation
import GRDB
@testable import SQLiteStore
import Testing

/// The SQLite store runs the writes that wait together in one transaction (`WriteBatches`): what each caller is
/// told must be what is kept, whatever the others in its batch do.
@Suite struct WriteBatchesTests {
    /// A write's own failure, naming the write.
    struct Refused: Error, Equatable {
        let number: Int
    }

    /// Runs a write for each number at once, each inserting its number into `scratch` (with `padding` bytes beside
    /// it); what each caller was told.
    private func writeAtOnce(
        _ numbers: Range<Int>, on store: SQLiteStore, padding: Int = 0, refusing: @escaping @Sendable (Int) -> Bool
    ) async -> [Int: Result<Int, any Error>] {
        await withTaskGroup(of: (Int, Result<Int, any Error>).self) { group in
            for number in numbers {
                group.addTask {
                    do {
                        let value = try await store.write { db in
                            try db.execute(
                                sql: "INSERT INTO scratch (n, padding) VALUES (?, zeroblob(?))",
                                arguments: [number, padding])
                            if refusing(number) { throw Refused(number: number) }
                            return number * 10
                        }
                        return (number, .success(value))
                    } catch {
                        return (number, .failure(error))
                    }
                }
            }
            var told: [Int: Result<Int, any Error>] = [:]
            for await (number, result) in group { told[number] = result }
            return told
        }
    }

    /// The numbers the scratch table holds.
    private func kept(_ store: SQLiteStore) async throws -> Set<Int> {
        Set(try await store.pool.read { db in try Int.fetchAll(db, sql: "SELECT n FROM scratch") })
    }

    /// The scratch table: a number, and bytes to make its rows as large as a test needs.
    private static let scratch = "CREATE TABLE scratch (n INTEGER NOT NULL, padding BLOB)"

    @Test(
        "a bulk writer checkpoints every 10,000 pages of log and keeps 64 MiB of pages, any other every 1,000 and 2 MiB; every commit is synced"
    )
    func bulkCheckpoints() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("county.sqlite").path
        for (bulk, pages, cache) in [(true, 10_000, -65_536), (false, 1_000, -2_000)] {
            let store = try SQLiteStore.open(path: path, bulk: bulk)
            #expect(try await store.write { try Int.fetchOne($0, sql: "PRAGMA wal_autocheckpoint") } == pages)
            #expect(try await store.write { try Int.fetchOne($0, sql: "PRAGMA cache_size") } == cache)
            #expect(
                try await store.write { try Int.fetchOne($0, sql: "PRAGMA synchronous") } == 2,
                "FULL: each commit on the disk before it is answered")
        }
    }

    /// How many rows `scratch` holds in the database file itself, read as the file stands without its log
    /// (`immutable`): what has been copied into it. Nil while the file holds no such table (or is being written).
    private func rowsInFile(_ path: String) -> Int? {
        var configuration = Configuration()
        configuration.readonly = true
        let encoded = path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? path
        return try? DatabaseQueue(path: "file:\(encoded)?immutable=1", configuration: configuration).read {
            try Int.fetchOne($0, sql: "SELECT count(*) FROM scratch")
        }
    }

    @Test("a bulk writer's commits are copied from the log into the database file while it writes; another's wait")
    func bulkWriterCopiesItsLog() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for bulk in [true, false] {
            let path = folder.appendingPathComponent("county-\(bulk).sqlite").path
            let store = try SQLiteStore.open(path: path, bulk: bulk)
            try await store.write { try $0.execute(sql: Self.scratch) }
            for number in 0..<5 {
                try await store.write { try $0.execute(sql: "INSERT INTO scratch (n) VALUES (?)", arguments: [number]) }
            }
            if bulk {
                let deadline = ContinuousClock.now + .seconds(10)
                while rowsInFile(path) != 5, ContinuousClock.now < deadline {
                    try await Task.sleep(for: .milliseconds(20))
                }
                #expect(rowsInFile(path) == 5, "the five rows copied into the file beside the writer")
            } else {
                #expect(rowsInFile(path) == nil, "a few pages of log wait for the writer's checkpoint at 1,000")
            }
            #expect(try await kept(store) == Set(0..<5))
        }
    }

    @Test(
        "writes made at once each get their own answer, and one that fails is undone alone, small or large",
        // 40 KB a write: a batch's undo records (kept in memory) pass the 64 KiB SQLite otherwise keeps them in.
        arguments: [0, 40_000])
    func failingWriteIsUndoneAlone(padding: Int) async throws {
        let temporary = try await TemporaryStore()
        try await temporary.executeDirectly(Self.scratch)
        let told = await writeAtOnce(0..<200, on: temporary.sqlite, padding: padding, refusing: { $0 % 7 == 3 })
        #expect(told.count == 200)
        for (number, result) in told {
            switch result {
            case .success(let value):
                #expect(number % 7 != 3)
                #expect(value == number * 10)
            case .failure(let error):
                #expect(error as? Refused == Refused(number: number))
            }
        }
        #expect(try await kept(temporary.sqlite) == Set((0..<200).filter { $0 % 7 != 3 }))
    }

    @Test("a write after which SQLite rolls the whole transaction back fails every write of its batch, none kept")
    func abortedTransactionFailsItsBatch() async throws {
        let temporary = try await TemporaryStore()
        try await temporary.executeDirectly(Self.scratch)
        // RAISE(ROLLBACK) ends the transaction, as a full disk or an I/O error would.
        try await temporary.executeDirectly(
            """
            CREATE TRIGGER scratchRollback BEFORE INSERT ON scratch WHEN NEW.n = 117
            BEGIN SELECT RAISE(ROLLBACK, 'rolled back'); END
            """)
        let told = await writeAtOnce(0..<200, on: temporary.sqlite, refusing: { _ in false })
        let stored = try await kept(temporary.sqlite)
        // What each caller was told is what is kept: a success is in the table, a failure is not.
        for (number, result) in told {
            switch result {
            case .success: #expect(stored.contains(number), "write \(number) was told it was stored")
            case .failure: #expect(!stored.contains(number), "write \(number) was told it failed")
            }
        }
        guard case .failure(let error as DatabaseError) = told[117] else {
            Issue.record("write 117 did not fail with the database's error")
            return
        }
        #expect(error.message == "rolled back")
        // The store writes on afterwards.
        #expect(try await temporary.sqlite.write { db in try Int.fetchOne(db, sql: "SELECT 1") } == 1)
    }
}
