import FormEngine
import Foundation
import PostgresNIO
import Records

extension PostgreSQLStore {
    /// Keeps a stored version's facts, replacing any it had, as the SQLite store does (see its `keepFacts`): what the
    /// rows begin with (its subject, district, whether it is the latest, its latest decision, its subject's first
    /// receipt) read from the store, then written as a new version's are (`insertFacts`); the version it supersedes,
    /// if any, is then no longer its subject's latest.
    static func keepFacts(_ connection: PostgresConnection, _ facts: ReportFacts, submissionID: Int64) async throws {
        guard
            let row = try await connection.rows(
                """
                SELECT s.formID, s.collectionID, s.subjectKey, s.district,
                  NOT EXISTS (SELECT 1 FROM submission later WHERE later.supersedes = s.id),
                  (SELECT decision FROM evaluation WHERE submissionID = s.id ORDER BY id DESC LIMIT 1),
                  (SELECT min(first.receivedAt) FROM submission first
                     WHERE first.formID = s.formID AND first.subjectKey = s.subjectKey
                       AND first.collectionID IS NOT DISTINCT FROM s.collectionID),
                  s.supersedes
                FROM submission s WHERE s.id = \(submissionID)
                """
            ).first
        else { return }
        try await connection.run("DELETE FROM returnFact WHERE submissionID = \(submissionID)")
        try await connection.run("DELETE FROM driverFact WHERE submissionID = \(submissionID)")
        let fact = NewFacts(
            submissionID: submissionID, formID: try row[0].decode(String.self),
            collectionID: try row[1].decode(Int64?.self), subjectKey: try row[2].decode(String.self),
            district: try row[3].decode(String?.self), latest: try row[4].decode(Bool.self),
            decision: try Self.decision(row[5], of: submissionID), firstReceivedAt: try row[6].decode(String.self),
            facts: facts)
        try await insertFacts([fact], connection)
        if let replaced = try row[7].decode(Int64?.self) { try await markReplaced([replaced], connection) }
        if case .driver = facts {
            try await keepLicence(connection, formID: fact.formID, subjectKey: fact.subjectKey)
            try await keepChecks(connection, driverNumber: fact.subjectKey)
        }
    }

    /// The latest version of each school's return to a form in one collection (or none), with its facts.
    public func latestReturns(formID: String, collectionID: Int64?) async throws -> [LatestReturn] {
        try await read { connection in
            var years: [Int64: [Int: [String]]] = [:]
            for row in try await connection.rows(
                """
                SELECT y.submissionID, y.position, y.yearGroup FROM returnFact f
                JOIN sessionYearGroupFact y ON y.submissionID = f.submissionID
                WHERE f.formID = \(formID) AND f.collectionID IS NOT DISTINCT FROM \(collectionID) AND f.latest
                ORDER BY y.submissionID, y.position, y.yearGroup
                """)
            {
                years[try row[0].decode(Int64.self), default: [:]][try row[1].decode(Int.self), default: []].append(
                    try row[2].decode(String.self))
            }
            var sessions: [Int64: [ReturnFacts.Session]] = [:]
            for row in try await connection.rows(
                """
                SELECT s.submissionID, s.position, s.topic, s.audience, s.provider, s.qualityAssured
                FROM returnFact f JOIN sessionFact s ON s.submissionID = f.submissionID
                WHERE f.formID = \(formID) AND f.collectionID IS NOT DISTINCT FROM \(collectionID) AND f.latest
                ORDER BY s.submissionID, s.position
                """)
            {
                let id = try row[0].decode(Int64.self)
                let position = try row[1].decode(Int.self)
                guard let topic = ReturnFacts.Topic(rawValue: try row[2].decode(String.self)) else {
                    throw Refusal.damaged("submission \(id)'s session facts name a topic Safeguard does not know")
                }
                sessions[id, default: []].append(
                    ReturnFacts.Session(
                        topic: topic, audience: try row[3].decode(String?.self),
                        yearGroups: years[id]?[position] ?? [], providerType: try row[4].decode(String?.self),
                        qualityAssured: try row[5].decode(Bool.self)))
            }
            return try await connection.rows(
                """
                SELECT submissionID, subjectKey, district, decision, firstReceivedAt, cseDelivered, missingDelivered,
                  parentsInformed, governorsTrained, dslLastTraining, staffLastUpdate, dslName, dslEmail
                FROM returnFact
                WHERE formID = \(formID) AND collectionID IS NOT DISTINCT FROM \(collectionID) AND latest
                ORDER BY submissionID
                """
            ).map { row in
                let id = try row[0].decode(Int64.self)
                let facts = ReturnFacts(
                    cseDelivered: try row[5].decode(Bool.self), missingDelivered: try row[6].decode(Bool.self),
                    sessions: sessions[id] ?? [], parentsInformed: try row[7].decode(Bool.self),
                    governorsTrained: try row[8].decode(Bool.self), dslLastTraining: try Self.day(row[9]),
                    lastStaffUpdate: try Self.day(row[10]), dslName: try Self.text(row[11]),
                    dslEmail: try row[12].decode(String?.self))
                return LatestReturn(
                    id: id, subjectKey: try row[1].decode(String.self), district: try row[2].decode(String?.self),
                    decision: try Self.decision(row[3], of: id), firstReceivedAt: try row[4].decode(String.self),
                    facts: facts)
            }
        }
    }

    /// The latest version of each driver's application to a form, with its facts, in `district` only when given.
    /// One part: the server reads them in one query.
    public func latestApplications(formID: String, district: String?) async throws -> [[LatestApplication]] {
        let rows = try await readOnce { connection in
            try await connection.rows(
                """
                SELECT submissionID, district, decision, driverName, dbsCertificate, dbsIssueDate, dbsUpdateService,
                  dbsSubscriptionDate, dbsLastStatusCheck, trainingCompleted, trainingDate, registerSearched,
                  officerOutcome, licenceGranted, licenceStart, licenceEnd, licenceEndsOn, lastCheckResult,
                  latestNoChange
                FROM driverFact
                WHERE formID = \(formID) AND latest AND (\(district)::text IS NULL OR district = \(district))
                ORDER BY submissionID
                """
            ).map { row in
                let id = try row[0].decode(Int64.self)
                let facts = DriverFacts(
                    driverName: try Self.text(row[3]), dbsCertificate: try row[4].decode(String?.self),
                    dbsIssueDate: try Self.day(row[5]), dbsUpdateService: try row[6].decode(Bool.self),
                    dbsSubscriptionDate: try Self.day(row[7]), dbsLastStatusCheck: try Self.day(row[8]),
                    trainingCompleted: try row[9].decode(Bool.self), trainingDate: try Self.day(row[10]),
                    registerSearched: try row[11].decode(Bool.self))
                return LatestApplication(
                    id: id, district: try row[1].decode(String?.self), decision: try Self.decision(row[2], of: id),
                    facts: facts, officerOutcome: try Self.outcome(row[12], of: id),
                    licence: DriverLicence(
                        granted: try row[13].decode(Bool.self), start: try Self.day(row[14]),
                        end: try Self.day(row[15]), endsOn: try Self.day(row[16])),
                    checks: try Self.checks(row[17], latestNoChange: try Self.day(row[18]), of: id))
            }
        }
        return [rows]
    }

    /// Submissions stored before facts were kept whose facts are still to be filled, the oldest first. The range is
    /// read as two values, not joined: joined, PostgreSQL's plan walked every submission (0.4 s a call on a national
    /// store, twice before every report) to find none when nothing is left to fill.
    public func unfilledSubmissions(limit: Int) async throws -> [UnfilledSubmission] {
        try await readOnce { connection in
            try await connection.rows(
                """
                SELECT s.id, s.formID, s.bound FROM submission s
                WHERE s.id > (SELECT after FROM factBackfill) AND s.id <= (SELECT through FROM factBackfill)
                ORDER BY s.id LIMIT \(Int64(limit))
                """
            ).map {
                UnfilledSubmission(
                    id: try $0[0].decode(Int64.self), formID: try $0[1].decode(String.self),
                    bound: try $0[2].decode(String.self))
            }
        }
    }

    /// Keeps the facts filled for submissions stored before facts were kept, up to and including `through`.
    public func fillFacts(_ facts: [(submissionID: Int64, facts: ReportFacts)], through: Int64) async throws {
        let items = facts.map { FilledFacts(submissionID: $0.submissionID, facts: $0.facts) }
        try await write { connection in
            for item in items { try await Self.keepFacts(connection, item.facts, submissionID: item.submissionID) }
            try await connection.run("UPDATE factBackfill SET after = \(through)")
            try await connection.run("DELETE FROM factBackfill WHERE after >= through")
        }
    }

    /// A version's facts waiting to be kept.
    private struct FilledFacts: Sendable {
        let submissionID: Int64
        let facts: ReportFacts
    }

    /// A name kept as its UTF-8 bytes (PostgreSQL's text holds no NUL, and a name is free text that may).
    private static func text(_ cell: PostgresCell) throws -> String? {
        try cell.decode(ByteBuffer?.self).map { String(buffer: $0) }
    }

    /// A stored day, kept as its number of days since 1 January 1970.
    private static func day(_ cell: PostgresCell) throws -> Day? {
        try cell.decode(Int?.self).map { Day(daysSinceEpoch: $0) }
    }

    /// A stored officer's outcome, nil for none, or a refusal naming the submission whose facts hold one Safeguard
    /// does not know.
    private static func outcome(_ cell: PostgresCell, of id: Int64) throws -> LicensingOutcome? {
        guard let text = try cell.decode(String?.self) else { return nil }
        guard let outcome = LicensingOutcome(rawValue: text) else {
            throw Refusal.damaged("submission \(id)'s facts hold an officer's outcome Safeguard does not know")
        }
        return outcome
    }

    /// A driver's stored check history, nil for none, or a refusal naming the submission whose facts hold a result
    /// Safeguard does not know.
    private static func checks(_ cell: PostgresCell, latestNoChange: Day?, of id: Int64) throws -> CheckHistory? {
        guard let text = try cell.decode(String?.self) else { return nil }
        guard let result = DBSCheckResult(rawValue: text) else {
            throw Refusal.damaged("submission \(id)'s facts hold a check result Safeguard does not know")
        }
        return CheckHistory(lastResult: result, latestNoChange: latestNoChange)
    }

    /// A stored decision, or a refusal naming the submission whose facts hold one Safeguard does not know.
    private static func decision(_ cell: PostgresCell, of id: Int64) throws -> Decision {
        guard let decision = Decision(rawValue: try cell.decode(String.self)) else {
            throw Refusal.damaged("submission \(id)'s facts hold a decision Safeguard does not know")
        }
        return decision
    }
}
