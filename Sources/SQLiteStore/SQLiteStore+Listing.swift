import FormEngine
import GRDB
import Records

extension SQLiteStore {
    /// Stored submissions about one kind of subject, newest first (see `ReturnStore.submissionSummaries`).
    public func submissionSummaries(
        subject: Subject, subjectKey: String?, district: String?, latestOnly: Bool, limit: Int
    ) async throws -> [SubmissionSummary] {
        var conditions = ["s.subjectKind = ?"]
        var arguments: StatementArguments = [subject.rawValue]
        if let subjectKey {
            conditions.append(Self.subjectIs("s"))
            _ = arguments.append(contentsOf: [subjectKey])
        }
        if let district {
            conditions.append("s.district = ?")
            _ = arguments.append(contentsOf: [district])
        }
        if latestOnly { conditions.append("later.id IS NULL") }
        _ = arguments.append(contentsOf: [limit])
        let filter = conditions.joined(separator: " AND ")
        let bound = arguments
        return try await pool.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT s.id, s.subjectKey, school.name AS schoolName, s.district, c.name AS collection,
                      s.receivedAt, s.submitter, later.id AS supersededBy,
                      (SELECT decision FROM evaluation WHERE submissionID = s.id ORDER BY id DESC LIMIT 1) AS decision,
                      (SELECT outcome FROM officerDecision WHERE submissionID = s.id ORDER BY id DESC LIMIT 1) AS outcome
                    FROM submission s
                    LEFT JOIN submission later ON later.supersedes = s.id
                    LEFT JOIN collection c ON c.id = s.collectionID
                    LEFT JOIN school ON s.subjectKind = 'school' AND school.urn = s.subjectKey
                    WHERE \(filter)
                    ORDER BY s.id DESC LIMIT ?
                    """, arguments: bound
            ).map { row in
                SubmissionSummary(
                    id: row["id"], subjectKey: row["subjectKey"], schoolName: row["schoolName"],
                    district: row["district"], collection: row["collection"], receivedAt: row["receivedAt"],
                    submitter: row["submitter"], decision: (row["decision"] as String?).flatMap(Decision.init),
                    officerOutcome: (row["outcome"] as String?).flatMap(LicensingOutcome.init),
                    supersededBy: row["supersededBy"])
            }
        }
    }
}
