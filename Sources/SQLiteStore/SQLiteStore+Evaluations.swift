import FormEngine
import GRDB
import Records

extension SQLiteStore {
    /// These submissions as stored, each with its latest evaluation and findings and its collection's parameters.
    public func storedEvaluations(submissionIDs: [Int64]) async throws -> [StoredEvaluation] {
        try await pool.read { db in
            try submissionIDs.compactMap { id in try Self.storedEvaluation(db, submissionID: id, evaluation: nil) }
        }
    }

    /// One stored evaluation with its submission and findings.
    public func storedEvaluation(_ id: Int64) async throws -> StoredEvaluation? {
        try await pool.read { db in
            guard let evaluation = try EvaluationRecord.fetchOne(db, key: id) else { return nil }
            return try Self.storedEvaluation(db, submissionID: evaluation.submissionID, evaluation: evaluation)
        }
    }

    /// A submission with an evaluation of it (its latest when none is given), that evaluation's findings and the
    /// submission's collection's parameters.
    private static func storedEvaluation(_ db: Database, submissionID: Int64, evaluation: EvaluationRecord?) throws
        -> StoredEvaluation?
    {
        guard let submission = try SubmissionRecord.fetchOne(db, key: submissionID),
            let evaluation = try evaluation ?? latestEvaluation(db, of: submissionID)
        else { return nil }
        let collection = try submission.collectionID.flatMap { try CollectionRecord.fetchOne(db, key: $0) }
        return StoredEvaluation(
            submission: submission, evaluation: evaluation, findings: try findings(db, of: evaluation.id!),
            parameters: collection?.ruleParameters ?? [:])
    }

    /// A kept form or rule file, by its SHA-256.
    public func definition(hash: String) async throws -> DefinitionRecord? {
        try await pool.read { db in try DefinitionRecord.fetchOne(db, key: hash) }
    }

    /// Adds an evaluation made again to each of these submissions, in one transaction.
    public func addEvaluations(
        _ evaluations: [(submissionID: Int64, prepared: PreparedSubmission, parameters: [String: Value])],
        reason: EvaluationReason, catalog: FormCatalog, actor: String
    ) async throws {
        let items = evaluations.map {
            Pending(submissionID: $0.submissionID, prepared: $0.prepared, parameters: $0.parameters)
        }
        try await write { db in
            let now = Self.now()
            for item in items {
                guard let form = item.prepared.evaluation.form else { continue }
                try Self.keepDefinitions(db, form: form, ruleSet: catalog.ruleSets[form.id])
                try SubmissionWriter.insertEvaluation(
                    item.prepared, submissionID: item.submissionID,
                    parametersJSON: item.parameters.evaluationJSON, reason: reason, actor: actor, at: now,
                    db)
                // A new evaluation, of answers read again with the forms of today: the facts follow both.
                if let facts = item.prepared.facts { try Self.keepFacts(db, facts, submissionID: item.submissionID) }
            }
        }
    }

    /// An evaluation waiting to be added.
    private struct Pending: Sendable {
        let submissionID: Int64
        let prepared: PreparedSubmission
        let parameters: [String: Value]
    }
}
