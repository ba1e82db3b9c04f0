import FormEngine
import Foundation
import PostgresNIO
import Records
import Synchronization

extension PostgreSQLStore {
    /// These submissions as stored, each with its latest evaluation and findings and its collection's parameters.
    public func storedEvaluations(submissionIDs: [Int64]) async throws -> [StoredEvaluation] {
        try await read { connection in
            var found: [StoredEvaluation] = []
            for id in submissionIDs {
                if let stored = try await Self.storedEvaluation(connection, submissionID: id, evaluation: nil) {
                    found.append(stored)
                }
            }
            return found
        }
    }

    /// One stored evaluation with its submission and findings.
    public func storedEvaluation(_ id: Int64) async throws -> StoredEvaluation? {
        try await read { connection in
            guard
                let evaluation = try await connection.record(
                    EvaluationRecord.self, "SELECT * FROM evaluation WHERE id = \(id)")
            else { return nil }
            return try await Self.storedEvaluation(
                connection, submissionID: evaluation.submissionID, evaluation: evaluation)
        }
    }

    /// A submission with an evaluation of it (its latest when none is given), that evaluation's findings and the
    /// submission's collection's parameters.
    private static func storedEvaluation(
        _ connection: PostgresConnection, submissionID: Int64, evaluation: EvaluationRecord?
    ) async throws -> StoredEvaluation? {
        guard
            let submission = try await connection.record(
                SubmissionRecord.self, "SELECT * FROM submission WHERE id = \(submissionID)")
        else { return nil }
        var chosen = evaluation
        if chosen == nil { chosen = try await latestEvaluation(connection, of: submissionID) }
        guard let chosen else { return nil }
        let collection = try await connection.record(
            CollectionRecord.self, "SELECT * FROM collection WHERE id = \(submission.collectionID)")
        return StoredEvaluation(
            submission: submission, evaluation: chosen, findings: try await findings(connection, of: chosen.id!),
            parameters: collection?.ruleParameters ?? [:])
    }

    /// A kept form or rule file, by its SHA-256.
    public func definition(hash: String) async throws -> DefinitionRecord? {
        try await readOnce { connection in
            try await connection.record(DefinitionRecord.self, "SELECT * FROM definition WHERE hash = \(hash)")
        }
    }

    /// Keeps the exact form and rule files an evaluation used, once each, by their hash: one statement.
    static func keepDefinitions(_ connection: PostgresConnection, form: FormDefinition, ruleSet: RuleSet?) async throws
    {
        var rows: [[ColumnEncoder.ColumnValue?]] = [
            [
                .text(form.hash), .text(DefinitionKind.form.rawValue), .text(form.id), .text(form.file),
                .bytes(Data(form.bytes)), .text(now()),
            ]
        ]
        if let ruleSet {
            rows.append([
                .text(ruleSet.hash), .text(DefinitionKind.rules.rawValue), .text(ruleSet.formID), .text(ruleSet.file),
                .bytes(Data(ruleSet.bytes)), .text(now()),
            ])
        }
        try await connection.insertRows(
            into: "definition", columns: ["hash", "kind", "formID", "fileName", "content", "firstUsedAt"], rows,
            ignoringConflicts: true)
    }

    /// Keeps the form and rule files of each form used (with its rule set) that are neither `known` to be kept nor
    /// kept already by this call, each once: the hashes of those it kept, to be known once the transaction commits.
    static func keepDefinitions(
        _ connection: PostgresConnection, of used: [(form: FormDefinition, ruleSet: RuleSet?)], known: Set<String>
    ) async throws -> Set<String> {
        var kept = Set<String>()
        for (form, ruleSet) in used {
            let hashes = [form.hash] + (ruleSet.map { [$0.hash] } ?? [])
            guard !hashes.allSatisfy({ known.contains($0) || kept.contains($0) }) else { continue }
            try await keepDefinitions(connection, form: form, ruleSet: ruleSet)
            kept.formUnion(hashes)
        }
        return kept
    }

    /// Adds an evaluation made again to each of these submissions, in one transaction.
    public func addEvaluations(
        _ evaluations: [(submissionID: Int64, prepared: PreparedSubmission, parameters: [String: Value])],
        reason: EvaluationReason, catalog: FormCatalog, actor: String
    ) async throws {
        let items = evaluations.map {
            Pending(submissionID: $0.submissionID, prepared: $0.prepared, parameters: $0.parameters)
        }
        // The form and rule files are sent with the first batch only (70 KB a batch of a national revalidation).
        let known = keptDefinitions.withLock { $0 }
        let kept = try await write { connection in
            let now = Self.now()
            let kept = try await Self.keepDefinitions(
                connection,
                of: items.compactMap { item in item.prepared.evaluation.form.map { ($0, catalog.ruleSets[$0.id]) } },
                known: known)
            try await Self.insertEvaluations(
                items.map {
                    ($0.submissionID, $0.prepared, $0.parameters.evaluationJSON, actor)
                }, reason: reason, at: now, connection)
            // A new evaluation, of answers read again with the forms of today: the facts follow both.
            for item in items {
                if let facts = item.prepared.facts {
                    try await Self.keepFacts(connection, facts, submissionID: item.submissionID)
                }
            }
            return kept
        }
        if !kept.isEmpty { keptDefinitions.withLock { $0.formUnion(kept) } }
    }

    /// An evaluation waiting to be added.
    private struct Pending: Sendable {
        let submissionID: Int64
        let prepared: PreparedSubmission
        let parameters: [String: Value]
    }
}
