import FormEngine

/// How one submission's result changed when it was evaluated again.
public struct RevalidationChange: Sendable, Equatable {
    /// The submission.
    public let submissionID: Int64
    /// Its form.
    public let formID: String
    /// The decision before.
    public let before: Decision
    /// The decision now.
    public let after: Decision
    /// Findings present now and not before, as `rule severity path`.
    public let added: [String]
    /// Findings present before and not now.
    public let removed: [String]
}

/// What a revalidation found: which submissions' decisions or findings changed, and how many did not.
public struct RevalidationReport: Sendable {
    /// The date the submissions were evaluated on.
    public var asOf: Day
    /// How many submissions were evaluated again.
    public var evaluated = 0
    /// Submissions that were not rejected and now are.
    public var newlyRejected: [RevalidationChange] = []
    /// Submissions that were not accepted and now are.
    public var newlyAccepted: [RevalidationChange] = []
    /// Other decision changes: to or from referred.
    public var otherDecisionChanges: [RevalidationChange] = []
    /// Submissions with the same decision but different findings.
    public var findingsChanged: [RevalidationChange] = []
    /// Submissions whose findings are exactly as before.
    public var unchanged = 0

    /// Files a change under the heading it belongs to.
    mutating func add(_ change: RevalidationChange) {
        evaluated += 1
        if change.before == change.after {
            if change.added.isEmpty && change.removed.isEmpty {
                unchanged += 1
            } else {
                findingsChanged.append(change)
            }
        } else if change.after == .rejected {
            newlyRejected.append(change)
        } else if change.after == .accepted {
            newlyAccepted.append(change)
        } else {
            otherDecisionChanges.append(change)
        }
    }

    /// How many decisions changed.
    public var decisionsChanged: Int { newlyRejected.count + newlyAccepted.count + otherDecisionChanges.count }
}
