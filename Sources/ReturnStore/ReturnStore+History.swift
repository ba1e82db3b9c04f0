import GRDB

/// One stored version of a subject's submission, with every evaluation made of it.
public struct HistoryEntry: Sendable {
    /// The submission.
    public let submission: SubmissionRecord
    /// The collection it was made to, by name.
    public let collection: String?
    /// The version that replaced it, if any.
    public let supersededBy: Int64?
    /// Its evaluations, oldest first, each with how many findings of each severity it had.
    public let evaluations: [(record: EvaluationRecord, counts: [String: Int])]
    /// Licensing officers' decisions on it, oldest first.
    public let decisions: [OfficerDecisionRecord]
    /// For a driver, the Update Service checks recorded, oldest first.
    public let dbsChecks: [DBSCheckRecord]
}

extension ReturnStore {
    /// Every stored version for one school (URN) or driver (licence number), oldest first. Viewing what is stored is audited.
    public func history(subjectKey: String, actor: String) throws -> [HistoryEntry] {
        try pool.write { db in
            let submissions = try SubmissionRecord.filter(Column("subjectKey") == subjectKey).order(Column("id"))
                .fetchAll(db)
            var entries: [HistoryEntry] = []
            for submission in submissions {
                let collection = try submission.collectionID.flatMap {
                    try CollectionRecord.fetchOne(db, key: $0)?.name
                }
                let supersededBy = try Int64.fetchOne(
                    db, sql: "SELECT id FROM submission WHERE supersedes = ?", arguments: [submission.id])
                var evaluations: [(EvaluationRecord, [String: Int])] = []
                for evaluation in try EvaluationRecord.filter(Column("submissionID") == submission.id).order(
                    Column("id")
                ).fetchAll(db) {
                    let rows = try Row.fetchAll(
                        db, sql: "SELECT severity, count(*) AS n FROM finding WHERE evaluationID = ? GROUP BY severity",
                        arguments: [evaluation.id])
                    evaluations.append(
                        (evaluation, Dictionary(rows.map { ($0["severity"], $0["n"]) }, uniquingKeysWith: +)))
                }
                let decisions = try OfficerDecisionRecord.filter(Column("submissionID") == submission.id).order(
                    Column("id")
                ).fetchAll(db)
                let checks = try DBSCheckRecord.filter(Column("driverNumber") == submission.subjectKey).order(
                    Column("id")
                ).fetchAll(db)
                entries.append(
                    HistoryEntry(
                        submission: submission, collection: collection, supersededBy: supersededBy,
                        evaluations: evaluations,
                        decisions: decisions, dbsChecks: submission.subjectKind == "driver" ? checks : []))
            }
            if !submissions.isEmpty {
                let targets = submissions.map { "submission \($0.id!)" }.joined(separator: ", ")
                try Self.audit(db, actor: actor, action: "view", target: targets, detail: "history")
            }
            return entries
        }
    }

    /// The newest version of every subject's submission (in each collection), optionally for one form only.
    public func latestSubmissionIDs(formID: String? = nil) throws -> [Int64] {
        try pool.read { db in
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
