import GRDB

/// One stored submission as a list shows it: who it is about, when it came, what the checks and the officer
/// decided. No answers.
public struct SubmissionSummary: Sendable, Equatable {
    /// The submission number.
    public let id: Int64
    /// The URN or driver number.
    public let subjectKey: String
    /// The school's name from the register, for a school's return.
    public let schoolName: String?
    /// The district recorded with it.
    public let district: String?
    /// The collection it was made to, by name.
    public let collection: String?
    /// When it was received.
    public let receivedAt: String
    /// Who submitted it.
    public let submitter: String
    /// The latest evaluation's decision.
    public let decision: String
    /// The latest officer decision on it, if any.
    public let officerOutcome: String?
    /// The version that replaced it, if any.
    public let supersededBy: Int64?
}

extension ReturnStore {
    /// Stored submissions about one kind of subject, newest first: optionally one subject's (every version) or
    /// one district's (latest versions only), at most `limit`.
    public func submissionSummaries(
        subjectKind: String, subjectKey: String? = nil, district: String? = nil, latestOnly: Bool, limit: Int
    ) throws -> [SubmissionSummary] {
        var conditions = ["s.subjectKind = ?"]
        var arguments: StatementArguments = [subjectKind]
        if let subjectKey {
            conditions.append("s.subjectKey = ?")
            _ = arguments.append(contentsOf: [subjectKey])
        }
        if let district {
            conditions.append("s.district = ?")
            _ = arguments.append(contentsOf: [district])
        }
        if latestOnly { conditions.append("later.id IS NULL") }
        _ = arguments.append(contentsOf: [limit])
        return try pool.read { db in
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
                    WHERE \(conditions.joined(separator: " AND "))
                    ORDER BY s.id DESC LIMIT ?
                    """, arguments: arguments
            ).map { row in
                SubmissionSummary(
                    id: row["id"], subjectKey: row["subjectKey"], schoolName: row["schoolName"],
                    district: row["district"], collection: row["collection"], receivedAt: row["receivedAt"],
                    submitter: row["submitter"], decision: row["decision"] ?? "", officerOutcome: row["outcome"],
                    supersededBy: row["supersededBy"])
            }
        }
    }

    /// The collection a submission was made to, by name.
    public func collectionName(ofSubmission submission: SubmissionRecord) throws -> String? {
        guard let id = submission.collectionID else { return nil }
        return try pool.read { db in try CollectionRecord.fetchOne(db, key: id)?.name }
    }

    /// The number of the version that replaced a submission, if any.
    public func replacement(ofSubmission id: Int64) throws -> Int64? {
        try pool.read { db in
            try Int64.fetchOne(db, sql: "SELECT id FROM submission WHERE supersedes = ?", arguments: [id])
        }
    }
}
