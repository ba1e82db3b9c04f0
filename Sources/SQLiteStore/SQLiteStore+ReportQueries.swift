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

    /// Every officer's decision on a form's applications whose facts are kept, oldest first, with the driver each is
    /// about. The decisions lead the join (`CROSS JOIN` keeps SQLite's order, and no sort is needed); their columns
    /// are read through SQLite's C API: a national county's 262,000, decoded as records through GRDB, took about
    /// two seconds of CPU.
    public func licenceDecisions(formID: String) async throws -> [LicenceDecision] {
        try await pool.read { db in
            let statement = try db.makeStatement(
                sql: """
                    SELECT d.id, d.submissionID, f.subjectKey, d.outcome, d.licenceStart, d.licenceEnd,
                      coalesce(d.effectiveOn, substr(d.decidedAt, 1, 10))
                    FROM officerDecision d CROSS JOIN driverFact f ON f.submissionID = d.submissionID
                    WHERE f.formID = ? ORDER BY d.id
                    """)
            let rows = try Row.fetchCursor(statement, arguments: [formID])
            let column = StatementColumns(statement)
            var decisions: [LicenceDecision] = []
            while try rows.next() != nil {
                let id = column.int64(0)
                guard let outcome = LicensingOutcome(rawValue: column.text(3)) else {
                    throw Refusal.damaged("officer decision \(id) holds an outcome Safeguard does not know")
                }
                decisions.append(
                    LicenceDecision(
                        id: id, submissionID: column.int64(1), driver: column.text(2), outcome: outcome,
                        licenceStart: column.day(4), licenceEnd: column.day(5), takesEffect: column.day(6)))
            }
            return decisions
        }
    }

    /// Every Update Service check recorded, oldest first, through SQLite's C API as the decisions are.
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
