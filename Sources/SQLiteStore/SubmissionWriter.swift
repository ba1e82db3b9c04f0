import FormEngine
import Foundation
import GRDB
import Records

/// Writes a batch of submissions inside one transaction with prepared statements that SQLite keeps between
/// rows, and remembers what the batch has already looked up (the definitions kept, the districts, the time).
struct SubmissionWriter {
    let db: Database
    let catalog: FormCatalog
    /// The rule parameters the batch was checked with (its collection's period), as stored with each evaluation.
    let parametersJSON: String
    /// When the batch was received.
    let now: String
    private var keptDefinitions: Set<String> = []
    private var districtSlugs: [Int64: String]?

    init(db: Database, catalog: FormCatalog, parameters: [String: Value]) {
        self.db = db
        self.catalog = catalog
        parametersJSON = parameters.evaluationJSON
        now = SQLiteStore.now()
    }

    /// Stores one prepared submission: refused, with the reason, when it cannot be filed.
    mutating func store(_ prepared: PreparedSubmission, context: SubmissionContext) throws -> StoreOutcome {
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
        var district = evaluation.district
        if form.subject == .school {
            let school = try Row.fetchOne(
                db.cachedStatement(sql: "SELECT status, districtID FROM school WHERE urn = ?"), arguments: [subjectKey])
            let status: String? = school?["status"]
            if status != SchoolStatus.open.rawValue && !context.allowsUnregistered {
                return .refused(.notRegistered(urn: subjectKey, closed: school != nil))
            }
            // A school is filed under the register's district, whatever its return says.
            if let school { district = try districtSlug(school["districtID"]) ?? district }
        }
        let latest = try SQLiteStore.latestSubmission(
            db, formID: form.id, subjectKey: subjectKey, collectionID: context.collection?.id)
        // A driver's versions stay with the district that holds them, until a transfer hands them on.
        if form.subject == .driver, let latest, let held = latest.district, held != district,
            try !transferred(formID: form.id, subjectKey: subjectKey, after: latest.id, to: district)
        {
            return .refused(.knownToAnotherDistrict(driver: subjectKey))
        }
        let previous = latest?.id
        let receivedAt = prepared.receivedAt ?? context.receivedAt
        try keepDefinitions(form: form, ruleSet: catalog.ruleSets[form.id])
        try db.cachedStatement(
            sql: """
                INSERT INTO submission (subjectKind, subjectKey, district, collectionID, formID, formVersion, formHash,
                  fileName, received, bound, source, submitter, receivedAt, supersedes)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).run(
            db, form.subject.rawValue, subjectKey, district, context.collection?.id, form.id, form.version, form.hash,
            evaluation.file, Data(evaluation.received), bound, context.source.rawValue, context.submitter,
            receivedAt ?? now, previous)
        let id = db.lastInsertedRowID
        try Self.insertEvaluation(
            prepared, submissionID: id, parametersJSON: parametersJSON, reason: .submitted, actor: context.submitter,
            at: now, db)
        if let facts = prepared.facts {
            try SQLiteStore.keepNewFacts(db, facts, submissionID: id, supersedes: previous)
        }
        var detail =
            "\(evaluation.decision.rawValue); form \(form.id) \(form.version); source \(context.source.rawValue)"
        if let receivedAt { detail += "; received \(receivedAt)" }
        if let previous { detail += "; supersedes \(previous)" }
        // The batch's time, read once: Foundation's ISO 8601 formatting was 2% of the writer's time.
        try SQLiteStore.audit(
            db, actor: context.submitter, action: .submit, target: "submission \(id)", detail: detail, at: now)
        return .stored(id: id, supersedes: previous)
    }

    /// Inserts an evaluation and its findings; its number.
    @discardableResult
    static func insertEvaluation(
        _ prepared: PreparedSubmission, submissionID: Int64, parametersJSON: String, reason: EvaluationReason,
        actor: String, at time: String, _ db: Database
    ) throws -> Int64 {
        let evaluation = prepared.evaluation
        guard let form = evaluation.form else { throw Refusal.unreadable }
        try db.cachedStatement(
            sql: """
                INSERT INTO evaluation (submissionID, formHash, ruleSetHash, parameters, asOf, decision, reason,
                  evaluatedBy, evaluatedAt)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).run(
            db, submissionID, form.hash, evaluation.ruleSetHash, parametersJSON, evaluation.asOf.iso,
            evaluation.decision.rawValue, reason.rawValue, actor, time)
        let evaluationID = db.lastInsertedRowID
        let insertFinding = try db.cachedStatement(
            sql: """
                INSERT INTO finding (evaluationID, rule, severity, path, line, "column", message, detail)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """)
        for (finding, detail) in zip(evaluation.findings, prepared.findingDetails) {
            try insertFinding.run(
                db, evaluationID, finding.rule, finding.severity.rawValue, finding.path, finding.mark?.line,
                finding.mark?.column, finding.message, detail)
        }
        return evaluationID
    }

    /// True when a transfer hands the subject's versions, as they stood at `after`, to `district`.
    private func transferred(formID: String, subjectKey: String, after: Int64, to district: String?) throws -> Bool {
        guard let district else { return false }
        return try Bool.fetchOne(
            db.cachedStatement(
                sql: """
                    SELECT EXISTS (SELECT 1 FROM transfer
                      WHERE formID = ? AND subjectKey = ? AND afterSubmission = ? AND toDistrict = ?)
                    """), arguments: [formID, subjectKey, after, district]) ?? false
    }

    /// Keeps the form and rule files an evaluation used, once each, so it can be replayed from the store.
    private mutating func keepDefinitions(form: FormDefinition, ruleSet: RuleSet?) throws {
        guard !keptDefinitions.contains(form.hash) || (ruleSet.map { !keptDefinitions.contains($0.hash) } ?? false)
        else { return }
        try SQLiteStore.keepDefinitions(db, form: form, ruleSet: ruleSet)
        keptDefinitions.insert(form.hash)
        if let ruleSet { keptDefinitions.insert(ruleSet.hash) }
    }

    /// A district's slug by its number, from the districts read once a batch.
    private mutating func districtSlug(_ id: Int64?) throws -> String? {
        guard let id else { return nil }
        if districtSlugs == nil {
            districtSlugs = Dictionary(
                try Row.fetchAll(db, sql: "SELECT id, slug FROM district").map { ($0["id"], $0["slug"]) },
                uniquingKeysWith: { first, _ in first })
        }
        return districtSlugs?[id]
    }
}
