import FormEngine
import Foundation
import GRDB
import Records

extension SQLiteStore {
    /// How many findings of each rule and severity the latest evaluations of these latest submissions hold.
    public func ruleCounts(formID: String, collectionID: Int64?, district: String?) async throws -> [RuleCount] {
        try await pool.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT f.rule, f.severity, count(*) AS n FROM finding f
                    WHERE f.evaluationID IN (
                      SELECT (SELECT max(id) FROM evaluation WHERE submissionID = s.id) FROM submission s
                      WHERE s.formID = ? AND s.collectionID IS ? AND (? IS NULL OR s.district = ?)
                        AND NOT EXISTS (SELECT 1 FROM submission later WHERE later.supersedes = s.id))
                    GROUP BY f.rule, f.severity ORDER BY n DESC, f.rule
                    """, arguments: [formID, collectionID, district, district]
            ).compactMap { row in
                Severity(rawValue: row["severity"]).map { RuleCount(rule: row["rule"], severity: $0, count: row["n"]) }
            }
        }
    }
}
