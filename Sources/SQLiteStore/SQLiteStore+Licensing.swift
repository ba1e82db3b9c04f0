import FormEngine
import GRDB
import Records

extension SQLiteStore {
    /// Records an officer's decision, checked against what is stored at that moment, in one transaction.
    public func recordDecision(_ decision: NewDecision, actor: String) async throws -> OfficerDecisionRecord {
        try await write { db in
            let id = decision.submissionID
            guard let submission = try SubmissionRecord.fetchOne(db, key: id) else {
                throw Refusal.noSuchSubmission(id)
            }
            guard submission.subjectKind == .driver else { throw Refusal.notAnApplication(id) }
            if let later = try Self.replacement(db, of: id) { throw Refusal.replaced(id, by: later) }
            if decision.outcome.grantsLicence, try Self.latestEvaluation(db, of: id)?.decision == .rejected {
                throw Refusal.incomplete(id)
            }
            let earlier = try OfficerDecisionRecord.filter(Column("submissionID") == id).order(Column("id").desc)
                .fetchOne(db)
            // A deferral or a referral waits for the decision that follows it; a suspension or revocation acts on
            // the licence a grant (or a suspension) left in force; any other decision stands until one replaces it.
            let follows =
                earlier.map { earlier in
                    earlier.outcome.waits
                        || (decision.outcome.actsOnLicence
                            && (earlier.outcome.grantsLicence || earlier.outcome == .suspend))
                } ?? true
            if decision.outcome.actsOnLicence,
                !(earlier.map { $0.outcome.grantsLicence || $0.outcome == .suspend } ?? false)
            {
                throw Refusal.noLicenceInForce(submission: id, outcome: decision.outcome)
            }
            if let earlier, !follows, !decision.replacesEarlier {
                throw Refusal.earlierDecision(
                    submission: id, outcome: earlier.outcome, by: earlier.decidedBy,
                    on: String(earlier.decidedAt.prefix(10)))
            }
            var record = OfficerDecisionRecord(
                id: nil, submissionID: id, outcome: decision.outcome, licenceStart: decision.licenceStart?.iso,
                licenceEnd: decision.licenceEnd?.iso, note: decision.note, decidedBy: actor, decidedAt: Self.now(),
                grounds: decision.grounds, effectiveOn: decision.effectiveOn?.iso)
            try record.insert(db)
            if var entry = decision.registerEntry { try entry.insert(db) }
            var detail = decision.outcome.rawValue + (decision.licenceEnd.map { ", licence to \($0.iso)" } ?? "")
            if let grounds = decision.grounds { detail += ", \(grounds.rawValue) grounds" }
            if let effective = decision.effectiveOn { detail += ", effective \(effective.iso)" }
            if decision.registerEntry != nil { detail += ", entered in the shared register" }
            if let earlier { detail += "; replaces the decision of \(earlier.decidedAt) (\(earlier.outcome.rawValue))" }
            try Self.audit(db, actor: actor, action: .decide, target: "submission \(id)", detail: detail)
            return record
        }
    }

    /// The shared register's entries decided on or after `since`, oldest first.
    public func sharedRegister(since: Day) async throws -> [SharedRegisterEntry] {
        try await pool.read { db in
            try SharedRegisterEntry.filter(Column("decidedOn") >= since.iso).order(Column("id")).fetchAll(db)
        }
    }

    /// Hands a driver's versions to another district, as they stand now.
    public func recordTransfer(
        formID: String, subjectKey: String, to district: String, note: String?, actor: String
    ) async throws -> TransferRecord {
        try await write { db in
            guard let latest = try Self.latestSubmission(db, formID: formID, subjectKey: subjectKey, collectionID: nil)
            else { throw Refusal.noApplicationForDriver(subjectKey) }
            if latest.district == district {
                throw Refusal.alreadyInDistrict(driver: subjectKey, district: district)
            }
            var record = TransferRecord(
                id: nil, formID: formID, subjectKey: subjectKey, afterSubmission: latest.id,
                fromDistrict: latest.district, toDistrict: district, note: note, recordedBy: actor,
                recordedAt: Self.now())
            try record.insert(db)
            try Self.audit(
                db, actor: actor, action: .transfer, target: "submission \(latest.id)",
                detail: "from \(latest.district ?? "no district") to \(district)")
            return record
        }
    }

    /// Records an Update Service check on a driver who has an application stored.
    public func recordDBSCheck(
        driverNumber: String, checkedOn: Day, result: DBSCheckResult, note: String?, actor: String
    ) async throws -> DBSCheckRecord {
        try await write { db in
            let latest = try Int64.fetchOne(
                db, sql: "SELECT max(id) FROM submission WHERE subjectKind = ? AND subjectKey = ?",
                arguments: [Subject.driver.rawValue, driverNumber])
            guard let latest else { throw Refusal.noApplicationForDriver(driverNumber) }
            var record = DBSCheckRecord(
                id: nil, driverNumber: driverNumber, checkedOn: checkedOn.iso, result: result, note: note,
                recordedBy: actor, recordedAt: Self.now())
            try record.insert(db)
            try Self.audit(
                db, actor: actor, action: .dbsCheck, target: "submission \(latest)",
                detail: "\(result.rawValue) on \(checkedOn.iso)")
            return record
        }
    }
}
