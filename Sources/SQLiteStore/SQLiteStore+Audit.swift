import FormEngine
import GRDB
import Records

extension SQLiteStore {
    /// Appends a line to the audit log inside the caller's transaction, at `time` (now, unless the caller has read it).
    static func audit(
        _ db: Database, actor: String, action: AuditAction, target: String, detail: String, at time: String = now()
    ) throws {
        try db.cachedStatement(sql: "INSERT INTO audit (at, actor, action, target, detail) VALUES (?, ?, ?, ?, ?)")
            .run(db, time, actor, action.rawValue, target, detail)
    }

    /// Appends a line to the audit log; on a database opened only to read there is nowhere to write it (the command
    /// line says so when it opens one), and the reading it records goes unrecorded.
    public func audit(actor: String, action: AuditAction, target: String, detail: String) async throws {
        guard !isReadOnly else { return }
        try await write { db in try Self.audit(db, actor: actor, action: action, target: target, detail: detail) }
    }

    /// The audit log, oldest first, from the start of `since` when given.
    public func auditLog(since: Day?) async throws -> [AuditRecord] {
        try await pool.read { db in
            var request = AuditRecord.order(Column("id"))
            if let since { request = request.filter(Column("at") >= since.iso) }
            return try request.fetchAll(db)
        }
    }

    /// A SQLite file has no pool of connections to a server: nil.
    public func connectionUse() -> (wanted: Int, limit: Int)? { nil }
}
