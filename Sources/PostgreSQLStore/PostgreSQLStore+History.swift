import FormEngine
import PostgresNIO
import Records

extension PostgreSQLStore {
    /// Every stored version for one school (URN) or driver (licence number), oldest first.
    public func history(subjectKey: String) async throws -> [HistoryEntry] {
        try await read { connection in
            let submissions = try await connection.records(
                SubmissionRecord.self, "SELECT * FROM submission WHERE subjectKey = \(subjectKey) ORDER BY id")
            var entries: [HistoryEntry] = []
            for submission in submissions {
                let id = submission.id!
                let collection = try await connection.value(
                    String.self, "SELECT name FROM collection WHERE id = \(submission.collectionID)")
                var evaluations: [(EvaluationRecord, [Severity: Int])] = []
                for evaluation in try await connection.records(
                    EvaluationRecord.self, "SELECT * FROM evaluation WHERE submissionID = \(id) ORDER BY id")
                {
                    let rows = try await connection.rows(
                        "SELECT severity, count(*) FROM finding WHERE evaluationID = \(evaluation.id!) GROUP BY severity"
                    )
                    var counts: [(Severity, Int)] = []
                    for row in rows {
                        guard let severity = Severity(rawValue: try row[0].decode(String.self)) else { continue }
                        counts.append((severity, try row[1].decode(Int.self)))
                    }
                    evaluations.append((evaluation, Dictionary(counts, uniquingKeysWith: +)))
                }
                let decisions = try await connection.records(
                    OfficerDecisionRecord.self, "SELECT * FROM officerDecision WHERE submissionID = \(id) ORDER BY id")
                let checks =
                    submission.subjectKind == .driver
                    ? try await connection.records(
                        DBSCheckRecord.self,
                        "SELECT * FROM dbsCheck WHERE driverNumber = \(submission.subjectKey) ORDER BY id") : []
                entries.append(
                    HistoryEntry(
                        submission: submission, collection: collection,
                        supersededBy: try await Self.replacement(connection, of: id), evaluations: evaluations,
                        decisions: decisions, dbsChecks: checks))
            }
            return entries
        }
    }

    /// The newest version of every subject's submission (in each collection), optionally for one form only.
    public func latestSubmissionIDs(formID: String?) async throws -> [Int64] {
        try await readOnce { connection in
            try await connection.values(
                Int64.self,
                """
                SELECT id FROM submission s
                WHERE NOT EXISTS (SELECT 1 FROM submission later WHERE later.supersedes = s.id)
                  AND (\(formID)::text IS NULL OR formID = \(formID))
                ORDER BY id
                """)
        }
    }
}
