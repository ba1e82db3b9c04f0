/// One line of the audit log: who did what to which record, and when. Never changed.
public struct AuditRecord: Codable, Sendable, Equatable {
    /// The row id.
    public var id: Int64?
    /// When, ISO 8601 in UTC.
    public var at: String
    /// Who.
    public var actor: String
    /// What: `submit`, `decide`, `dbs-check`, `revalidate`, `export`, `view`, `register-import`, `collection-open`.
    public var action: AuditAction
    /// Which record: `submission 12`, `collection s11-2025-26`. Never personal data.
    public var target: String
    /// More about it, without personal data.
    public var detail: String

    /// Creates a record; `id` is nil until it is stored.
    public init(
        id: Int64?, at: String, actor: String, action: AuditAction, target: String, detail: String
    ) {
        self.id = id
        self.at = at
        self.actor = actor
        self.action = action
        self.target = target
        self.detail = detail
    }
}
