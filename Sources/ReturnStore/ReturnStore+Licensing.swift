import FormEngine
import GRDB

/// What a licensing officer may decide on an application.
public enum LicensingOutcome: String, Sendable, CaseIterable {
    case grant
    case grantWithConditions = "grant-with-conditions"
    case refuse
    case deferred = "defer"

    /// True for the outcomes that grant a licence, and so need its dates.
    public var grantsLicence: Bool { self == .grant || self == .grantWithConditions }

    /// The last day of a licence that starts on `start` and runs for `years` whole years.
    public static func licenceEnd(from start: Day, years: Int) -> Day {
        Day(daysSinceEpoch: start.adding(months: 12 * years).daysSinceEpoch - 1)
    }
}

/// What an Update Service status check found.
public enum DBSCheckResult: String, Sendable, CaseIterable {
    /// The certificate is still current.
    case noChange = "no-change"
    /// New information: the certificate is no longer current; the officer must act.
    case newInformation = "new-information"
    /// The driver is not (or no longer) subscribed.
    case notSubscribed = "not-subscribed"
}

extension ReturnStore {
    /// Records an officer's decision on the latest version of a driver's application. A licence cannot be
    /// granted on a rejected (incomplete) application, nor on a version that has been replaced.
    public func decide(
        submissionID: Int64, outcome: LicensingOutcome, licenceStart: Day?, licenceEnd: Day?, note: String?,
        actor: String
    ) throws -> OfficerDecisionRecord {
        try pool.write { db in
            guard let submission = try SubmissionRecord.fetchOne(db, key: submissionID) else {
                throw StoreError("There is no submission \(submissionID).")
            }
            guard submission.subjectKind == Subject.driver.rawValue else {
                throw StoreError(
                    "Submission \(submissionID) is not a driver's application: only applications are decided.")
            }
            if let later = try Int64.fetchOne(
                db, sql: "SELECT id FROM submission WHERE supersedes = ?", arguments: [submissionID])
            {
                throw StoreError(
                    "Submission \(submissionID) has been replaced by submission \(later): decide on the latest version."
                )
            }
            let evaluation = try EvaluationRecord.filter(Column("submissionID") == submissionID).order(
                Column("id").desc
            ).fetchOne(db)
            if outcome.grantsLicence {
                if evaluation?.decision == Decision.rejected.rawValue {
                    throw StoreError(
                        "Submission \(submissionID) is incomplete (rejected): a licence cannot be granted on it. "
                            + "Record 'refuse' or 'defer', or have the applicant submit a corrected application.")
                }
                guard let licenceStart, let licenceEnd else {
                    throw StoreError("A licence granted needs its dates: give --start and --end (or --years).")
                }
                guard licenceStart < licenceEnd else {
                    throw StoreError("The licence starts (\(licenceStart)) after it ends (\(licenceEnd)).")
                }
            }
            var record = OfficerDecisionRecord(
                id: nil, submissionID: submissionID, outcome: outcome.rawValue, licenceStart: licenceStart?.iso,
                licenceEnd: licenceEnd?.iso, note: note, decidedBy: actor, decidedAt: Self.now())
            try record.insert(db)
            try Self.audit(
                db, actor: actor, action: "decide", target: "submission \(submissionID)",
                detail: outcome.rawValue + (licenceEnd.map { ", licence to \($0.iso)" } ?? ""))
            return record
        }
    }

    /// Records a DBS Update Service status check on a driver who has an application in the store.
    public func recordDBSCheck(
        driverNumber: String, checkedOn: Day, result: DBSCheckResult, note: String?, actor: String
    ) throws -> DBSCheckRecord {
        try pool.write { db in
            let applications = try Int64.fetchAll(
                db, sql: "SELECT id FROM submission WHERE subjectKind = 'driver' AND subjectKey = ? ORDER BY id",
                arguments: [driverNumber])
            guard let latest = applications.last else {
                throw StoreError(
                    "No application is stored for that driver number: check the number, or submit the application first."
                )
            }
            var record = DBSCheckRecord(
                id: nil, driverNumber: driverNumber, checkedOn: checkedOn.iso, result: result.rawValue, note: note,
                recordedBy: actor, recordedAt: Self.now())
            try record.insert(db)
            try Self.audit(
                db, actor: actor, action: "dbs-check", target: "submission \(latest)",
                detail: "\(result.rawValue) on \(checkedOn.iso)")
            return record
        }
    }

    /// The officers' decisions on a submission, oldest first.
    public func decisions(onSubmission id: Int64) throws -> [OfficerDecisionRecord] {
        try pool.read { db in
            try OfficerDecisionRecord.filter(Column("submissionID") == id).order(Column("id")).fetchAll(db)
        }
    }

    /// The Update Service checks on a driver, oldest first.
    public func dbsChecks(driverNumber: String) throws -> [DBSCheckRecord] {
        try pool.read { db in
            try DBSCheckRecord.filter(Column("driverNumber") == driverNumber).order(Column("id")).fetchAll(db)
        }
    }
}
