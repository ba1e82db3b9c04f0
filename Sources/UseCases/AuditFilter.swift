import FormEngine
import Records

/// Which lines of the audit log to show: by who, what, on what and when. Every part left nil matches every line.
public struct AuditFilter: Sendable {
    /// Who did it: the actor's name, in any case.
    public var actor: String?
    /// What was done.
    public var action: AuditAction?
    /// What it was done to: lines whose target contains this text, in any case (`submission 12`, `report`).
    public var target: String?
    /// From the start of this day.
    public var since: Day?
    /// To the end of this day.
    public var until: Day?

    /// A filter; by default every line.
    public init(
        actor: String? = nil, action: AuditAction? = nil, target: String? = nil, since: Day? = nil, until: Day? = nil
    ) {
        self.actor = actor
        self.action = action
        self.target = target
        self.since = since
        self.until = until
    }

    /// True when the line is one the filter asks for (its day from `since` on, as the store already chose).
    func matches(_ record: AuditRecord) -> Bool {
        if let actor, record.actor.lowercased() != actor.lowercased() { return false }
        if let action, record.action != action { return false }
        if let target, !record.target.lowercased().contains(target.lowercased()) { return false }
        if let until, let day = Day(iso: String(record.at.prefix(10))), day > until { return false }
        return true
    }
}
