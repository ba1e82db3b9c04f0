import FormEngine
import PostgresNIO
import Records

extension PostgreSQLStore {
    /// Appends a line to the audit log inside the caller's transaction.
    static func audit(
        _ connection: PostgresConnection, actor: String, action: AuditAction, target: String, detail: String
    ) async throws {
        try await connection.run(
            """
            INSERT INTO audit (at, actor, action, target, detail)
            VALUES (\(now()), \(actor), \(action.rawValue), \(target), \(detail))
            """)
    }

    /// Appends a line to the audit log.
    public func audit(actor: String, action: AuditAction, target: String, detail: String) async throws {
        try await write { connection in
            try await Self.audit(connection, actor: actor, action: action, target: target, detail: detail)
        }
    }

    /// The audit log, oldest first, from the start of `since` when given.
    public func auditLog(since: Day?) async throws -> [AuditRecord] {
        try await readOnce { connection in
            try await connection.records(
                AuditRecord.self,
                "SELECT * FROM audit WHERE \(since?.iso)::text IS NULL OR at >= \(since?.iso) ORDER BY id")
        }
    }
}
