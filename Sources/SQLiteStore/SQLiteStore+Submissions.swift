import FormEngine
import Foundation
import GRDB
import Records

extension SQLiteStore {
    /// Stores evaluated submissions in one transaction (see `ReturnStore.store`).
    public func store(_ submissions: [PreparedSubmission], context: SubmissionContext, catalog: FormCatalog)
        async throws -> [StoreOutcome]
    {
        try await write { db in
            var writer = SubmissionWriter(
                db: db, catalog: catalog, parameters: context.collection?.ruleParameters ?? [:])
            return try submissions.map { try writer.store($0, context: context) }
        }
    }

    /// The newest version of a subject's submissions to a form (and collection), if there is one, and its district.
    static func latestSubmission(_ db: Database, formID: String, subjectKey: String, collectionID: Int64?) throws
        -> (id: Int64, district: String?)?
    {
        try Row.fetchOne(
            db.cachedStatement(
                sql: """
                    SELECT id, district FROM submission s
                    WHERE formID = ? AND subjectKey = ? AND collectionID IS ?
                      AND NOT EXISTS (SELECT 1 FROM submission later WHERE later.supersedes = s.id)
                    ORDER BY id DESC LIMIT 1
                    """), arguments: [formID, subjectKey, collectionID]
        ).map { ($0[0], $0[1]) }
    }

    /// The number of the version that replaced a submission, if any.
    static func replacement(_ db: Database, of id: Int64) throws -> Int64? {
        try Int64.fetchOne(db, sql: "SELECT id FROM submission WHERE supersedes = ?", arguments: [id])
    }

    /// A submission's latest evaluation.
    static func latestEvaluation(_ db: Database, of id: Int64) throws -> EvaluationRecord? {
        try EvaluationRecord.filter(Column("submissionID") == id).order(Column("id").desc).fetchOne(db)
    }

    /// An evaluation's findings, in the order they were stored.
    static func findings(_ db: Database, of evaluationID: Int64) throws -> [FindingRecord] {
        try FindingRecord.filter(Column("evaluationID") == evaluationID).order(Column("id")).fetchAll(db)
    }

    /// A stored submission by number.
    public func submission(_ id: Int64) async throws -> SubmissionRecord? {
        try await pool.read { db in try SubmissionRecord.fetchOne(db, key: id) }
    }

    /// A stored submission with its latest evaluation and findings, decisions, collection and replacement.
    public func submissionDetail(_ id: Int64) async throws -> SubmissionDetail? {
        try await pool.read { db in
            guard let record = try SubmissionRecord.fetchOne(db, key: id),
                let evaluation = try Self.latestEvaluation(db, of: id)
            else { return nil }
            return SubmissionDetail(
                record: record, evaluation: evaluation, findings: try Self.findings(db, of: evaluation.id!),
                decisions: try OfficerDecisionRecord.filter(Column("submissionID") == id).order(Column("id"))
                    .fetchAll(db),
                collection: try record.collectionID.flatMap { try CollectionRecord.fetchOne(db, key: $0)?.name },
                replacement: try Self.replacement(db, of: id))
        }
    }
}
