import FormEngine
import PostgresNIO
import Records

extension PostgreSQLStore {
    /// Stored submissions about one kind of subject, newest first (see `ReturnStore.submissionSummaries`).
    public func submissionSummaries(
        subject: Subject, subjectKey: String?, district: String?, latestOnly: Bool, limit: Int
    ) async throws -> [SubmissionSummary] {
        try await readOnce { connection in
            try await connection.rows(
                """
                SELECT s.id, s.subjectKey, school.name, s.district, c.name, s.receivedAt, s.submitter, later.id,
                  (SELECT decision FROM evaluation WHERE submissionID = s.id ORDER BY id DESC LIMIT 1),
                  (SELECT outcome FROM officerDecision WHERE submissionID = s.id ORDER BY id DESC LIMIT 1)
                FROM submission s
                LEFT JOIN submission later ON later.supersedes = s.id
                LEFT JOIN collection c ON c.id = s.collectionID
                LEFT JOIN school ON s.subjectKind = 'school' AND school.urn = s.subjectKey
                WHERE s.subjectKind = \(subject.rawValue)
                  AND (\(subjectKey)::text IS NULL OR s.subjectKey = \(subjectKey))
                  AND (\(district)::text IS NULL OR s.district = \(district))
                  AND (NOT \(latestOnly) OR later.id IS NULL)
                ORDER BY s.id DESC LIMIT \(Int64(limit))
                """
            ).map { row in
                SubmissionSummary(
                    id: try row[0].decode(Int64.self), subjectKey: try row[1].decode(String.self),
                    schoolName: try row[2].decode(String?.self), district: try row[3].decode(String?.self),
                    collection: try row[4].decode(String?.self), receivedAt: try row[5].decode(String.self),
                    submitter: try row[6].decode(String.self),
                    decision: try row[8].decode(String?.self).flatMap(Decision.init),
                    officerOutcome: try row[9].decode(String?.self).flatMap(LicensingOutcome.init),
                    supersededBy: try row[7].decode(Int64?.self))
            }
        }
    }

    /// The submissions of a form (or of every form) for an export, oldest first.
    public func exportedSubmissions(formID: String?, allVersions: Bool) async throws -> [ExportedSubmission] {
        try await readOnce { connection in
            try await connection.rows(
                """
                SELECT s.*, c.name AS collectionName,
                  (SELECT decision FROM evaluation e WHERE e.submissionID = s.id ORDER BY e.id DESC LIMIT 1)
                    AS latestDecision
                FROM submission s LEFT JOIN collection c ON c.id = s.collectionID
                WHERE (\(formID)::text IS NULL OR s.formID = \(formID))
                  AND (\(allVersions) OR NOT EXISTS (SELECT 1 FROM submission later WHERE later.supersedes = s.id))
                ORDER BY s.id
                """
            ).map { row in
                ExportedSubmission(
                    record: try SubmissionRecord(from: RowDecoder(row: row)),
                    collection: try row["collectionname"].decode(String?.self),
                    decision: try row["latestdecision"].decode(String?.self).flatMap(Decision.init))
            }
        }
    }
}
