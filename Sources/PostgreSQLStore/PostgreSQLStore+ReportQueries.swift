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
}
