import FormEngine
import Foundation
import GRDB
import Records

extension SQLiteStore {
    /// Keeps a stored version's facts, replacing any it had, with its subject, district, latest decision and (for a
    /// return) its subject's first receipt in the collection read from the store; the version it supersedes, if
    /// any, is then no longer its subject's latest. Called in the transaction that adds the version's new
    /// evaluation, or fills facts for versions stored before they were kept.
    static func keepFacts(_ db: Database, _ facts: ReportFacts, submissionID: Int64) throws {
        try insertFacts(db, facts, submissionID: submissionID, replacing: true)
        if case .driver = facts { try keepLicensing(db, of: submissionID) }
        try db.cachedStatement(
            sql: """
                UPDATE \(facts.table) SET latest = 0
                WHERE submissionID = (SELECT supersedes FROM submission WHERE id = ?)
                """
        ).execute(arguments: [submissionID])
    }

    /// Keeps the facts of a version stored in this transaction, which has none yet; `supersedes`, the version it
    /// replaces, if any, is then no longer its subject's latest. A driver's licence and checks are those the
    /// version it replaces holds (no decision on the new one yet). Statements fewer a submission than `keepFacts`,
    /// on the path every stored submission takes.
    static func keepNewFacts(_ db: Database, _ facts: ReportFacts, submissionID: Int64, supersedes: Int64?) throws {
        try insertFacts(db, facts, submissionID: submissionID, replacing: false)
        guard let supersedes else { return }
        try db.cachedStatement(sql: "UPDATE \(facts.table) SET latest = 0 WHERE submissionID = ?")
            .execute(arguments: [supersedes])
    }

    /// Inserts a version's fact rows, first removing those it had when `replacing`.
    private static func insertFacts(_ db: Database, _ facts: ReportFacts, submissionID: Int64, replacing: Bool) throws {
        switch facts {
        case .school(let school): try keepReturnFacts(db, school, submissionID: submissionID, replacing: replacing)
        case .driver(let driver): try keepDriverFacts(db, driver, submissionID: submissionID)
        }
    }

    /// What every fact row begins with, read from the submission and its evaluations.
    private static let factHeader = """
        s.id, s.formID, s.subjectKey, s.district,
          NOT EXISTS (SELECT 1 FROM submission later WHERE later.supersedes = s.id),
          (SELECT decision FROM evaluation WHERE submissionID = s.id ORDER BY id DESC LIMIT 1)
        """

    private static func keepReturnFacts(_ db: Database, _ facts: ReturnFacts, submissionID: Int64, replacing: Bool)
        throws
    {
        if replacing {
            try db.cachedStatement(sql: "DELETE FROM returnFact WHERE submissionID = ?").execute(arguments: [
                submissionID
            ])
        }
        try db.cachedStatement(
            sql: """
                INSERT INTO returnFact (submissionID, formID, subjectKey, district, latest, decision, collectionID,
                  firstReceivedAt, cseDelivered, missingDelivered, parentsInformed, governorsTrained, dslLastTraining,
                  staffLastUpdate, dslName, dslEmail)
                SELECT \(factHeader), s.collectionID,
                  (SELECT min(first.receivedAt) FROM submission first
                     WHERE first.formID = s.formID AND first.subjectKey = s.subjectKey
                       AND first.collectionID IS s.collectionID),
                  ?, ?, ?, ?, ?, ?, ?, ?
                FROM submission s WHERE s.id = ?
                """
        ).run(
            db, facts.cseDelivered, facts.missingDelivered, facts.parentsInformed, facts.governorsTrained,
            facts.dslLastTraining?.daysSinceEpoch, facts.lastStaffUpdate?.daysSinceEpoch, Self.bytes(facts.dslName),
            facts.dslEmail,
            submissionID)
        let session = try db.cachedStatement(
            sql: """
                INSERT INTO sessionFact (submissionID, position, topic, audience, provider, qualityAssured)
                VALUES (?, ?, ?, ?, ?, ?)
                """)
        let yearGroup = try db.cachedStatement(
            sql: "INSERT OR IGNORE INTO sessionYearGroupFact (submissionID, position, yearGroup) VALUES (?, ?, ?)")
        for (position, item) in facts.sessions.enumerated() {
            try session.run(
                db, submissionID, position, item.topic.rawValue, item.audience, item.providerType, item.qualityAssured)
            for year in item.yearGroups { try yearGroup.run(db, submissionID, position, year) }
        }
    }

    private static func keepDriverFacts(_ db: Database, _ facts: DriverFacts, submissionID: Int64) throws {
        try db.cachedStatement(
            sql: """
                INSERT OR REPLACE INTO driverFact (submissionID, formID, subjectKey, district, latest, decision,
                  driverName, dbsCertificate, dbsIssueDate, dbsUpdateService, dbsSubscriptionDate, dbsLastStatusCheck,
                  trainingCompleted, trainingDate, registerSearched, licenceGranted, licenceStart, licenceEnd,
                  licenceEndsOn, lastCheckResult, latestNoChange)
                SELECT \(factHeader), ?, ?, ?, ?, ?, ?, ?, ?, ?,
                  coalesce(p.licenceGranted, 0), p.licenceStart, p.licenceEnd, p.licenceEndsOn, p.lastCheckResult,
                  p.latestNoChange
                FROM submission s LEFT JOIN driverFact p ON p.submissionID = s.supersedes WHERE s.id = ?
                """
        ).run(
            db, Self.bytes(facts.driverName), facts.dbsCertificate, facts.dbsIssueDate?.daysSinceEpoch,
            facts.dbsUpdateService,
            facts.dbsSubscriptionDate?.daysSinceEpoch, facts.dbsLastStatusCheck?.daysSinceEpoch,
            facts.trainingCompleted,
            facts.trainingDate?.daysSinceEpoch, facts.registerSearched, submissionID)
    }

    /// The latest version of each school's return to a form in one collection (or none), with its facts, by
    /// submission number.
    public func latestReturns(formID: String, collectionID: Int64?) async throws -> [LatestReturn] {
        try await pool.read { db in
            // The returns, their sessions and the sessions' year groups are read in submission order (sessions and
            // year groups in their positions'), each in the order the index gives them (no sort): a return's
            // sessions, and a session's year groups, are the rows read next, matched as they are read, not kept in
            // dictionaries by submission and position (a national round is 100,000 rows).
            let yearStatement = try db.cachedStatement(
                sql: """
                    SELECT y.submissionID, y.position, y.yearGroup FROM returnFact f
                    JOIN sessionYearGroupFact y ON y.submissionID = f.submissionID
                    WHERE f.formID = ? AND f.collectionID IS ? AND f.latest = 1 ORDER BY f.submissionID, y.position
                    """)
            let yearRows = try Row.fetchCursor(yearStatement, arguments: [formID, collectionID])
            let year = StatementColumns(yearStatement)
            var onYear = try yearRows.next() != nil
            func yearGroups(of id: Int64, at position: Int64) throws -> [String] {
                var found: [String] = []
                while onYear, (year.int64(0), year.int64(1)) <= (id, position) {
                    if year.int64(0) == id && year.int64(1) == position { found.append(year.text(2)) }
                    onYear = try yearRows.next() != nil
                }
                return found
            }
            let sessionStatement = try db.cachedStatement(
                sql: """
                    SELECT s.submissionID, s.position, s.topic, s.audience, s.provider, s.qualityAssured
                    FROM returnFact f JOIN sessionFact s ON s.submissionID = f.submissionID
                    WHERE f.formID = ? AND f.collectionID IS ? AND f.latest = 1 ORDER BY f.submissionID, s.position
                    """)
            let sessionRows = try Row.fetchCursor(sessionStatement, arguments: [formID, collectionID])
            let session = StatementColumns(sessionStatement)
            var onSession = try sessionRows.next() != nil
            func sessions(of id: Int64) throws -> [ReturnFacts.Session] {
                var found: [ReturnFacts.Session] = []
                while onSession {
                    let submission = session.int64(0)
                    guard submission <= id else { break }
                    guard let topic = ReturnFacts.Topic(rawValue: session.text(2)) else {
                        throw Refusal.damaged("submission \(id)'s session facts name a topic Safeguard does not know")
                    }
                    if submission == id {
                        found.append(
                            ReturnFacts.Session(
                                topic: topic, audience: session.optionalText(3),
                                yearGroups: try yearGroups(of: id, at: session.int64(1)),
                                providerType: session.optionalText(4), qualityAssured: session.bool(5)))
                    }
                    onSession = try sessionRows.next() != nil
                }
                return found
            }
            let statement = try db.cachedStatement(
                sql: """
                    SELECT submissionID, subjectKey, district, decision, firstReceivedAt, cseDelivered,
                      missingDelivered, parentsInformed, governorsTrained, dslLastTraining, staffLastUpdate, dslName,
                      dslEmail
                    FROM returnFact WHERE formID = ? AND collectionID IS ? AND latest = 1 ORDER BY submissionID
                    """)
            let rows = try Row.fetchCursor(statement, arguments: [formID, collectionID])
            let column = StatementColumns(statement)
            var result: [LatestReturn] = []
            while try rows.next() != nil {
                let id = column.int64(0)
                let facts = ReturnFacts(
                    cseDelivered: column.bool(5), missingDelivered: column.bool(6), sessions: try sessions(of: id),
                    parentsInformed: column.bool(7), governorsTrained: column.bool(8),
                    dslLastTraining: Self.day(column.int(9)), lastStaffUpdate: Self.day(column.int(10)),
                    dslName: column.optionalText(11), dslEmail: column.optionalText(12))
                result.append(
                    LatestReturn(
                        id: id, subjectKey: column.text(1), district: column.optionalText(2),
                        decision: try Self.decision(column.text(3), of: id), firstReceivedAt: column.text(4),
                        facts: facts))
            }
            return result
        }
    }

    /// The latest version of each driver's application to a form, with its facts, in `district` only when given,
    /// by submission number. The rows are read in as many ranges as there are cores, at once, each range as the
    /// store stood when the read began (a version stored since does not hide the one it replaces): a part a range.
    public func latestApplications(formID: String, district: String?) async throws -> [[LatestApplication]] {
        // The ranges split the numbers the drivers' facts span, not every submission's: schools' returns stored
        // before them left the first range of a national sample a quarter smaller than the second, and a core idle.
        let (first, last) = try await pool.read { db in
            // Each an index look-up on its own; asked together, SQLite scans the table for them.
            let row = try Row.fetchOne(
                db,
                sql: "SELECT (SELECT min(submissionID) FROM driverFact), (SELECT max(submissionID) FROM driverFact)")
            return (row?[0] as Int64? ?? 1, row?[1] as Int64? ?? 0)
        }
        let parts = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8))
        let size = (last - first + 1) / Int64(parts) + 1
        return try await withThrowingTaskGroup(of: (Int, [LatestApplication]).self) { group in
            for part in 0..<parts {
                let lower = first + Int64(part) * size
                let upper = min(first + Int64(part + 1) * size - 1, last)
                guard lower <= upper else { continue }
                let range = lower...upper
                group.addTask {
                    let read = try await pool.read { db in
                        try Self.latestApplications(db, formID: formID, district: district, ids: range, last: last)
                    }
                    return (part, read)
                }
            }
            var results = [[LatestApplication]](repeating: [], count: parts)
            for try await (part, read) in group { results[part] = read }
            return results
        }
    }

    /// `latestApplications` for the submissions whose numbers are in `ids`, as the store stood when its last
    /// application was `last`.
    private static func latestApplications(
        _ db: Database, formID: String, district: String?, ids: ClosedRange<Int64>, last: Int64
    ) throws -> [LatestApplication] {
        // The county's drivers are read in the order the rows are stored (through the index, each row was a seek);
        // one district's through the index by district.
        let statement = try db.cachedStatement(
            sql: """
                SELECT submissionID, district, decision, driverName, dbsCertificate, dbsIssueDate, dbsUpdateService,
                  dbsSubscriptionDate, dbsLastStatusCheck, trainingCompleted, trainingDate, registerSearched,
                  officerOutcome, licenceGranted, licenceStart, licenceEnd, licenceEndsOn, lastCheckResult,
                  latestNoChange
                FROM driverFact f \(district == nil ? "NOT INDEXED" : "")
                WHERE submissionID BETWEEN ? AND ? AND formID = ? AND (? IS NULL OR district = ?)
                  AND (latest = 1 OR EXISTS (
                    SELECT 1 FROM submission later WHERE later.supersedes = f.submissionID AND later.id > ?))
                ORDER BY submissionID
                """)
        let rows = try Row.fetchCursor(
            statement, arguments: [ids.lowerBound, ids.upperBound, formID, district, district, last])
        var result: [LatestApplication] = []
        // Room for every submission in the range, the most there can be, when the county is read: grown by doubling,
        // the array was copied at each step into memory the system hands over afresh (a fifth more page faults).
        if district == nil { result.reserveCapacity(ids.count) }
        // Columns by position, through SQLite's C API: by name, for each of 360,000 rows, they took a tenth of the
        // report, and through GRDB's `Row` more than SQLite's own reading.
        let column = StatementColumns(statement)
        // A district's name made once and shared by its drivers' rows, which the sample stores one after another:
        // "west-northamptonshire" is too long to be kept in place, and was a string made a row.
        var district: String?
        while try rows.next() != nil {
            let id = column.int64(0)
            district = column.optionalText(1, sameAs: district)
            let facts = DriverFacts(
                driverName: column.optionalText(3), dbsCertificate: column.optionalText(4),
                dbsIssueDate: Self.day(column.int(5)), dbsUpdateService: column.bool(6),
                dbsSubscriptionDate: Self.day(column.int(7)), dbsLastStatusCheck: Self.day(column.int(8)),
                trainingCompleted: column.bool(9), trainingDate: Self.day(column.int(10)),
                registerSearched: column.bool(11))
            let licence = DriverLicence(
                granted: column.bool(13), start: Self.day(column.int(14)), end: Self.day(column.int(15)),
                endsOn: Self.day(column.int(16)))
            result.append(
                LatestApplication(
                    id: id, district: district, decision: try Self.decision(column.text(2), of: id), facts: facts,
                    officerOutcome: try Self.outcome(column.optionalText(12), of: id), licence: licence,
                    checks: try Self.checks(column.optionalText(17), latestNoChange: Self.day(column.int(18)), of: id)))
        }
        return result
    }

    /// Submissions stored before facts were kept whose facts are still to be filled, the oldest first, at most
    /// `limit`; none once every one is filled.
    public func unfilledSubmissions(limit: Int) async throws -> [UnfilledSubmission] {
        try await pool.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT s.id, s.formID, s.bound FROM factBackfill b
                    JOIN submission s ON s.id > b.after AND s.id <= b.through ORDER BY s.id LIMIT ?
                    """, arguments: [limit]
            ).map { UnfilledSubmission(id: $0[0], formID: $0[1], bound: $0[2]) }
        }
    }

    /// Keeps the facts filled for submissions stored before facts were kept, up to and including `through`.
    public func fillFacts(_ facts: [(submissionID: Int64, facts: ReportFacts)], through: Int64) async throws {
        try await write { db in
            for (id, fact) in facts { try Self.keepFacts(db, fact, submissionID: id) }
            try db.execute(sql: "UPDATE factBackfill SET after = ?", arguments: [through])
            try db.execute(sql: "DELETE FROM factBackfill WHERE after >= through")
        }
    }

    /// A name's UTF-8 bytes, kept as a blob: GRDB binds and reads text as C strings, which end at a NUL, and a name
    /// is free text that may hold one.
    private static func bytes(_ text: String?) -> Data? { text.map { Data($0.utf8) } }

    /// A stored day, kept as its number of days since 1 January 1970.
    private static func day(_ number: Int?) -> Day? { number.map { Day(daysSinceEpoch: $0) } }

    /// A stored officer's outcome, nil for none, or a refusal naming the submission whose facts hold one Safeguard
    /// does not know.
    private static func outcome(_ text: String?, of id: Int64) throws -> LicensingOutcome? {
        guard let text else { return nil }
        guard let outcome = LicensingOutcome(rawValue: text) else {
            throw Refusal.damaged("submission \(id)'s facts hold an officer's outcome Safeguard does not know")
        }
        return outcome
    }

    /// A driver's stored check history, nil for none, or a refusal naming the submission whose facts hold a result
    /// Safeguard does not know.
    private static func checks(_ text: String?, latestNoChange: Day?, of id: Int64) throws -> CheckHistory? {
        guard let text else { return nil }
        guard let result = DBSCheckResult(rawValue: text) else {
            throw Refusal.damaged("submission \(id)'s facts hold a check result Safeguard does not know")
        }
        return CheckHistory(lastResult: result, latestNoChange: latestNoChange)
    }

    /// A stored decision, or a refusal naming the submission whose facts hold one Safeguard does not know.
    private static func decision(_ text: String, of id: Int64) throws -> Decision {
        guard let decision = Decision(rawValue: text) else {
            throw Refusal.damaged("submission \(id)'s facts hold a decision Safeguard does not know")
        }
        return decision
    }
}

extension ReportFacts {
    /// The table that holds facts of this kind, one row a version.
    fileprivate var table: String {
        switch self {
        case .school: return "returnFact"
        case .driver: return "driverFact"
        }
    }
}
