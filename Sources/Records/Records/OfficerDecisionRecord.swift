/// A licensing officer's decision on an application: grant, grant with conditions, refuse or defer.
public struct OfficerDecisionRecord: Codable, Sendable, Equatable {
    /// The row id.
    public var id: Int64?
    /// The application decided on.
    public var submissionID: Int64
    /// `grant`, `grant-with-conditions`, `refuse` or `defer`.
    public var outcome: LicensingOutcome
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

    /// Creates a record; `id` is nil until it is stored.
    public init(
        id: Int64?, submissionID: Int64, outcome: LicensingOutcome, licenceStart: String?, licenceEnd: String?,
        note: String?, decidedBy: String, decidedAt: String
    ) {
        self.id = id
        self.submissionID = submissionID
        self.outcome = outcome
        self.licenceStart = licenceStart
        self.licenceEnd = licenceEnd
        self.note = note
        self.decidedBy = decidedBy
        self.decidedAt = decidedAt
    }
}
