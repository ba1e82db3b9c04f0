import Foundation
import FormEngine
import GRDB

/// Where a submission came from, who made it, and to which collection: what `store` records with it.
public struct SubmissionContext: Sendable {
    /// The collection it is made to, if any.
    public var collection: CollectionRecord?
    /// `file`, `portal`, `api` or `batch`.
    public var source: String
    /// Who submitted it.
    public var submitter: String
    /// When true, a school return whose URN is not an open school in the register is stored anyway.
    public var allowsUnregistered: Bool
    /// When the submission was really received, if not now: a return that came by email before it was entered.
    public var receivedAt: String?

    /// Creates a context.
    public init(
        collection: CollectionRecord?, source: String, submitter: String, allowsUnregistered: Bool = false,
        receivedAt: String? = nil
    ) {
        self.collection = collection
        self.source = source
        self.submitter = submitter
        self.allowsUnregistered = allowsUnregistered
        self.receivedAt = receivedAt
    }
}

/// What `store` did with one evaluated submission.
public enum StoreOutcome: Sendable, Equatable {
    /// Stored as this submission number, replacing an earlier version when `supersedes` is set.
    case stored(id: Int64, supersedes: Int64?)
    /// Not stored, and why.
    case refused(String)
}

/// A checked submission made ready to store: its answers and each finding written as JSON. Writing them is most
/// of the cost of storing, so a caller that checks many files prepares each one on the core that checked it.
public struct PreparedSubmission: Sendable {
    /// The evaluation.
    public let evaluation: Evaluation
    /// The answers as bound, as JSON, when the submission could be read.
    let bound: String?
    /// Each finding as JSON, in order.
    let findingDetails: [String]

    /// Prepares an evaluation.
    public init(_ evaluation: Evaluation) {
        self.evaluation = evaluation
        bound = evaluation.form.flatMap { form in evaluation.answers.map { form.json(of: $0).text } }
        findingDetails = evaluation.findings.map(\.json.text)
    }
}

extension ReturnStore {
    /// Stores evaluated submissions, each with its evaluation and findings, in one transaction: all of the
    /// batch is stored or none of it. Rejected submissions are stored too (a rejected return is still a
    /// return received); one that cannot be read, or names no subject, is refused with the reason.
    ///
    /// A submission for a subject (and collection) that already has one supersedes the latest; the older
    /// stays. `parameters` are the rule parameters the evaluations were made with.
    public func store(
        _ evaluations: [Evaluation], context: SubmissionContext, catalog: FormCatalog, parameters: [String: Value] = [:]
    ) throws -> [StoreOutcome] {
        try store(evaluations.map(PreparedSubmission.init), context: context, catalog: catalog, parameters: parameters)
    }

    /// Stores submissions already prepared, as `store(_:context:catalog:parameters:)` does.
    public func store(
        _ prepared: [PreparedSubmission], context: SubmissionContext, catalog: FormCatalog,
        parameters: [String: Value] = [:]
    ) throws -> [StoreOutcome] {
        try pool.write { db in
            var writer = SubmissionWriter(db: db, catalog: catalog, parameters: parameters)
            return try prepared.map { try writer.store($0, context: context) }
        }
    }

    /// The newest version of a subject's submissions to a form (and collection), if there is one.
    static func latestSubmissionID(_ db: Database, formID: String, subjectKey: String, collectionID: Int64?) throws
        -> Int64?
    {
        try Int64.fetchOne(
            db.cachedStatement(
                sql: """
                    SELECT id FROM submission s
                    WHERE formID = ? AND subjectKey = ? AND collectionID IS ?
                      AND NOT EXISTS (SELECT 1 FROM submission later WHERE later.supersedes = s.id)
                    ORDER BY id DESC LIMIT 1
                    """), arguments: [formID, subjectKey, collectionID])
    }

    /// A stored submission by number.
    public func submission(_ id: Int64) throws -> SubmissionRecord? {
        try pool.read { db in try SubmissionRecord.fetchOne(db, key: id) }
    }

    /// The latest evaluation of a submission.
    public func latestEvaluation(ofSubmission id: Int64) throws -> EvaluationRecord? {
        try pool.read { db in
            try EvaluationRecord.filter(Column("submissionID") == id).order(Column("id").desc).fetchOne(db)
        }
    }

    /// The findings of an evaluation, in the order they were stored.
    public func findings(ofEvaluation id: Int64) throws -> [FindingRecord] {
        try pool.read { db in try FindingRecord.filter(Column("evaluationID") == id).order(Column("id")).fetchAll(db) }
    }
}
