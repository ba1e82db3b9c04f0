import FormEngine
import PostgresNIO
import Records

extension PostgreSQLStore {
    /// A form and a subject as one key: what a subject's lock is taken on, and what the submission writer files
    /// each subject's latest version under.
    static func formSubject(_ formID: String, _ subjectKey: String) -> String { formID + "\u{1F}" + subjectKey }

    /// Takes a driver's (or school's) lock on a form for the transaction: the one storing a version of theirs takes.
    static func lockSubject(formID: String, subjectKey: String, _ connection: PostgresConnection) async throws {
        let key = formSubject(formID, subjectKey)
        try await connection.run("SELECT pg_advisory_xact_lock(hashtextextended(\(key), 0))")
    }

    /// Keeps on each of a driver's facts rows for a form what the officers' decisions on the driver's applications
    /// to it say about their licence, and on each the outcome of the latest decision on that version, as the SQLite
    /// store does (see its `keepLicence`).
    static func keepLicence(_ connection: PostgresConnection, formID: String, subjectKey: String) async throws {
        var licence = DriverLicence()
        for row in try await connection.rows(
            """
            SELECT d.id, d.outcome, d.licenceStart, d.licenceEnd,
              coalesce(d.effectiveOn, substr(d.decidedAt, 1, 10))
            FROM submission s JOIN officerDecision d ON d.submissionID = s.id
            WHERE s.formID = \(formID) AND s.subjectKey = \(subjectKey) ORDER BY d.id
            """)
        {
            let id = try row[0].decode(Int64.self)
            guard let outcome = LicensingOutcome(rawValue: try row[1].decode(String.self)) else {
                throw Refusal.damaged("officer decision \(id) holds an outcome Safeguard does not know")
            }
            licence.add(
                LicenceDecision(
                    outcome: outcome, licenceStart: try Self.isoDay(row[2]), licenceEnd: try Self.isoDay(row[3]),
                    takesEffect: try Self.isoDay(row[4])))
        }
        let day: (Day?) -> Int64? = { $0.map { Int64($0.daysSinceEpoch) } }
        try await connection.run(
            """
            UPDATE driverFact f SET licenceGranted = \(licence.granted), licenceStart = \(day(licence.start)),
              licenceEnd = \(day(licence.end)), licenceEndsOn = \(day(licence.endsOn)),
              officerOutcome = (SELECT outcome FROM officerDecision d WHERE d.submissionID = f.submissionID
                ORDER BY d.id DESC LIMIT 1)
            WHERE f.submissionID IN (SELECT id FROM submission WHERE formID = \(formID) AND subjectKey = \(subjectKey))
            """)
    }

    /// Keeps on each of a driver's facts rows what their Update Service checks found, as the SQLite store does (see
    /// its `keepChecks`).
    static func keepChecks(_ connection: PostgresConnection, driverNumber: String) async throws {
        let checks = try await connection.rows(
            "SELECT id, checkedOn, result FROM dbsCheck WHERE driverNumber = \(driverNumber) ORDER BY id"
        ).map { row in
            guard let result = DBSCheckResult(rawValue: try row[2].decode(String.self)) else {
                throw Refusal.damaged(
                    "DBS check \(try row[0].decode(Int64.self)) holds a result Safeguard does not know")
            }
            return StatusCheck(checkedOn: try Self.isoDay(row[1]), result: result)
        }
        let history = CheckHistory(checks)
        try await connection.run(
            """
            UPDATE driverFact SET lastCheckResult = \(history?.lastResult.rawValue),
              latestNoChange = \(history?.latestNoChange.map { Int64($0.daysSinceEpoch) })
            WHERE submissionID IN (SELECT id FROM submission WHERE subjectKey = \(driverNumber) AND subjectKind = 'driver')
            """)
    }

    /// Gives new versions' facts rows their drivers' licence and checks, as every other facts row of the driver on
    /// the form holds them (no decision on a new version yet).
    static func carryLicences(to ids: [Int64], _ connection: PostgresConnection) async throws {
        guard !ids.isEmpty else { return }
        try await connection.run(
            """
            UPDATE driverFact n SET licenceGranted = p.licenceGranted, licenceStart = p.licenceStart,
              licenceEnd = p.licenceEnd, licenceEndsOn = p.licenceEndsOn, lastCheckResult = p.lastCheckResult,
              latestNoChange = p.latestNoChange
            FROM submission earlier JOIN driverFact p ON p.submissionID = earlier.id
            WHERE n.submissionID = ANY(\(ids)) AND earlier.formID = n.formID AND earlier.subjectKey = n.subjectKey
              AND NOT earlier.id = ANY(\(ids))
            """)
    }

    /// A day kept as text (`YYYY-MM-DD`); nil when NULL or not a day.
    static func isoDay(_ cell: PostgresCell) throws -> Day? {
        try cell.decode(String?.self).flatMap { Day(iso: $0) }
    }
}
