import FormEngine
import PostgresNIO
import Records

extension PostgreSQLStore {
    /// How many findings of each rule and severity the latest evaluations of these latest submissions hold.
    public func ruleCounts(formID: String, collectionID: Int64?, district: String?) async throws -> [RuleCount] {
        try await readOnce { connection in
            try await connection.rows(
                """
                SELECT f.rule, f.severity, count(*) AS n FROM finding f
                WHERE f.evaluationID IN (
                  SELECT (SELECT max(id) FROM evaluation WHERE submissionID = s.id) FROM submission s
                  WHERE s.formID = \(formID) AND s.collectionID IS NOT DISTINCT FROM \(collectionID)
                    AND (\(district)::text IS NULL OR s.district = \(district))
                    AND NOT EXISTS (SELECT 1 FROM submission later WHERE later.supersedes = s.id))
                GROUP BY f.rule, f.severity ORDER BY n DESC, f.rule
                """
            ).compactMap { row in
                guard let severity = Severity(rawValue: try row[1].decode(String.self)) else { return nil }
                return RuleCount(
                    rule: try row[0].decode(String.self), severity: severity, count: try row[2].decode(Int.self))
            }
        }
    }

    /// Every Update Service check recorded, oldest first, its day read as a day.
    public func statusChecks() async throws -> [StatusCheck] {
        try await readOnce { connection in
            try await connection.rows("SELECT id, driverNumber, checkedOn, result FROM dbsCheck ORDER BY id").map {
                row in
                guard let result = DBSCheckResult(rawValue: try row[3].decode(String.self)) else {
                    throw Refusal.damaged(
                        "DBS check \(try row[0].decode(Int64.self)) holds a result Safeguard does not know")
                }
                return StatusCheck(
                    driver: try row[1].decode(String.self), checkedOn: try Self.isoDay(row[2]), result: result)
            }
        }
    }

    /// A day kept as text (`YYYY-MM-DD`); nil when NULL or not a day.
    static func isoDay(_ cell: PostgresCell) throws -> Day? {
        try cell.decode(String?.self).flatMap { Day(iso: $0) }
    }
}
