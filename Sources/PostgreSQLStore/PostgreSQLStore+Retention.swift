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

/// One reading of what the retention schedule reaches (`RetentionPlan`, from the rows read here), and the erasure
/// of it: made and applied in one transaction.
private struct PostgreSQLRetentionPass {
    /// What the schedule reaches.
    let plan: RetentionPlan
    /// Every record past its period, erased or kept.
    var items: [RetentionItem] { plan.items }

    /// Reads what the schedule reaches.
    static func read(_ connection: PostgresConnection, cutoffs: [RetentionKind: String], liveOn: Day) async throws
        -> PostgreSQLRetentionPass
    {
        var rows = RetentionPlan.Rows()
        rows.live = Set(
            try await connection.values(
                Int64.self,
                """
                SELECT d.submissionID FROM officerDecision d
                WHERE d.id = (SELECT max(id) FROM officerDecision WHERE submissionID = d.submissionID)
                  AND d.outcome IN ('grant', 'grant-with-conditions')
                  AND (d.licenceEnd IS NULL OR d.licenceEnd >= \(liveOn.iso))
                """))
        rows.refusals = try await dated(
            connection,
            """
            SELECT d.submissionID, d.decidedAt FROM officerDecision d
            WHERE d.id = (SELECT max(id) FROM officerDecision WHERE submissionID = d.submissionID)
              AND d.outcome = 'refuse'
            """)
        rows.earlier = Dictionary(
            try await connection.rows("SELECT id, supersedes FROM submission WHERE supersedes IS NOT NULL").map {
                (try $0[0].decode(Int64.self), try $0[1].decode(Int64.self))
            }, uniquingKeysWith: { first, _ in first })
        if let cutoff = cutoffs[.supersededVersions] {
            rows.replaced = try await dated(
                connection,
                """
                SELECT later.supersedes, later.receivedAt FROM submission later
                WHERE later.supersedes IS NOT NULL AND later.receivedAt < \(cutoff) ORDER BY later.supersedes
                """)
        }
        if let cutoff = cutoffs[.drafts] {
            rows.drafts = try await dated(
                connection, "SELECT id, updatedAt FROM draft WHERE updatedAt < \(cutoff) ORDER BY id")
        }
        if let cutoff = cutoffs[.sessions] {
            rows.sessions = try await dated(
                connection, "SELECT id, expiresAt FROM session WHERE expiresAt < \(cutoff) ORDER BY id")
        }
        if let cutoff = cutoffs[.registerEntries] {
            rows.registerEntries = try await dated(
                connection, "SELECT id, decidedOn FROM sharedRegisterEntry WHERE decidedOn < \(cutoff) ORDER BY id")
        }
        if let cutoff = cutoffs[.auditEntries] {
            rows.auditLines = try await connection.rows(
                "SELECT id, at, action, target FROM audit WHERE at < \(cutoff) ORDER BY id"
            ).map {
                (
                    id: try $0[0].decode(Int64.self), at: try $0[1].decode(String.self),
                    action: try $0[2].decode(String.self), target: try $0[3].decode(String.self)
                )
            }
        }
        return PostgreSQLRetentionPass(plan: RetentionPlan(rows, cutoffs: cutoffs))
    }

    /// Rows of a number and a time.
    private static func dated(_ connection: PostgresConnection, _ query: PostgresQuery) async throws
        -> [(id: Int64, since: String)]
    {
        try await connection.rows(query).map {
            (id: try $0[0].decode(Int64.self), since: try $0[1].decode(String.self))
        }
    }

    /// Erases what is past its period and not kept, as one transaction's work (the caller's).
    func erase(_ connection: PostgresConnection) async throws {
        try await connection.run("INSERT INTO erasure (startedAt) VALUES (\(PostgreSQLStore.now()))")
        try await eraseSubmissions(connection)
        try await connection.run("DELETE FROM draft WHERE id = ANY(\(plan.drafts))")
        try await connection.run("DELETE FROM session WHERE id = ANY(\(plan.sessions))")
        try await connection.run("DELETE FROM sharedRegisterEntry WHERE id = ANY(\(plan.registerEntries))")
        try await connection.run("DELETE FROM audit WHERE id = ANY(\(plan.auditLines))")
        try await connection.run("DELETE FROM erasure")
    }

    /// Erases the versions with what hangs on them, and re-points each later version kept at the nearest earlier
    /// one kept, so the chain of versions still ends at the latest.
    private func eraseSubmissions(_ connection: PostgresConnection) async throws {
        guard !plan.submissions.isEmpty else { return }
        let erased = Array(plan.submissions)
        let repointed = plan.repointed
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
        // A driver none of whose versions is left: their checks and transfers go with them. One with versions left:
        // their licence as the decisions left say it (an erased grant licenses no longer).
        for subject in subjects {
            let forms = try await connection.values(
                String.self,
                "SELECT DISTINCT formID FROM submission WHERE subjectKind = 'driver' AND subjectKey = \(subject)")
            for form in forms {
                try await PostgreSQLStore.keepLicence(connection, formID: form, subjectKey: subject)
            }
            if forms.isEmpty {
                try await connection.run("DELETE FROM dbsCheck WHERE driverNumber = \(subject)")
                try await connection.run("DELETE FROM transfer WHERE subjectKey = \(subject)")
            }
        }
    }
}
