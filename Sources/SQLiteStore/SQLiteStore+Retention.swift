import FormEngine
import GRDB
import Records

extension SQLiteStore {
    /// The records whose period has passed, kept or (with `erase`) erased in one transaction; see `ReturnStore`.
    public func retention(cutoffs: [RetentionKind: String], liveOn: Day, erase: Bool, actor: String) async throws
        -> [RetentionItem]
    {
        guard erase else {
            return try await pool.read { db in try RetentionPass(db, cutoffs: cutoffs, liveOn: liveOn).items }
        }
        return try await write { db in
            let pass = try RetentionPass(db, cutoffs: cutoffs, liveOn: liveOn)
            try pass.erase(db)
            let erased = pass.items.filter { $0.keptBecause == nil }
            let counts = RetentionKind.allCases.map { kind in
                "\(erased.filter { $0.kind == kind }.count) \(kind.rawValue)"
            }
            try Self.audit(
                db, actor: actor, action: .retention, target: "retention schedule",
                detail: "as of \(liveOn.iso): erased " + counts.joined(separator: ", "))
            return pass.items
        }
    }

    /// Everything held about one school or driver, or nil when nothing is.
    public func subjectRecords(subjectKey: String) async throws -> SubjectRecords? {
        try await pool.read { db in
            let submissions = try SubmissionRecord.filter(sql: Self.subjectIs(), arguments: [subjectKey])
                .order(Column("id")).fetchAll(db)
            let checks = try DBSCheckRecord.filter(Column("driverNumber") == subjectKey).order(Column("id"))
                .fetchAll(db)
            let entries = try SharedRegisterEntry.filter(Column("driverNumber") == subjectKey).order(Column("id"))
                .fetchAll(db)
            guard !submissions.isEmpty || !checks.isEmpty || !entries.isEmpty else { return nil }
            let ids = submissions.compactMap(\.id)
            let evaluations = try EvaluationRecord.filter(ids.contains(Column("submissionID"))).order(Column("id"))
                .fetchAll(db)
            let findings = try FindingRecord.filter(evaluations.compactMap(\.id).contains(Column("evaluationID")))
                .order(Column("id")).fetchAll(db)
            return SubjectRecords(
                subjectKey: subjectKey, submissions: submissions, evaluations: evaluations, findings: findings,
                decisions: try OfficerDecisionRecord.filter(ids.contains(Column("submissionID"))).order(Column("id"))
                    .fetchAll(db),
                dbsChecks: checks,
                transfers: try TransferRecord.filter(Column("subjectKey") == subjectKey).order(Column("id"))
                    .fetchAll(db),
                registerEntries: entries,
                audit: try AuditRecord.filter(ids.map { "submission \($0)" }.contains(Column("target")))
                    .order(Column("id")).fetchAll(db))
        }
    }
}

/// One reading of what the retention schedule reaches (`RetentionPlan`, from the rows read here), and the erasure
/// of it: made and applied in one transaction.
private struct RetentionPass {
    /// What the schedule reaches.
    let plan: RetentionPlan
    /// Every record past its period, erased or kept.
    var items: [RetentionItem] { plan.items }

    init(_ db: Database, cutoffs: [RetentionKind: String], liveOn: Day) throws {
        var rows = RetentionPlan.Rows()
        rows.live = try Set(
            Int64.fetchAll(
                db,
                sql: """
                    SELECT d.submissionID FROM officerDecision d
                    WHERE d.id = (SELECT max(id) FROM officerDecision WHERE submissionID = d.submissionID)
                      AND d.outcome IN ('grant', 'grant-with-conditions')
                      AND (d.licenceEnd IS NULL OR d.licenceEnd >= ?)
                    """, arguments: [liveOn.iso]))
        rows.refusals = try Row.fetchAll(
            db,
            sql: """
                SELECT d.submissionID, d.decidedAt FROM officerDecision d
                WHERE d.id = (SELECT max(id) FROM officerDecision WHERE submissionID = d.submissionID)
                  AND d.outcome = 'refuse'
                """
        ).map { (id: $0[0], since: $0[1]) }
        rows.earlier = try Dictionary(
            Row.fetchAll(db, sql: "SELECT id, supersedes FROM submission WHERE supersedes IS NOT NULL").map {
                ($0[0] as Int64, $0[1] as Int64)
            }, uniquingKeysWith: { first, _ in first })
        func dated(_ sql: String, _ kind: RetentionKind) throws -> [(id: Int64, since: String)] {
            guard let cutoff = cutoffs[kind] else { return [] }
            return try Row.fetchAll(db, sql: sql, arguments: [cutoff]).map { (id: $0[0], since: $0[1]) }
        }
        rows.replaced = try dated(
            """
            SELECT later.supersedes, later.receivedAt FROM submission later
            WHERE later.supersedes IS NOT NULL AND later.receivedAt < ? ORDER BY later.supersedes
            """, .supersededVersions)
        rows.drafts = try dated("SELECT id, updatedAt FROM draft WHERE updatedAt < ? ORDER BY id", .drafts)
        rows.sessions = try dated("SELECT id, expiresAt FROM session WHERE expiresAt < ? ORDER BY id", .sessions)
        rows.registerEntries = try dated(
            "SELECT id, decidedOn FROM sharedRegisterEntry WHERE decidedOn < ? ORDER BY id", .registerEntries)
        if let cutoff = cutoffs[.auditEntries] {
            rows.auditLines = try Row.fetchAll(
                db, sql: "SELECT id, at, action, target FROM audit WHERE at < ? ORDER BY id", arguments: [cutoff]
            ).map { (id: $0[0], at: $0[1], action: $0[2], target: $0[3]) }
        }
        plan = RetentionPlan(rows, cutoffs: cutoffs)
    }

    /// Erases what is past its period and not kept, as one transaction's work (the caller's).
    func erase(_ db: Database) throws {
        try db.execute(sql: "INSERT INTO erasure (startedAt) VALUES (?)", arguments: [SQLiteStore.now()])
        try eraseSubmissions(db)
        let tables = [
            ("draft", plan.drafts), ("session", plan.sessions), ("sharedRegisterEntry", plan.registerEntries),
            ("audit", plan.auditLines),
        ]
        for (table, ids) in tables where !ids.isEmpty {
            try db.execute(sql: "DELETE FROM \(table) WHERE id IN (\(Self.list(ids)))")
        }
        try db.execute(sql: "DELETE FROM erasure")
    }

    /// Erases the versions with what hangs on them, and re-points each later version kept at the nearest earlier
    /// one kept, so the chain of versions still ends at the latest.
    private func eraseSubmissions(_ db: Database) throws {
        guard !plan.submissions.isEmpty else { return }
        let erased = Self.list(Array(plan.submissions))
        let repointed = plan.repointed
        let subjects = try String.fetchAll(
            db, sql: "SELECT DISTINCT subjectKey FROM submission WHERE subjectKind = 'driver' AND id IN (\(erased))")
        if !repointed.isEmpty {
            try db.execute(
                sql: "UPDATE submission SET supersedes = NULL WHERE id IN (\(Self.list(repointed.map(\.id))))")
        }
        try db.execute(
            sql:
                "DELETE FROM finding WHERE evaluationID IN (SELECT id FROM evaluation WHERE submissionID IN (\(erased)))"
        )
        for table in ["evaluation", "officerDecision"] {
            try db.execute(sql: "DELETE FROM \(table) WHERE submissionID IN (\(erased))")
        }
        try db.execute(sql: "DELETE FROM transfer WHERE afterSubmission IN (\(erased))")
        try db.execute(sql: "DELETE FROM submission WHERE id IN (\(erased))")
        for (id, to) in repointed where to != nil {
            try db.execute(sql: "UPDATE submission SET supersedes = ? WHERE id = ?", arguments: [to, id])
        }
        // A driver none of whose versions is left: their checks and transfers go with them. One with versions left:
        // their licence as the decisions left say it (an erased grant licenses no longer).
        for subject in subjects {
            let forms = try String.fetchAll(
                db,
                sql:
                    "SELECT DISTINCT formID FROM submission WHERE subjectKind = 'driver' AND \(SQLiteStore.subjectIs())",
                arguments: [subject])
            for form in forms { try SQLiteStore.keepLicence(db, formID: form, subjectKey: subject) }
            if forms.isEmpty {
                try db.execute(sql: "DELETE FROM dbsCheck WHERE driverNumber = ?", arguments: [subject])
                try db.execute(sql: "DELETE FROM transfer WHERE subjectKey = ?", arguments: [subject])
            }
        }
    }

    /// Row ids as an SQL list (numbers only, so nothing to quote).
    private static func list(_ ids: [Int64]) -> String {
        ids.map(String.init).joined(separator: ", ")
    }
}
