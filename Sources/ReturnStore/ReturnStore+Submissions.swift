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
        try pool.write { db in
            try evaluations.map { evaluation in
                try Self.store(evaluation, context: context, catalog: catalog, parameters: parameters, db)
            }
        }
    }

    private static func store(
        _ evaluation: Evaluation, context: SubmissionContext, catalog: FormCatalog, parameters: [String: Value],
        _ db: Database
    ) throws -> StoreOutcome {
        guard let form = evaluation.form, let answers = evaluation.answers else {
            return .refused("not stored: it could not be read as a submission (see the errors above)")
        }
        guard let subjectKey = evaluation.subjectKey else {
            let label = form.field(at: form.subjectKey).label
            return .refused("not stored: it has no valid answer to \"\(label)\", so it cannot be filed")
        }
        if let collection = context.collection, collection.formID != form.id {
            return .refused(
                "not stored: the collection '\(collection.name)' is for the form '\(collection.formID)', not '\(form.id)'"
            )
        }
        var district = evaluation.district
        if form.subject == .school {
            let school = try SchoolRecord.filter(Column("urn") == subjectKey).fetchOne(db)
            if school?.status != "open" && !context.allowsUnregistered {
                let state = school == nil ? "is not in the register" : "is closed in the register"
                return .refused(
                    "not stored: the URN \(subjectKey) \(state). Import the current GIAS extract with "
                        + "'safeguard register import', or submit with --allow-unregistered")
            }
            if district == nil, let school {
                district = try DistrictRecord.fetchOne(db, key: school.districtID)?.slug
            }
        }
        let ruleSet = catalog.ruleSets[form.id]
        try keepDefinitions(db, form: form, ruleSet: ruleSet)
        let previous = try latestSubmissionID(
            db, formID: form.id, subjectKey: subjectKey, collectionID: context.collection?.id)
        var submission = SubmissionRecord(
            id: nil, subjectKind: form.subject.rawValue, subjectKey: subjectKey, district: district,
            collectionID: context.collection?.id, formID: form.id, formVersion: form.version, formHash: form.hash,
            fileName: evaluation.file, received: Data(evaluation.received), bound: form.json(of: answers).text,
            source: context.source, submitter: context.submitter, receivedAt: context.receivedAt ?? now(),
            supersedes: previous)
        try submission.insert(db)
        let id = submission.id!
        try insertEvaluation(
            evaluation, submissionID: id, parameters: parameters, reason: "submitted", actor: context.submitter, db)
        var detail = "\(evaluation.decision.rawValue); form \(form.id) \(form.version); source \(context.source)"
        if let receivedAt = context.receivedAt { detail += "; received \(receivedAt)" }
        if let previous { detail += "; supersedes \(previous)" }
        try audit(db, actor: context.submitter, action: "submit", target: "submission \(id)", detail: detail)
        return .stored(id: id, supersedes: previous)
    }

    /// Inserts an evaluation and its findings.
    @discardableResult
    static func insertEvaluation(
        _ evaluation: Evaluation, submissionID: Int64, parameters: [String: Value], reason: String, actor: String,
        _ db: Database
    ) throws -> EvaluationRecord {
        guard let form = evaluation.form else { throw StoreError("An evaluation without a form cannot be stored.") }
        let parametersJSON = JSONValue.object(parameters.keys.sorted().map { ($0, parameters[$0]!.json) }).text
        var record = EvaluationRecord(
            id: nil, submissionID: submissionID, formHash: form.hash, ruleSetHash: evaluation.ruleSetHash,
            parameters: parametersJSON, asOf: evaluation.asOf.iso, decision: evaluation.decision.rawValue,
            reason: reason,
            evaluatedBy: actor, evaluatedAt: now())
        try record.insert(db)
        for finding in evaluation.findings {
            var row = FindingRecord(
                id: nil, evaluationID: record.id!, rule: finding.rule, severity: finding.severity.rawValue,
                path: finding.path, line: finding.mark?.line, column: finding.mark?.column, message: finding.message,
                detail: finding.json.text)
            try row.insert(db)
        }
        return record
    }

    /// The newest version of a subject's submissions to a form (and collection), if there is one.
    static func latestSubmissionID(_ db: Database, formID: String, subjectKey: String, collectionID: Int64?) throws
        -> Int64?
    {
        try Int64.fetchOne(
            db,
            sql: """
                SELECT id FROM submission s
                WHERE formID = ? AND subjectKey = ? AND collectionID IS ?
                  AND NOT EXISTS (SELECT 1 FROM submission later WHERE later.supersedes = s.id)
                ORDER BY id DESC LIMIT 1
                """, arguments: [formID, subjectKey, collectionID])
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
