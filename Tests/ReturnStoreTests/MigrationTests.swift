import Foundation
import GRDB
import Testing

@testable import ReturnStore

@Suite("A database made by an earlier version opens and is brought up to date")
struct MigrationTests {
    @Test("a database from before v3 gains the decision index when opened, and keeps every submission")
    func upgradeToV3() throws {
        let temporary = try TemporaryStore()
        try temporary.importRegister()
        let collection = try temporary.openCollection()
        let stored = try #require(
            storedID(try temporary.submit(example: "returns/oakfield-primary.yaml", collection: collection)))
        let path = temporary.folder.appendingPathComponent("test.sqlite").path
        // Make it a database as v2 left it: no index, and v3 not recorded as applied.
        try temporary.store.pool.write { db in
            try db.execute(sql: "DROP INDEX evaluationLatestDecision")
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier LIKE 'v3:%'")
        }
        let before = try temporary.store.latestSubmissions(
            formID: "section11-school-return", collectionID: collection.id)

        let reopened = try ReturnStore.open(path: path)
        let indexes = try reopened.pool.read { db in
            try String.fetchAll(
                db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'evaluation'")
        }
        #expect(indexes.contains("evaluationLatestDecision"))
        let after = try reopened.latestSubmissions(formID: "section11-school-return", collectionID: collection.id)
        #expect(after.map(\.id) == [stored])
        #expect(after.map(\.id) == before.map(\.id))
        #expect(after.map(\.decision) == before.map(\.decision))
    }
}
