import FormEngine
import Foundation
import PostgresNIO
import Records

/// Writes a batch of submissions inside one transaction, remembering what the batch has already looked up (the
/// definitions kept, the districts, the time), as the SQLite store's `SubmissionWriter` does.
struct PostgreSQLSubmissionWriter {
    let connection: PostgresConnection
    let catalog: FormCatalog
    /// The rule parameters the batch was checked with (its collection's period), as stored with each evaluation.
    let parametersJSON: String
    /// When the batch was received.
    let now: String
    private var keptDefinitions: Set<String> = []
    private var districtSlugs: [Int64: String]?

    init(connection: PostgresConnection, catalog: FormCatalog, parameters: [String: Value]) {
        self.connection = connection
        self.catalog = catalog
        parametersJSON = Self.json(of: parameters)
        now = PostgreSQLStore.now()
    }

    /// The parameters as an evaluation records them.
    static func json(of parameters: [String: Value]) -> String {
        JSONValue.object(parameters.keys.sorted().map { ($0, parameters[$0]!.json) }).text
    }

    /// Stores one prepared submission: refused, with the reason, when it cannot be filed.
    mutating func store(_ prepared: PreparedSubmission, context: SubmissionContext) async throws -> StoreOutcome {
        let evaluation = prepared.evaluation
        guard let form = evaluation.form, let bound = prepared.bound else { return .refused(.unreadable) }
        guard let subjectKey = evaluation.subjectKey else {
            return .refused(.noSubject(field: form.field(at: form.subjectKey).label))
        }
        if let collection = context.collection, collection.formID != form.id {
            return .refused(
                .collectionForAnotherForm(collection: collection.name, collectionForm: collection.formID, form: form.id)
            )
        }
        // One process at a time stores a version of this subject, so each finds the latest the one before stored.
        try await connection.run(
            "SELECT pg_advisory_xact_lock(hashtextextended(\(form.id + "\u{1F}" + subjectKey), 0))")
        var district = evaluation.district
        if form.subject == .school {
            let school = try await connection.rows("SELECT status, districtID FROM school WHERE urn = \(subjectKey)")
                .first
            let status = try school?[0].decode(String.self)
            if status != SchoolStatus.open.rawValue && !context.allowsUnregistered {
                return .refused(.notRegistered(urn: subjectKey, closed: school != nil))
            }
            // A school is filed under the register's district, whatever its return says.
            if let school { district = try await districtSlug(school[1].decode(Int64.self)) ?? district }
        }
        let latest = try await PostgreSQLStore.latestSubmission(
            connection, formID: form.id, subjectKey: subjectKey, collectionID: context.collection?.id)
        // A driver's versions stay with the district that holds them, until a transfer hands them on.
        if form.subject == .driver, let latest, let held = latest.district, held != district,
            try await !transferred(formID: form.id, subjectKey: subjectKey, after: latest.id, to: district)
        {
            return .refused(.knownToAnotherDistrict(driver: subjectKey))
        }
        let previous = latest?.id
        let receivedAt = prepared.receivedAt ?? context.receivedAt
        try await keepDefinitions(form: form, ruleSet: catalog.ruleSets[form.id])
        let id = try await connection.insert(
            SubmissionRecord(
                id: nil, subjectKind: form.subject, subjectKey: subjectKey, district: district,
                collectionID: context.collection?.id, formID: form.id, formVersion: form.version, formHash: form.hash,
                fileName: evaluation.file, received: Data(evaluation.received), bound: bound, source: context.source,
                submitter: context.submitter, receivedAt: receivedAt ?? now, supersedes: previous),
            into: "submission")!
        try await Self.insertEvaluation(
            prepared, submissionID: id, parametersJSON: parametersJSON, reason: .submitted, actor: context.submitter,
            at: now, connection)
        if let facts = prepared.facts { try await PostgreSQLStore.keepFacts(connection, facts, submissionID: id) }
        var detail =
            "\(evaluation.decision.rawValue); form \(form.id) \(form.version); source \(context.source.rawValue)"
        if let receivedAt { detail += "; received \(receivedAt)" }
        if let previous { detail += "; supersedes \(previous)" }
        try await PostgreSQLStore.audit(
            connection, actor: context.submitter, action: .submit, target: "submission \(id)", detail: detail)
        return .stored(id: id, supersedes: previous)
    }

    /// Inserts an evaluation and its findings (in one statement); its number.
    @discardableResult
    static func insertEvaluation(
        _ prepared: PreparedSubmission, submissionID: Int64, parametersJSON: String, reason: EvaluationReason,
        actor: String, at time: String, _ connection: PostgresConnection
    ) async throws -> Int64 {
        let evaluation = prepared.evaluation
        guard let form = evaluation.form else { throw Refusal.unreadable }
        let evaluationID = try await connection.insert(
            EvaluationRecord(
                id: nil, submissionID: submissionID, formHash: form.hash, ruleSetHash: evaluation.ruleSetHash,
                parameters: parametersJSON, asOf: evaluation.asOf.iso, decision: evaluation.decision, reason: reason,
                evaluatedBy: actor, evaluatedAt: time),
            into: "evaluation")!
        let findings = Array(zip(evaluation.findings, prepared.findingDetails))
        guard !findings.isEmpty else { return evaluationID }
        try await connection.insertRows(
            into: "finding",
            columns: ["evaluationID", "rule", "severity", "path", "line", "\"column\"", "message", "detail"],
            findings.map { finding, detail in
                [
                    .integer(evaluationID), .text(finding.rule), .text(finding.severity.rawValue), .text(finding.path),
                    finding.mark.map { .integer(Int64($0.line)) }, finding.mark.map { .integer(Int64($0.column)) },
                    .text(finding.message), .text(detail),
                ]
            })
        return evaluationID
    }

    /// True when a transfer hands the subject's versions, as they stood at `after`, to `district`.
    private func transferred(formID: String, subjectKey: String, after: Int64, to district: String?) async throws
        -> Bool
    {
        guard let district else { return false }
        return try await connection.value(
            Bool.self,
            """
            SELECT EXISTS (SELECT 1 FROM transfer
              WHERE formID = \(formID) AND subjectKey = \(subjectKey) AND afterSubmission = \(after)
                AND toDistrict = \(district))
            """) ?? false
    }

    /// Keeps the form and rule files an evaluation used, once each, so it can be replayed from the store.
    private mutating func keepDefinitions(form: FormDefinition, ruleSet: RuleSet?) async throws {
        guard !keptDefinitions.contains(form.hash) || (ruleSet.map { !keptDefinitions.contains($0.hash) } ?? false)
        else { return }
        try await PostgreSQLStore.keepDefinitions(connection, form: form, ruleSet: ruleSet)
        keptDefinitions.insert(form.hash)
        if let ruleSet { keptDefinitions.insert(ruleSet.hash) }
    }

    /// A district's slug by its number, from the districts read once a batch.
    private mutating func districtSlug(_ id: Int64) async throws -> String? {
        if districtSlugs == nil {
            let rows = try await connection.rows("SELECT id, slug FROM district")
            districtSlugs = Dictionary(
                try rows.map { (try $0[0].decode(Int64.self), try $0[1].decode(String.self)) },
                uniquingKeysWith: { first, _ in first })
        }
        return districtSlugs?[id]
    }
}
