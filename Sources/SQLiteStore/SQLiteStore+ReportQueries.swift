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

    /// Every officer decision recorded on the submissions of a form, oldest first. The decisions lead the join
    /// (`CROSS JOIN` keeps SQLite's order): led by the form's 360,000 applications, a national report spent a
    /// tenth of a second finding there were none.
    public func officerDecisions(formID: String) async throws -> [OfficerDecisionRecord] {
        try await pool.read { db in
            try OfficerDecisionRecord.fetchAll(
                db,
                sql: """
                    SELECT d.* FROM officerDecision d CROSS JOIN submission s ON s.id = d.submissionID
                    WHERE s.formID = ? ORDER BY d.id
                    """, arguments: [formID])
        }
    }

    /// The subject of each of a form's submissions that an officer has decided on, by submission number.
    public func decidedSubjects(formID: String) async throws -> [Int64: String] {
        try await pool.read { db in
            Dictionary(
                try Row.fetchAll(
                    db,
                    sql: """
                        SELECT DISTINCT s.id, s.subjectKey FROM officerDecision d
                        CROSS JOIN submission s ON s.id = d.submissionID WHERE s.formID = ?
                        """, arguments: [formID]
                ).map { ($0[0], $0[1]) }, uniquingKeysWith: { first, _ in first })
        }
    }

    /// Every Update Service check recorded, oldest first.
    public func dbsChecks() async throws -> [DBSCheckRecord] {
        try await pool.read { db in try DBSCheckRecord.order(Column("id")).fetchAll(db) }
    }
}
