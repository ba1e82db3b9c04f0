import FormEngine
import GRDB

extension ReturnStore {
    /// Opens a round of returns for a form; the name must be new and the dates in order.
    public func openCollection(
        name: String, formID: String, periodStart: Day, periodEnd: Day, due: Day, actor: String
    ) throws -> CollectionRecord {
        guard periodStart <= periodEnd else {
            throw StoreError("The period starts (\(periodStart)) after it ends (\(periodEnd)).")
        }
        return try pool.write { db in
            if try CollectionRecord.filter(Column("name") == name).fetchOne(db) != nil {
                throw StoreError("There is already a collection '\(name)'. Choose another name.")
            }
            var record = CollectionRecord(
                id: nil, name: name, formID: formID, periodStart: periodStart.iso, periodEnd: periodEnd.iso,
                due: due.iso,
                openedBy: actor, openedAt: Self.now())
            try record.insert(db)
            try Self.audit(
                db, actor: actor, action: "collection-open", target: "collection \(name)",
                detail: "form \(formID), \(periodStart.iso) to \(periodEnd.iso), due \(due.iso)")
            return record
        }
    }

    /// A collection by name.
    public func collection(named name: String) throws -> CollectionRecord? {
        try pool.read { db in try CollectionRecord.filter(Column("name") == name).fetchOne(db) }
    }

    /// Every collection, oldest first.
    public func collections() throws -> [CollectionRecord] {
        try pool.read { db in try CollectionRecord.order(Column("id")).fetchAll(db) }
    }
}

extension CollectionRecord {
    /// The rule parameters a collection replaces: its period, as `period_start` and `period_end`.
    public var ruleParameters: [String: Value] {
        var parameters: [String: Value] = [:]
        if let start = Day(iso: periodStart) { parameters["period_start"] = .date(start) }
        if let end = Day(iso: periodEnd) { parameters["period_end"] = .date(end) }
        return parameters
    }
}
