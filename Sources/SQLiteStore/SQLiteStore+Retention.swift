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
            let submissions = try SubmissionRecord.filter(Column("subjectKey") == subjectKey).order(Column("id"))
                .fetchAll(db)
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

/// One reading of what the retention schedule reaches, and the erasure of it: made and applied in one transaction.
private struct RetentionPass {
    /// Every record past its period, erased or kept.
    var items: [RetentionItem] = []
    /// The submissions to erase.
    private var submissions: Set<Int64> = []
    /// The drafts, sessions, register entries and audit lines to erase, by row id.
    private var registerEntries: [Int64] = []
    private var drafts: [Int64] = []
    private var sessions: [Int64] = []
    private var auditLines: [Int64] = []
    /// The version each later version replaced, by the later one's number.
    private var earlier: [Int64: Int64] = [:]

    init(_ db: Database, cutoffs: [RetentionKind: String], liveOn: Day) throws {
        // A licence in force rests on the version it was granted on: the latest decision on it is a grant that has
        // not ended.
        let live = try Set(
            Int64.fetchAll(
                db,
                sql: """
                    SELECT d.submissionID FROM officerDecision d
                    WHERE d.id = (SELECT max(id) FROM officerDecision WHERE submissionID = d.submissionID)
                      AND d.outcome IN ('grant', 'grant-with-conditions')
                      AND (d.licenceEnd IS NULL OR d.licenceEnd >= ?)
                    """, arguments: [liveOn.iso]))
        let refusals = try Row.fetchAll(
            db,
            sql: """
                SELECT d.submissionID AS id, d.decidedAt AS since FROM officerDecision d
                WHERE d.id = (SELECT max(id) FROM officerDecision WHERE submissionID = d.submissionID)
                  AND d.outcome = 'refuse'
                """)
        let refused = Set(refusals.map { $0["id"] as Int64 })
        earlier = try Dictionary(
            Row.fetchAll(db, sql: "SELECT id, supersedes FROM submission WHERE supersedes IS NOT NULL").map {
                ($0["id"] as Int64, $0["supersedes"] as Int64)
            }, uniquingKeysWith: { first, _ in first })

        func reach(_ kind: RetentionKind, _ id: Int64, since: String) {
            let kept = live.contains(id) ? "a licence in force was granted on it" : nil
            items.append(RetentionItem(kind: kind, target: "submission \(id)", since: since, keptBecause: kept))
            if kept == nil { submissions.insert(id) }
        }
        if let cutoff = cutoffs[.refusedApplications] {
            for row in refusals where (row["since"] as String) < cutoff {
                var id: Int64? = row["id"]
                while let version = id, !submissions.contains(version) {
                    reach(.refusedApplications, version, since: row["since"])
                    id = earlier[version]
                }
            }
        }
        if let cutoff = cutoffs[.supersededVersions] {
            let replaced = try Row.fetchAll(
                db,
                sql: """
                    SELECT later.supersedes AS id, later.receivedAt AS since FROM submission later
                    WHERE later.supersedes IS NOT NULL AND later.receivedAt < ? ORDER BY later.supersedes
                    """, arguments: [cutoff])
            for row in replaced {
                let id: Int64 = row["id"]
                guard !refused.contains(id), !submissions.contains(id) else { continue }
                reach(.supersededVersions, id, since: row["since"])
            }
        }
        if let cutoff = cutoffs[.drafts] {
            for row in try Row.fetchAll(
                db, sql: "SELECT id, updatedAt FROM draft WHERE updatedAt < ? ORDER BY id", arguments: [cutoff])
            {
                drafts.append(row["id"])
                items.append(
                    RetentionItem(kind: .drafts, target: "draft \(row["id"] as Int64)", since: row["updatedAt"]))
            }
        }
        if let cutoff = cutoffs[.sessions] {
            for row in try Row.fetchAll(
                db, sql: "SELECT id, expiresAt FROM session WHERE expiresAt < ? ORDER BY id", arguments: [cutoff])
            {
                sessions.append(row["id"])
                items.append(
                    RetentionItem(kind: .sessions, target: "session \(row["id"] as Int64)", since: row["expiresAt"]))
            }
        }
        if let cutoff = cutoffs[.registerEntries] {
            for row in try Row.fetchAll(
                db, sql: "SELECT id, decidedOn FROM sharedRegisterEntry WHERE decidedOn < ? ORDER BY id",
                arguments: [cutoff])
            {
                registerEntries.append(row["id"])
                items.append(
                    RetentionItem(
                        kind: .registerEntries, target: "register entry \(row["id"] as Int64)", since: row["decidedOn"])
                )
            }
        }
        if let cutoff = cutoffs[.auditEntries] {
            let resting = Set(live.map { "submission \($0)" })
            for row in try Row.fetchAll(
                db, sql: "SELECT id, at, action, target FROM audit WHERE at < ? ORDER BY id", arguments: [cutoff])
            {
                let id: Int64 = row["id"]
                let kept =
                    (row["action"] as String) == AuditAction.decide.rawValue && resting.contains(row["target"])
                    ? "it records the grant of a licence in force" : nil
                if kept == nil { auditLines.append(id) }
                items.append(
                    RetentionItem(kind: .auditEntries, target: "audit \(id)", since: row["at"], keptBecause: kept))
            }
        }
    }

    /// Erases what is past its period and not kept, as one transaction's work (the caller's).
    func erase(_ db: Database) throws {
        try db.execute(sql: "INSERT INTO erasure (startedAt) VALUES (?)", arguments: [SQLiteStore.now()])
        try eraseSubmissions(db)
        let tables = [
            ("draft", drafts), ("session", sessions), ("sharedRegisterEntry", registerEntries), ("audit", auditLines),
        ]
        for (table, ids) in tables where !ids.isEmpty {
            try db.execute(sql: "DELETE FROM \(table) WHERE id IN (\(Self.list(ids)))")
        }
        try db.execute(sql: "DELETE FROM erasure")
    }

    /// Erases the versions with what hangs on them, and re-points each later version kept at the nearest earlier
    /// one kept, so the chain of versions still ends at the latest.
    private func eraseSubmissions(_ db: Database) throws {
        guard !submissions.isEmpty else { return }
        let erased = Self.list(Array(submissions))
        var repointed: [(id: Int64, to: Int64?)] = []
        for (id, before) in earlier where !submissions.contains(id) && submissions.contains(before) {
            var to: Int64? = before
            while let version = to, submissions.contains(version) { to = earlier[version] }
            repointed.append((id, to))
        }
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
        // A driver none of whose versions is left: their checks and transfers go with them.
        for subject in subjects
        where try !Bool.fetchOne(
            db, sql: "SELECT EXISTS (SELECT 1 FROM submission WHERE subjectKey = ?)", arguments: [subject])!
        {
            try db.execute(sql: "DELETE FROM dbsCheck WHERE driverNumber = ?", arguments: [subject])
            try db.execute(sql: "DELETE FROM transfer WHERE subjectKey = ?", arguments: [subject])
        }
    }

    /// Row ids as an SQL list (numbers only, so nothing to quote).
    private static func list(_ ids: [Int64]) -> String {
        ids.map(String.init).joined(separator: ", ")
    }
}
