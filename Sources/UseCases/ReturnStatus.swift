import FormEngine
import Records

/// Where a school stands with the newest round of returns on a day: what its home page says, with the one action
/// that fits.
public enum ReturnStatus: Sendable, Equatable {
    /// Nothing started or sent for the round; overdue by so many days (0 before the due date).
    case notStarted(overdueDays: Int)
    /// A draft saved, not yet sent.
    case draftSaved(overdueDays: Int)
    /// The latest return was sent back to correct, and no corrected one has come.
    case sentBack(submission: Int64, overdueDays: Int)
    /// The latest return was received and accepted or referred.
    case received(submission: Int64, decision: Decision)
}

extension SchoolHome {
    /// The school's status with the newest round on `today`; nil when no round is open.
    public func status(on today: Day) -> ReturnStatus? {
        guard let collection, let due = Day(iso: collection.due) else { return nil }
        let overdue = max(0, today.daysSinceEpoch - due.daysSinceEpoch)
        let latest = sent.last { $0.collection == collection.name }
        if hasDraft { return .draftSaved(overdueDays: overdue) }
        guard let latest, let id = latest.submission.id, let decision = latest.evaluations.last?.record.decision else {
            return .notStarted(overdueDays: overdue)
        }
        return decision == .rejected
            ? .sentBack(submission: id, overdueDays: overdue) : .received(submission: id, decision: decision)
    }
}
