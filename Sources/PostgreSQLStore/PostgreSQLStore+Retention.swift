import FormEngine
import PostgresNIO
import Records

extension PostgreSQLStore {
    /// The records whose period has passed, kept or (with `erase`) erased in one transaction; see `ReturnStore`.
    public func retention(cutoffs: [RetentionKind: String], liveOn: Day, erase: Bool, actor: String) async throws
        -> [RetentionItem]
    {
        guard erase else {
            return try await read { connection in
                try await PostgreSQLRetentionPass.read(connection, cutoffs: cutoffs, liveOn: liveOn).items
            }
        }
        return try await write { connection in
            let pass = try await PostgreSQLRetentionPass.read(connection, cutoffs: cutoffs, liveOn: liveOn)
            try await pass.erase(connection)
            let erased = pass.items.filter { $0.keptBecause == nil }
            let counts = RetentionKind.allCases.map { kind in
                "\(erased.filter { $0.kind == kind }.count) \(kind.rawValue)"
            }
            try await Self.audit(
                connection, actor: actor, action: .retention, target: "retention schedule",
                detail: "as of \(liveOn.iso): erased " + counts.joined(separator: ", "))
            return pass.items
        }
    }

    /// Everything held about one school or driver, or nil when nothing is.
    public func subjectRecords(subjectKey: String) async throws -> SubjectRecords? {
        try await read { connection in
            let submissions = try await connection.records(
                SubmissionRecord.self, "SELECT * FROM submission WHERE subjectKey = \(subjectKey) ORDER BY id")
            let checks = try await connection.records(
                DBSCheckRecord.self, "SELECT * FROM dbsCheck WHERE driverNumber = \(subjectKey) ORDER BY id")
            let entries = try await connection.records(
                SharedRegisterEntry.self,
                "SELECT * FROM sharedRegisterEntry WHERE driverNumber = \(subjectKey) ORDER BY id")
            guard !submissions.isEmpty || !checks.isEmpty || !entries.isEmpty else { return nil }
            let ids = submissions.compactMap(\.id)
            let evaluations = try await connection.records(
                EvaluationRecord.self, "SELECT * FROM evaluation WHERE submissionID = ANY(\(ids)) ORDER BY id")
            return SubjectRecords(
                subjectKey: subjectKey, submissions: submissions, evaluations: evaluations,
                findings: try await connection.records(
                    FindingRecord.self,
                    "SELECT * FROM finding WHERE evaluationID = ANY(\(evaluations.compactMap(\.id))) ORDER BY id"),
                decisions: try await connection.records(
                    OfficerDecisionRecord.self,
                    "SELECT * FROM officerDecision WHERE submissionID = ANY(\(ids)) ORDER BY id"),
                dbsChecks: checks,
                transfers: try await connection.records(
                    TransferRecord.self, "SELECT * FROM transfer WHERE subjectKey = \(subjectKey) ORDER BY id"),
                registerEntries: entries,
                audit: try await connection.records(
                    AuditRecord.self,
                    "SELECT * FROM audit WHERE target = ANY(\(ids.map { "submission \($0)" })) ORDER BY id"))
        }
    }
}

/// One reading of what the retention schedule reaches, and the erasure of it, as the SQLite store's retention pass
/// does: made and applied in one transaction.
private struct PostgreSQLRetentionPass {
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

    /// Reads what the schedule reaches.
    static func read(_ connection: PostgresConnection, cutoffs: [RetentionKind: String], liveOn: Day) async throws
        -> PostgreSQLRetentionPass
    {
        var pass = PostgreSQLRetentionPass()
        // A licence in force rests on the version it was granted on: the latest decision on it is a grant that has
        // not ended.
        let live = Set(
            try await connection.values(
                Int64.self,
                """
                SELECT d.submissionID FROM officerDecision d
                WHERE d.id = (SELECT max(id) FROM officerDecision WHERE submissionID = d.submissionID)
                  AND d.outcome IN ('grant', 'grant-with-conditions')
                  AND (d.licenceEnd IS NULL OR d.licenceEnd >= \(liveOn.iso))
                """))
        let refusals = try await connection.rows(
            """
            SELECT d.submissionID, d.decidedAt FROM officerDecision d
            WHERE d.id = (SELECT max(id) FROM officerDecision WHERE submissionID = d.submissionID)
              AND d.outcome = 'refuse'
            """
        ).map { (id: try $0[0].decode(Int64.self), since: try $0[1].decode(String.self)) }
        let refused = Set(refusals.map(\.id))
        pass.earlier = Dictionary(
            try await connection.rows("SELECT id, supersedes FROM submission WHERE supersedes IS NOT NULL").map {
                (try $0[0].decode(Int64.self), try $0[1].decode(Int64.self))
            }, uniquingKeysWith: { first, _ in first })

        func reach(_ kind: RetentionKind, _ id: Int64, since: String) {
            let kept = live.contains(id) ? "a licence in force was granted on it" : nil
            pass.items.append(RetentionItem(kind: kind, target: "submission \(id)", since: since, keptBecause: kept))
            if kept == nil { pass.submissions.insert(id) }
        }
        if let cutoff = cutoffs[.refusedApplications] {
            for refusal in refusals where refusal.since < cutoff {
                var id: Int64? = refusal.id
                while let version = id, !pass.submissions.contains(version) {
                    reach(.refusedApplications, version, since: refusal.since)
                    id = pass.earlier[version]
                }
            }
        }
        if let cutoff = cutoffs[.supersededVersions] {
            for row in try await connection.rows(
                """
                SELECT later.supersedes, later.receivedAt FROM submission later
                WHERE later.supersedes IS NOT NULL AND later.receivedAt < \(cutoff) ORDER BY later.supersedes
                """)
            {
                let id = try row[0].decode(Int64.self)
                guard !refused.contains(id), !pass.submissions.contains(id) else { continue }
                reach(.supersededVersions, id, since: try row[1].decode(String.self))
            }
        }
        if let cutoff = cutoffs[.drafts] {
            for row in try await connection.rows(
                "SELECT id, updatedAt FROM draft WHERE updatedAt < \(cutoff) ORDER BY id")
            {
                let id = try row[0].decode(Int64.self)
                pass.drafts.append(id)
                pass.items.append(
                    RetentionItem(kind: .drafts, target: "draft \(id)", since: try row[1].decode(String.self)))
            }
        }
        if let cutoff = cutoffs[.sessions] {
            for row in try await connection.rows(
                "SELECT id, expiresAt FROM session WHERE expiresAt < \(cutoff) ORDER BY id")
            {
                let id = try row[0].decode(Int64.self)
                pass.sessions.append(id)
                pass.items.append(
                    RetentionItem(kind: .sessions, target: "session \(id)", since: try row[1].decode(String.self)))
            }
        }
        if let cutoff = cutoffs[.registerEntries] {
            for row in try await connection.rows(
                "SELECT id, decidedOn FROM sharedRegisterEntry WHERE decidedOn < \(cutoff) ORDER BY id")
            {
                let id = try row[0].decode(Int64.self)
                pass.registerEntries.append(id)
                pass.items.append(
                    RetentionItem(
                        kind: .registerEntries, target: "register entry \(id)", since: try row[1].decode(String.self)))
            }
        }
        if let cutoff = cutoffs[.auditEntries] {
            let resting = Set(live.map { "submission \($0)" })
            for row in try await connection.rows(
                "SELECT id, at, action, target FROM audit WHERE at < \(cutoff) ORDER BY id")
            {
                let id = try row[0].decode(Int64.self)
                let kept =
                    try row[2].decode(String.self) == AuditAction.decide.rawValue
                    && resting.contains(try row[3].decode(String.self))
                    ? "it records the grant of a licence in force" : nil
                if kept == nil { pass.auditLines.append(id) }
                pass.items.append(
                    RetentionItem(
                        kind: .auditEntries, target: "audit \(id)", since: try row[1].decode(String.self),
                        keptBecause: kept))
            }
        }
        return pass
    }

    /// Erases what is past its period and not kept, as one transaction's work (the caller's).
    func erase(_ connection: PostgresConnection) async throws {
        try await connection.run("INSERT INTO erasure (startedAt) VALUES (\(PostgreSQLStore.now()))")
        try await eraseSubmissions(connection)
        try await connection.run("DELETE FROM draft WHERE id = ANY(\(drafts))")
        try await connection.run("DELETE FROM session WHERE id = ANY(\(sessions))")
        try await connection.run("DELETE FROM sharedRegisterEntry WHERE id = ANY(\(registerEntries))")
        try await connection.run("DELETE FROM audit WHERE id = ANY(\(auditLines))")
        try await connection.run("DELETE FROM erasure")
    }

    /// Erases the versions with what hangs on them, and re-points each later version kept at the nearest earlier
    /// one kept, so the chain of versions still ends at the latest.
    private func eraseSubmissions(_ connection: PostgresConnection) async throws {
        guard !submissions.isEmpty else { return }
        let erased = Array(submissions)
        var repointed: [(id: Int64, to: Int64?)] = []
        for (id, before) in earlier where !submissions.contains(id) && submissions.contains(before) {
            var to: Int64? = before
            while let version = to, submissions.contains(version) { to = earlier[version] }
            repointed.append((id, to))
        }
        let subjects = try await connection.values(
            String.self,
            "SELECT DISTINCT subjectKey FROM submission WHERE subjectKind = 'driver' AND id = ANY(\(erased))")
        try await connection.run("UPDATE submission SET supersedes = NULL WHERE id = ANY(\(repointed.map(\.id)))")
        try await connection.run(
            "DELETE FROM finding WHERE evaluationID IN (SELECT id FROM evaluation WHERE submissionID = ANY(\(erased)))")
        try await connection.run("DELETE FROM evaluation WHERE submissionID = ANY(\(erased))")
        try await connection.run("DELETE FROM officerDecision WHERE submissionID = ANY(\(erased))")
        try await connection.run("DELETE FROM transfer WHERE afterSubmission = ANY(\(erased))")
        try await connection.run("DELETE FROM submission WHERE id = ANY(\(erased))")
        for (id, to) in repointed {
            guard let to else { continue }
            try await connection.run("UPDATE submission SET supersedes = \(to) WHERE id = \(id)")
        }
        // A driver none of whose versions is left: their checks and transfers go with them.
        for subject in subjects
        where try await connection.value(
            Bool.self, "SELECT EXISTS (SELECT 1 FROM submission WHERE subjectKey = \(subject))") != true
        {
            try await connection.run("DELETE FROM dbsCheck WHERE driverNumber = \(subject)")
            try await connection.run("DELETE FROM transfer WHERE subjectKey = \(subject)")
        }
    }
}
