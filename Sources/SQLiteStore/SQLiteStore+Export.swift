import FormEngine
import GRDB
import Records

extension SQLiteStore {
    /// The submissions of a form (or of every form) for an export, oldest first.
    public func exportedSubmissions(formID: String?, allVersions: Bool) async throws -> [ExportedSubmission] {
        var conditions: [String] = []
        var arguments: StatementArguments = []
        if let formID {
            conditions.append("s.formID = ?")
            arguments += [formID]
        }
        if !allVersions {
            conditions.append("NOT EXISTS (SELECT 1 FROM submission later WHERE later.supersedes = s.id)")
        }
        let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        let bound = arguments
        return try await pool.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT s.*, c.name AS collectionName,
                      (SELECT decision FROM evaluation e WHERE e.submissionID = s.id ORDER BY e.id DESC LIMIT 1) AS latestDecision
                    FROM submission s LEFT JOIN collection c ON c.id = s.collectionID
                    \(filter) ORDER BY s.id
                    """, arguments: bound
            ).map { row in
                ExportedSubmission(
                    record: try SubmissionRecord(row: row), collection: row["collectionName"],
                    decision: (row["latestDecision"] as String?).flatMap(Decision.init))
            }
        }
    }
}
