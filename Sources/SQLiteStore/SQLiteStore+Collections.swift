import GRDB
import Records

extension SQLiteStore {
    /// Opens a round of returns; refuses a name already used.
    public func openCollection(_ collection: CollectionRecord) async throws -> CollectionRecord {
        try await write { db in
            if try CollectionRecord.filter(Column("name") == collection.name).fetchOne(db) != nil {
                throw Refusal.collectionExists(collection.name)
            }
            var record = collection
            try record.insert(db)
            try Self.audit(
                db, actor: record.openedBy, action: .collectionOpen, target: "collection \(record.name)",
                detail: "form \(record.formID), \(record.periodStart) to \(record.periodEnd), due \(record.due)")
            return record
        }
    }

    /// Every collection, oldest first.
    public func collections() async throws -> [CollectionRecord] {
        try readOnThisThread { db in
            try CollectionRecord.fetchAll(db.cachedStatement(sql: "SELECT * FROM collection ORDER BY id"))
        }
    }
}
