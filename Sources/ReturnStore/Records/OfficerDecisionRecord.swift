import GRDB

/// A licensing officer's decision on an application: grant, grant with conditions, refuse or defer.
public struct OfficerDecisionRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    /// The table.
    public static let databaseTableName = "officerDecision"
    /// The row id.
    public var id: Int64?
    /// The application decided on.
    public var submissionID: Int64
    /// `grant`, `grant-with-conditions`, `refuse` or `defer`.
    public var outcome: String
    /// The first day of the licence granted, `YYYY-MM-DD`.
    public var licenceStart: String?
    /// The last day of the licence granted, `YYYY-MM-DD`.
    public var licenceEnd: String?
    /// The officer's note: the conditions, the reasons.
    public var note: String?
    /// Who decided.
    public var decidedBy: String
    /// When it was recorded.
    public var decidedAt: String

    /// Records the row id after an insert.
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
