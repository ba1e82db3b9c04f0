/// What the retention schedule reaches, worked out from the rows a store read: each store reads them its own way
/// and erases what the plan says, in one transaction, so the rules are written once.
public struct RetentionPlan: Sendable {
    /// The rows the plan is made from, each list holding only the rows before its kind's cutoff (all refusals).
    public struct Rows: Sendable {
        /// The versions a licence in force rests on: the latest decision on each is a grant that has not ended.
        public var live: Set<Int64> = []
        /// Each application whose latest decision is a refusal, and when it was decided.
        public var refusals: [(id: Int64, since: String)] = []
        /// The version each later version replaced, by the later one's number.
        public var earlier: [Int64: Int64] = [:]
        /// Each version replaced before the cutoff, and when its replacement was received, by number.
        public var replaced: [(id: Int64, since: String)] = []
        /// Drafts, sessions and register entries past their period: their number and when their period began.
        public var drafts: [(id: Int64, since: String)] = []
        public var sessions: [(id: Int64, since: String)] = []
        public var registerEntries: [(id: Int64, since: String)] = []
        /// Audit lines past their period.
        public var auditLines: [(id: Int64, at: String, action: String, target: String)] = []

        /// No rows.
        public init() {}
    }

    /// Every record past its period, erased or kept, and why kept.
    public private(set) var items: [RetentionItem] = []
    /// The versions to erase, with their evaluations, findings and decisions.
    public private(set) var submissions: Set<Int64> = []
    /// The drafts, sessions, register entries and audit lines to erase, by number.
    public private(set) var drafts: [Int64] = []
    public private(set) var sessions: [Int64] = []
    public private(set) var registerEntries: [Int64] = []
    public private(set) var auditLines: [Int64] = []
    /// Each later version kept whose earlier version goes, and the nearest earlier one kept it now follows (nil:
    /// none is left), so the chain of versions still ends at the latest.
    public private(set) var repointed: [(id: Int64, to: Int64?)] = []

    /// The plan for these rows under `cutoffs` (ISO 8601; a kind without one is not reached).
    public init(_ rows: Rows, cutoffs: [RetentionKind: String]) {
        func reach(_ kind: RetentionKind, _ id: Int64, since: String) {
            let kept = rows.live.contains(id) ? "a licence in force was granted on it" : nil
            items.append(RetentionItem(kind: kind, target: "submission \(id)", since: since, keptBecause: kept))
            if kept == nil { submissions.insert(id) }
        }
        // A refused application goes with every version before it.
        if let cutoff = cutoffs[.refusedApplications] {
            for refusal in rows.refusals where refusal.since < cutoff {
                var id: Int64? = refusal.id
                while let version = id, !submissions.contains(version) {
                    reach(.refusedApplications, version, since: refusal.since)
                    id = rows.earlier[version]
                }
            }
        }
        if cutoffs[.supersededVersions] != nil {
            let refused = Set(rows.refusals.map(\.id))
            for version in rows.replaced where !refused.contains(version.id) && !submissions.contains(version.id) {
                reach(.supersededVersions, version.id, since: version.since)
            }
        }
        for (kind, name, list) in [
            (RetentionKind.drafts, "draft", rows.drafts), (.sessions, "session", rows.sessions),
            (.registerEntries, "register entry", rows.registerEntries),
        ] {
            for row in list {
                items.append(RetentionItem(kind: kind, target: "\(name) \(row.id)", since: row.since))
            }
        }
        drafts = rows.drafts.map(\.id)
        sessions = rows.sessions.map(\.id)
        registerEntries = rows.registerEntries.map(\.id)
        // The audit line of a decision a licence in force rests on stays with it.
        let resting = Set(rows.live.map { "submission \($0)" })
        for line in rows.auditLines {
            let kept =
                line.action == AuditAction.decide.rawValue && resting.contains(line.target)
                ? "it records the grant of a licence in force" : nil
            if kept == nil { auditLines.append(line.id) }
            items.append(
                RetentionItem(kind: .auditEntries, target: "audit \(line.id)", since: line.at, keptBecause: kept))
        }
        for (id, before) in rows.earlier where !submissions.contains(id) && submissions.contains(before) {
            var to: Int64? = before
            while let version = to, submissions.contains(version) { to = rows.earlier[version] }
            repointed.append((id, to))
        }
    }
}
