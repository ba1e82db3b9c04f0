import FormEngine
import Records

extension Safeguarding {
    /// Records a licensing officer's decision on an application: a licence granted needs the day it starts (and
    /// runs `years` unless an end is given, after the start); every outcome but a plain grant needs its conditions
    /// or reasons; a licence cannot be granted on an incomplete application, nor on a version that has been
    /// replaced; and a decision over an earlier one (not a deferral) must say it replaces it. A licensing
    /// officer decides only on their own district's applications. A grant to a driver the JOF's shared register
    /// holds an entry about needs a referral to the sub-committee first; a refusal, suspension or revocation on
    /// safeguarding or road-safety grounds enters the register. A licence ends no later than the driver's
    /// permission to stay, where the application gives its end: on that day when no end is given. Audited.
    public func decide(_ request: DecisionRequest, by sender: Sender) async throws -> OfficerDecisionRecord {
        try sender.require([.licensing])
        let note = request.note.map(\.trimmingWhitespace).flatMap { $0.isEmpty ? nil : $0 }
        if request.outcome.grantsLicence, request.start == nil { throw Refusal.licenceStartNeeded }
        if request.outcome.needsNote, note == nil { throw Refusal.noteNeeded(request.outcome) }
        if request.outcome.endsLicence, request.grounds == nil { throw Refusal.groundsNeeded(request.outcome) }
        if request.immediate, !request.outcome.actsOnLicence { throw Refusal.immediateNotFor(request.outcome) }
        // A suspension or revocation takes effect when the appeal period has run, or at once on safety grounds.
        let now = today()
        let effective =
            request.outcome.actsOnLicence
            ? (request.immediate ? now : LicensingOutcome.takesEffect(decidedOn: now)) : nil
        guard let submission = try await store.submission(request.submissionID) else {
            throw Refusal.noSuchSubmission(request.submissionID)
        }
        if case .account(let account) = sender {
            guard submission.subjectKind == .driver, submission.district == account.scope else {
                throw Refusal.noSuchSubmission(request.submissionID)
            }
        }
        var end = request.end
        if request.outcome.grantsLicence, let start = request.start {
            end = end ?? LicensingOutcome.licenceEnd(from: start, years: request.years)
            if let leaveEnds = permissionToStayEnds(submission) {
                if request.end.map({ $0 > leaveEnds }) ?? false || start >= leaveEnds {
                    throw Refusal.licenceOutlastsLeave(leaveEnds: leaveEnds)
                }
                end = end.map { min($0, leaveEnds) }
            }
            if let end, end <= start { throw Refusal.licenceDatesReversed(start: start, end: end) }
        }
        // The shared register is searched again when a licence is granted: an entry made since the application
        // was checked counts too.
        if request.outcome.grantsLicence, submission.subjectKind == .driver {
            try await checkGrantAgainstRegister(submission)
        }
        return try await store.recordDecision(
            NewDecision(
                submissionID: request.submissionID, outcome: request.outcome,
                licenceStart: request.outcome.grantsLicence ? request.start : nil,
                licenceEnd: request.outcome.grantsLicence ? end : nil, note: note,
                replacesEarlier: request.replacesEarlier, grounds: request.outcome.endsLicence ? request.grounds : nil,
                effectiveOn: effective,
                registerEntry: submission.subjectKind == .driver
                    ? registerEntry(for: request, on: submission, decidedOn: now, effectiveOn: effective) : nil),
            actor: sender.name)
    }

    /// The day the application says the driver's time-limited permission to stay in the UK ends, where its form asks.
    private func permissionToStayEnds(_ submission: SubmissionRecord) -> Day? {
        guard let form = catalog.forms[submission.formID], let root = StoredJSON.read(submission.bound) else {
            return nil
        }
        return root.text(answering: .driverLeaveEnds, in: form).flatMap(Day.init(iso:))
    }

    /// Records a DBS Update Service status check on a driver with an application stored: the driver number as
    /// written (any case, with spaces), a day no later than today. Audited.
    public func recordDBSCheck(
        driver: String, on day: Day, result: DBSCheckResult, note: String?, by sender: Sender
    ) async throws -> DBSCheckRecord {
        try sender.require([.licensing])
        guard let number = IdentifierFormat.driverNumber.normalize(driver) else {
            throw Refusal.notADriverNumber(driver, expected: IdentifierFormat.driverNumber.expectation)
        }
        let now = today()
        if day > now { throw Refusal.dateInFuture(day, today: now) }
        if case .account(let account) = sender {
            let applications = try await store.submissionSummaries(
                subject: .driver, subjectKey: number, district: account.scope, latestOnly: true, limit: 1)
            if applications.isEmpty { throw Refusal.noApplicationForDriver(number) }
        }
        return try await store.recordDBSCheck(
            driverNumber: number, checkedOn: day, result: result,
            note: note.map(\.trimmingWhitespace).flatMap { $0.isEmpty ? nil : $0 }, actor: sender.name)
    }

    /// Hands a driver's record to another district (its value or label, in any case), so that the next application
    /// from that district continues the driver's versions rather than being refused as another district's. Only an
    /// administrator (or the command line) may. Audited.
    public func transferDriver(_ driver: String, to district: String, note: String?, by sender: Sender) async throws
        -> TransferRecord
    {
        try sender.require([.admin])
        guard let form = form(about: .driver) else { throw Refusal.noFormAbout(.driver) }
        guard let number = IdentifierFormat.driverNumber.normalize(driver) else {
            throw Refusal.notADriverNumber(driver, expected: IdentifierFormat.driverNumber.expectation)
        }
        return try await store.recordTransfer(
            formID: form.id, subjectKey: number, to: try districtValue(district, of: form),
            note: note.map(\.trimmingWhitespace).flatMap { $0.isEmpty ? nil : $0 }, actor: sender.name)
    }
}
