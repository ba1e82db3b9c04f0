import GRDB

extension ReturnStore {
    /// Appends a line to the audit log inside the caller's transaction.
    static func audit(_ db: Database, actor: String, action: String, target: String, detail: String = "") throws {
        try db.cachedStatement(sql: "INSERT INTO audit (at, actor, action, target, detail) VALUES (?, ?, ?, ?, ?)")
            .execute(arguments: [now(), actor, action, target, detail])
    }

    /// Appends a line to the audit log.
    public func audit(actor: String, action: String, target: String, detail: String = "") throws {
        try pool.write { db in try Self.audit(db, actor: actor, action: action, target: target, detail: detail) }
    }

    /// The audit log, oldest first, from the start of `since` (a date, `YYYY-MM-DD`) when given.
    public func auditLog(since: String? = nil) throws -> [AuditRecord] {
        try pool.read { db in
            var request = AuditRecord.order(Column("id"))
            if let since { request = request.filter(Column("at") >= since) }
            return try request.fetchAll(db)
        }
    }
}
