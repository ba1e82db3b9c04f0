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

    /// Every Update Service check recorded, oldest first, its columns read through SQLite's C API (as records
    /// through GRDB, a national county's took a third of a second of CPU).
    public func statusChecks() async throws -> [StatusCheck] {
        try await pool.read { db in
            let statement = try db.makeStatement(
                sql: "SELECT id, driverNumber, checkedOn, result FROM dbsCheck ORDER BY id")
            let rows = try Row.fetchCursor(statement)
            let column = StatementColumns(statement)
            var checks: [StatusCheck] = []
            while try rows.next() != nil {
                guard let result = DBSCheckResult(rawValue: column.text(3)) else {
                    throw Refusal.damaged("DBS check \(column.int64(0)) holds a result Safeguard does not know")
                }
                checks.append(StatusCheck(driver: column.text(1), checkedOn: column.day(2), result: result))
            }
            return checks
        }
    }
}
