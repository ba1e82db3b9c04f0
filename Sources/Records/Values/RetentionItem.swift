/// One record the retention schedule reached: past its period (erased, or to be), or past it and kept because a
/// licence in force still rests on it. It names the record, never what it holds.
public struct RetentionItem: Sendable, Equatable {
    /// The kind of record, which gives its period.
    public let kind: RetentionKind
    /// The record, as the audit log names records: `submission 12`, `audit 301`, `draft 4`, `session 9`.
    public let target: String
    /// When its period started (ISO 8601).
    public let since: String
    /// Why it is kept although its period has passed; nil when it is erased.
    public let keptBecause: String?

    /// An item.
    public init(kind: RetentionKind, target: String, since: String, keptBecause: String? = nil) {
        self.kind = kind
        self.target = target
        self.since = since
        self.keptBecause = keptBecause
    }
}
