import FormEngine

extension NewDecision {
    /// The decision as it is recorded, checked against what the store holds at that moment: the submission (a
    /// driver's application), the version that replaced it (if any), its latest evaluation's decision and the
    /// latest decision recorded on it. Both stores call this inside the transaction that records it, so the rules
    /// are written once.
    public func record(
        on submission: SubmissionRecord, replacedBy later: Int64?, evaluated: Decision?,
        earlier: OfficerDecisionRecord?, by actor: String, at time: String
    ) throws -> OfficerDecisionRecord {
        let id = submissionID
        guard submission.subjectKind == .driver else { throw Refusal.notAnApplication(id) }
        if let later { throw Refusal.replaced(id, by: later) }
        if outcome.grantsLicence, evaluated == .rejected { throw Refusal.incomplete(id) }
        // A deferral or a referral waits for the decision that follows it; a suspension or revocation acts on the
        // licence a grant (or a suspension) left in force; any other decision stands until one replaces it.
        let leftInForce = earlier.map { $0.outcome.grantsLicence || $0.outcome == .suspend } ?? false
        let follows = earlier.map { $0.outcome.waits || (outcome.actsOnLicence && leftInForce) } ?? true
        if outcome.actsOnLicence, !leftInForce { throw Refusal.noLicenceInForce(submission: id, outcome: outcome) }
        if let earlier, !follows, !replacesEarlier {
            throw Refusal.earlierDecision(
                submission: id, outcome: earlier.outcome, by: earlier.decidedBy,
                on: String(earlier.decidedAt.prefix(10)))
        }
        return OfficerDecisionRecord(
            id: nil, submissionID: id, outcome: outcome, licenceStart: licenceStart?.iso, licenceEnd: licenceEnd?.iso,
            note: note, decidedBy: actor, decidedAt: time, grounds: grounds, effectiveOn: effectiveOn?.iso)
    }

    /// The audit line's detail for the decision, replacing `earlier` when there was one.
    public func auditDetail(replacing earlier: OfficerDecisionRecord?) -> String {
        var detail = outcome.rawValue + (licenceEnd.map { ", licence to \($0.iso)" } ?? "")
        if let grounds { detail += ", \(grounds.rawValue) grounds" }
        if let effectiveOn { detail += ", effective \(effectiveOn.iso)" }
        if registerEntry != nil { detail += ", entered in the shared register" }
        if let earlier { detail += "; replaces the decision of \(earlier.decidedAt) (\(earlier.outcome.rawValue))" }
        return detail
    }
}
