/// What the store did with one evaluated submission.
public enum StoreOutcome: Sendable, Equatable {
    /// Stored as this submission number, replacing an earlier version when `supersedes` is set.
    case stored(id: Int64, supersedes: Int64?)
    /// Not stored, and why.
    case refused(Refusal)
}
