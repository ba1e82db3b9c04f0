import FormEngine
import GRDB
import Records

extension SQLiteStore {
    /// Keeps on each of a driver's facts rows for a form what the officers' decisions on the driver's applications
    /// to it say about their licence, and on each the outcome of the latest decision on that version: after a
    /// decision is recorded, a version's facts are filled again or versions are erased, in that transaction.
    static func keepLicence(_ db: Database, formID: String, subjectKey: String) throws {
        let statement = try db.cachedStatement(
            sql: """
                SELECT d.id, d.outcome, d.licenceStart, d.licenceEnd,
                  coalesce(d.effectiveOn, substr(d.decidedAt, 1, 10))
                FROM submission s JOIN officerDecision d ON d.submissionID = s.id
                WHERE s.formID = ? AND s.subjectKey = ? ORDER BY d.id
                """)
        let rows = try Row.fetchCursor(statement, arguments: [formID, subjectKey])
        let column = StatementColumns(statement)
        var licence = DriverLicence()
        while try rows.next() != nil {
            guard let outcome = LicensingOutcome(rawValue: column.text(1)) else {
                throw Refusal.damaged("officer decision \(column.int64(0)) holds an outcome Safeguard does not know")
            }
            licence.add(
                LicenceDecision(
                    outcome: outcome, licenceStart: column.day(2), licenceEnd: column.day(3),
                    takesEffect: column.day(4)))
        }
        try db.cachedStatement(
            sql: """
                UPDATE driverFact SET licenceGranted = ?, licenceStart = ?, licenceEnd = ?, licenceEndsOn = ?,
                  officerOutcome = (SELECT outcome FROM officerDecision d WHERE d.submissionID = driverFact.submissionID
                    ORDER BY d.id DESC LIMIT 1)
                WHERE submissionID IN (SELECT id FROM submission WHERE formID = ? AND subjectKey = ?)
                """
        ).execute(arguments: [
            licence.granted, licence.start?.daysSinceEpoch, licence.end?.daysSinceEpoch,
            licence.endsOn?.daysSinceEpoch, formID, subjectKey,
        ])
    }

    /// Keeps on each of a driver's facts rows what their Update Service checks found: after a check is recorded or a
    /// version's facts are filled again, in that transaction.
    static func keepChecks(_ db: Database, driverNumber: String) throws {
        let statement = try db.cachedStatement(
            sql: "SELECT id, checkedOn, result FROM dbsCheck WHERE driverNumber = ? ORDER BY id")
        let rows = try Row.fetchCursor(statement, arguments: [driverNumber])
        let column = StatementColumns(statement)
        var checks: [StatusCheck] = []
        while try rows.next() != nil {
            guard let result = DBSCheckResult(rawValue: column.text(2)) else {
                throw Refusal.damaged("DBS check \(column.int64(0)) holds a result Safeguard does not know")
            }
            checks.append(StatusCheck(checkedOn: column.day(1), result: result))
        }
        let history = CheckHistory(checks)
        try db.cachedStatement(
            sql: """
                UPDATE driverFact SET lastCheckResult = ?, latestNoChange = ?
                WHERE submissionID IN (SELECT id FROM submission WHERE subjectKind = 'driver' AND \(subjectIs()))
                """
        ).execute(arguments: [history?.lastResult.rawValue, history?.latestNoChange?.daysSinceEpoch, driverNumber])
    }

    /// `keepLicence` and `keepChecks` for the driver of a stored version, on its form.
    static func keepLicensing(_ db: Database, of submissionID: Int64) throws {
        guard
            let row = try Row.fetchOne(
                db, sql: "SELECT formID, subjectKey FROM submission WHERE id = ?", arguments: [submissionID])
        else { return }
        try keepLicence(db, formID: row[0], subjectKey: row[1])
        try keepChecks(db, driverNumber: row[1])
    }
}
