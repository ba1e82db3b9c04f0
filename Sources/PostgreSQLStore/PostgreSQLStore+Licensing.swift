import FormEngine
import PostgresNIO
import Records

extension PostgreSQLStore {
    /// Records an officer's decision, checked against what is stored at that moment, and the driver's licence it
    /// leaves on their facts, in one transaction: the driver's lock is taken (as storing a version of theirs takes
    /// it), then the submission's row is locked, so two officers deciding on the driver at once, or a decision and a
    /// new version, are taken one after the other.
    public func recordDecision(_ decision: NewDecision, actor: String) async throws -> OfficerDecisionRecord {
        try await write { connection in
            let id = decision.submissionID
            // The driver's lock first, in the order a version's storing takes its locks (the subject's, then the
            // row of the version it replaces): the other order could leave each waiting for the other.
            guard
                let subject = try await connection.rows(
                    "SELECT formID, subjectKey FROM submission WHERE id = \(id)"
                ).first
            else { throw Refusal.noSuchSubmission(id) }
            let (formID, subjectKey) = (try subject[0].decode(String.self), try subject[1].decode(String.self))
            try await Self.lockSubject(formID: formID, subjectKey: subjectKey, connection)
            guard
                let submission = try await connection.record(
                    SubmissionRecord.self, "SELECT * FROM submission WHERE id = \(id) FOR UPDATE")
            else { throw Refusal.noSuchSubmission(id) }
            let earlier = try await connection.record(
                OfficerDecisionRecord.self,
                "SELECT * FROM officerDecision WHERE submissionID = \(id) ORDER BY id DESC LIMIT 1")
            var record = try decision.record(
                on: submission, replacedBy: try await Self.replacement(connection, of: id),
                evaluated: try await Self.latestEvaluation(connection, of: id)?.decision, earlier: earlier, by: actor,
                at: Self.now())
            record.id = try await connection.insert(record, into: "officerDecision")
            try await Self.keepLicence(connection, formID: formID, subjectKey: subjectKey)
            if let entry = decision.registerEntry { try await connection.insert(entry, into: "sharedRegisterEntry") }
            try await Self.audit(
                connection, actor: actor, action: .decide, target: "submission \(id)",
                detail: decision.auditDetail(replacing: earlier))
            return record
        }
    }

    /// The shared register's entries decided on or after `since`, oldest first.
    public func sharedRegister(since: Day) async throws -> [SharedRegisterEntry] {
        try await readOnce { connection in
            try await connection.records(
                SharedRegisterEntry.self,
                "SELECT * FROM sharedRegisterEntry WHERE decidedOn >= \(since.iso) ORDER BY id")
        }
    }

    /// The shared register's entries decided on or after `since` with this driver number, National Insurance number
    /// or date of birth, oldest first.
    public func sharedRegister(since: Day, driverNumber: String?, niNumber: String?, dateOfBirth: String?)
        async throws -> [SharedRegisterEntry]
    {
        try await readOnce { connection in
            try await connection.records(
                SharedRegisterEntry.self,
                """
                SELECT * FROM sharedRegisterEntry
                WHERE decidedOn >= \(since.iso)
                  AND (driverNumber = \(driverNumber) OR niNumber = \(niNumber) OR dateOfBirth = \(dateOfBirth))
                ORDER BY id
                """)
        }
    }

    /// Hands a driver's versions to another district, as they stand now.
    public func recordTransfer(
        formID: String, subjectKey: String, to district: String, note: String?, actor: String
    ) async throws -> TransferRecord {
        try await write { connection in
            try await Self.lockSubject(formID: formID, subjectKey: subjectKey, connection)
            guard
                let latest = try await Self.latestSubmission(
                    connection, formID: formID, subjectKey: subjectKey, collectionID: nil)
            else { throw Refusal.noApplicationForDriver(subjectKey) }
            var record = try TransferRecord.handing(
                formID: formID, subjectKey: subjectKey, latestID: latest.id, heldBy: latest.district, to: district,
                note: note, by: actor, at: Self.now())
            record.id = try await connection.insert(record, into: "transfer")
            try await Self.audit(
                connection, actor: actor, action: .transfer, target: "submission \(latest.id)",
                detail: record.auditDetail)
            return record
        }
    }

    /// Records an Update Service check on a driver who has an application stored, and what the driver's checks
    /// found on their facts, in one transaction: the driver's lock on each form is taken (in the order storing takes
    /// them), so a new version stored meanwhile carries what this check leaves.
    public func recordDBSCheck(
        driverNumber: String, checkedOn: Day, result: DBSCheckResult, note: String?, actor: String
    ) async throws -> DBSCheckRecord {
        try await write { connection in
            let forms = try await connection.values(
                String.self,
                "SELECT DISTINCT formID FROM submission WHERE subjectKey = \(driverNumber) AND subjectKind = 'driver'")
            for form in forms.sorted() {
                try await Self.lockSubject(formID: form, subjectKey: driverNumber, connection)
            }
            guard
                let latest = try await connection.value(
                    Int64.self,
                    "SELECT max(id) FROM submission WHERE subjectKind = \(Subject.driver.rawValue) AND subjectKey = \(driverNumber)"
                )
            else { throw Refusal.noApplicationForDriver(driverNumber) }
            var record = DBSCheckRecord(
                id: nil, driverNumber: driverNumber, checkedOn: checkedOn.iso, result: result, note: note,
                recordedBy: actor, recordedAt: Self.now())
            record.id = try await connection.insert(record, into: "dbsCheck")
            try await Self.keepChecks(connection, driverNumber: driverNumber)
            try await Self.audit(
                connection, actor: actor, action: .dbsCheck, target: "submission \(latest)",
                detail: "\(result.rawValue) on \(checkedOn.iso)")
            return record
        }
    }
}
