import FormEngine
import GRDB
import Records

extension SQLiteStore {
    /// Every stored version for one school (URN) or driver (licence number), oldest first.
    public func history(subjectKey: String) async throws -> [HistoryEntry] {
        try await pool.read { db in
            let submissions = try SubmissionRecord.filter(sql: Self.subjectIs(), arguments: [subjectKey])
                .order(Column("id")).fetchAll(db)
            var entries: [HistoryEntry] = []
            for submission in submissions {
                let collection = try submission.collectionID.flatMap {
                    try CollectionRecord.fetchOne(db, key: $0)?.name
                }
                var evaluations: [(EvaluationRecord, [Severity: Int])] = []
                for evaluation in try EvaluationRecord.filter(Column("submissionID") == submission.id).order(
                    Column("id")
                ).fetchAll(db) {
                    let rows = try Row.fetchAll(
                        db, sql: "SELECT severity, count(*) AS n FROM finding WHERE evaluationID = ? GROUP BY severity",
                        arguments: [evaluation.id])
                    let counts = rows.compactMap { row -> (Severity, Int)? in
                        Severity(rawValue: row["severity"]).map { ($0, row["n"]) }
                    }
                    evaluations.append((evaluation, Dictionary(counts, uniquingKeysWith: +)))
                }
                let decisions = try OfficerDecisionRecord.filter(Column("submissionID") == submission.id).order(
                    Column("id")
                ).fetchAll(db)
                let checks =
                    submission.subjectKind == .driver
                    ? try DBSCheckRecord.filter(Column("driverNumber") == submission.subjectKey).order(Column("id"))
                        .fetchAll(db) : []
                entries.append(
                    HistoryEntry(
                        submission: submission, collection: collection,
                        supersededBy: try Self.replacement(db, of: submission.id!), evaluations: evaluations,
                        decisions: decisions, dbsChecks: checks))
            }
            return entries
        }
    }

    /// The newest version of every subject's submission (in each collection), optionally for one form only.
    public func latestSubmissionIDs(formID: String?) async throws -> [Int64] {
        try await pool.read { db in
            var sql = """
                SELECT id FROM submission s
                WHERE NOT EXISTS (SELECT 1 FROM submission later WHERE later.supersedes = s.id)
                """
            var arguments: StatementArguments = []
            if let formID {
                sql += " AND formID = ?"
                arguments = [formID]
            }
            return try Int64.fetchAll(db, sql: sql + " ORDER BY id", arguments: arguments)
        }
    }
}
