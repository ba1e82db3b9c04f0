/// The permanent tables a retention erasure deletes from, each with what the store answers any other change to
/// them: their rows may be deleted only while a row of `erasure` exists, which `safeguard retention --apply` inserts
/// and deletes inside its one transaction, so no other connection ever sees it. A submission's `supersedes` may
/// then be re-pointed past an erased version; any other change to a submission is refused as before. One list that
/// both stores' migrations read.
public enum ErasableTables {
    /// Each table and the words its triggers refuse a change with.
    public static let all: [(table: String, reason: String)] = [
        ("submission", "a stored submission is never changed: store a new one"),
        ("evaluation", "a stored evaluation is never changed: store a new one"),
        ("finding", "a stored finding is never changed: store a new one"),
        ("officerDecision", "a recorded officerDecision is never changed: record a new one"),
        ("dbsCheck", "a recorded dbsCheck is never changed: record a new one"),
        ("transfer", "a recorded transfer is never changed: record a new one"),
        ("audit", "the audit log is never changed"),
    ]
}
