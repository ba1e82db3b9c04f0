import FormEngine
import GRDB
import Records

extension SQLiteStore {
    /// Records an officer's decision, checked against what is stored at that moment, and the driver's licence it
    /// leaves on their facts, in one transaction.
    public func recordDecision(_ decision: NewDecision, actor: String) async throws -> OfficerDecisionRecord {
        try await write { db in
            let id = decision.submissionID
            guard let submission = try SubmissionRecord.fetchOne(db, key: id) else {
                throw Refusal.noSuchSubmission(id)
            }
            let earlier = try OfficerDecisionRecord.filter(Column("submissionID") == id).order(Column("id").desc)
                .fetchOne(db)
            var record = try decision.record(
                on: submission, replacedBy: try Self.replacement(db, of: id),
                evaluated: try Self.latestEvaluation(db, of: id)?.decision, earlier: earlier, by: actor, at: Self.now())
            try record.insert(db)
            try Self.keepLicence(db, formID: submission.formID, subjectKey: submission.subjectKey)
            if var entry = decision.registerEntry { try entry.insert(db) }
            try Self.audit(
                db, actor: actor, action: .decide, target: "submission \(id)",
                detail: decision.auditDetail(replacing: earlier))
            return record
        }
    }

    /// The shared register's entries decided on or after `since`, oldest first.
    public func sharedRegister(since: Day) async throws -> [SharedRegisterEntry] {
        try readOnThisThread { db in
            try SharedRegisterEntry.fetchAll(
                db.cachedStatement(sql: "SELECT * FROM sharedRegisterEntry WHERE decidedOn >= ? ORDER BY id"),
                arguments: [since.iso])
        }
    }

    /// The shared register's entries decided on or after `since` with this driver number, National Insurance number
    /// or date of birth, oldest first.
    public func sharedRegister(since: Day, driverNumber: String?, niNumber: String?, dateOfBirth: String?)
        async throws -> [SharedRegisterEntry]
    {
        try readOnThisThread { db in
            try SharedRegisterEntry.fetchAll(
                db.cachedStatement(sql: Self.registerEntriesAboutSQL),
                arguments: [since.iso, driverNumber, niNumber, dateOfBirth])
        }
    }

    /// The query for one driver's register entries: by its three indexes, not a read of the whole register.
    static let registerEntriesAboutSQL = """
        SELECT * FROM sharedRegisterEntry
        WHERE decidedOn >= ? AND (driverNumber = ? OR niNumber = ? OR dateOfBirth = ?) ORDER BY id
        """

    /// Hands a driver's versions to another district, as they stand now.
    public func recordTransfer(
        formID: String, subjectKey: String, to district: String, note: String?, actor: String
    ) async throws -> TransferRecord {
        try await write { db in
            guard let latest = try Self.latestSubmission(db, formID: formID, subjectKey: subjectKey, collectionID: nil)
            else { throw Refusal.noApplicationForDriver(subjectKey) }
            var record = try TransferRecord.handing(
                formID: formID, subjectKey: subjectKey, latestID: latest.id, heldBy: latest.district, to: district,
                note: note, by: actor, at: Self.now())
            try record.insert(db)
            try Self.audit(
                db, actor: actor, action: .transfer, target: "submission \(latest.id)", detail: record.auditDetail)
            return record
        }
    }

    /// Records an Update Service check on a driver who has an application stored, and what the driver's checks
    /// found on their facts, in one transaction.
    public func recordDBSCheck(
        driverNumber: String, checkedOn: Day, result: DBSCheckResult, note: String?, actor: String
    ) async throws -> DBSCheckRecord {
        try await write { db in
            let latest = try Int64.fetchOne(
                db, sql: "SELECT max(id) FROM submission WHERE subjectKind = ? AND \(Self.subjectIs())",
                arguments: [Subject.driver.rawValue, driverNumber])
            guard let latest else { throw Refusal.noApplicationForDriver(driverNumber) }
            var record = DBSCheckRecord(
                id: nil, driverNumber: driverNumber, checkedOn: checkedOn.iso, result: result, note: note,
                recordedBy: actor, recordedAt: Self.now())
            try record.insert(db)
            try Self.keepChecks(db, driverNumber: driverNumber)
            try Self.audit(
                db, actor: actor, action: .dbsCheck, target: "submission \(latest)",
                detail: "\(result.rawValue) on \(checkedOn.iso)")
            return record
        }
    }
}
