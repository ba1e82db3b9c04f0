import FormEngine
import Foundation
import PostgresNIO
import Records
import Synchronization

extension PostgreSQLStore {
    /// Stores evaluated submissions in one transaction (see `ReturnStore.store`), with the other calls that wait for
    /// the same batch (`StoreBatches`).
    public func store(_ submissions: [PreparedSubmission], context: SubmissionContext, catalog: FormCatalog)
        async throws -> [StoreOutcome]
    {
        try await batches.store(StoreCall(submissions: submissions, context: context, catalog: catalog)) {
            [self] calls in try await store(calls)
        }
    }

    /// Stores several calls' submissions in one transaction: the outcomes of each call's. The form and rule files
    /// the transaction kept are remembered once it is committed, and not sent again.
    private func store(_ calls: [StoreCall]) async throws -> [[StoreOutcome]] {
        let known = keptDefinitions.withLock { $0 }
        let (outcomes, kept) = try await write { connection in
            try await PostgreSQLSubmissionWriter(connection: connection, keptDefinitions: known).store(calls)
        }
        if !kept.isEmpty { keptDefinitions.withLock { $0.formUnion(kept) } }
        return outcomes
    }

    /// The newest version of a subject's submissions to a form (and collection), if there is one, and its district.
    static func latestSubmission(
        _ connection: PostgresConnection, formID: String, subjectKey: String, collectionID: Int64?
    ) async throws -> (id: Int64, district: String?)? {
        guard
            let row = try await connection.rows(
                """
                SELECT id, district FROM submission s
                WHERE formID = \(formID) AND subjectKey = \(subjectKey) AND collectionID IS NOT DISTINCT FROM \(collectionID)
                  AND NOT EXISTS (SELECT 1 FROM submission later WHERE later.supersedes = s.id)
                ORDER BY id DESC LIMIT 1
                """
            ).first
        else { return nil }
        return (try row[0].decode(Int64.self), try row[1].decode(String?.self))
    }

    /// The number of the version that replaced a submission, if any.
    static func replacement(_ connection: PostgresConnection, of id: Int64) async throws -> Int64? {
        try await connection.value(Int64.self, "SELECT id FROM submission WHERE supersedes = \(id)")
    }

    /// A submission's latest evaluation.
    static func latestEvaluation(_ connection: PostgresConnection, of id: Int64) async throws -> EvaluationRecord? {
        try await connection.record(
            EvaluationRecord.self, "SELECT * FROM evaluation WHERE submissionID = \(id) ORDER BY id DESC LIMIT 1")
    }

    /// An evaluation's findings, in the order they were stored.
    static func findings(_ connection: PostgresConnection, of evaluationID: Int64) async throws -> [FindingRecord] {
        try await connection.records(
            FindingRecord.self, "SELECT * FROM finding WHERE evaluationID = \(evaluationID) ORDER BY id")
    }

    /// A stored submission by number.
    public func submission(_ id: Int64) async throws -> SubmissionRecord? {
        try await readOnce { connection in
            try await connection.record(SubmissionRecord.self, "SELECT * FROM submission WHERE id = \(id)")
        }
    }

    /// A stored submission with its latest evaluation and findings, decisions, collection and replacement.
    public func submissionDetail(_ id: Int64) async throws -> SubmissionDetail? {
        try await read { connection in
            guard
                let record = try await connection.record(
                    SubmissionRecord.self, "SELECT * FROM submission WHERE id = \(id)"),
                let evaluation = try await Self.latestEvaluation(connection, of: id)
            else { return nil }
            let collection = try await connection.value(
                String.self, "SELECT name FROM collection WHERE id = \(record.collectionID)")
            return SubmissionDetail(
                record: record, evaluation: evaluation,
                findings: try await Self.findings(connection, of: evaluation.id!),
                decisions: try await connection.records(
                    OfficerDecisionRecord.self, "SELECT * FROM officerDecision WHERE submissionID = \(id) ORDER BY id"),
                collection: collection, replacement: try await Self.replacement(connection, of: id))
        }
    }
}
