import FormEngine

/// A licensing officer's decision on an application, or on the licence it led to: grant (with conditions or a
/// shorter term), refuse, defer, refer to the sub-committee, suspend, revoke, refuse to renew.
public struct OfficerDecisionRecord: Codable, Sendable, Equatable {
    /// The row id.
    public var id: Int64?
    /// The application decided on.
    public var submissionID: Int64
    /// The outcome.
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
    /// The category of its grounds, for an outcome that ends or stops a licence.
    public var grounds: DecisionGrounds?
    /// The day a suspension or revocation takes effect, `YYYY-MM-DD`: the day decided when it has immediate effect,
    /// else when the appeal period has run.
    public var effectiveOn: String?

    /// The last day the driver may appeal, for an outcome that ends or stops a licence.
    public var appealBy: Day? {
        guard outcome.endsLicence, let day = Day(iso: String(decidedAt.prefix(10))) else { return nil }
        return LicensingOutcome.appealBy(decidedOn: day)
    }

    /// Creates a record; `id` is nil until it is stored.
    public init(
        id: Int64?, submissionID: Int64, outcome: LicensingOutcome, licenceStart: String?, licenceEnd: String?,
        note: String?, decidedBy: String, decidedAt: String, grounds: DecisionGrounds? = nil, effectiveOn: String? = nil
    ) {
        self.id = id
        self.submissionID = submissionID
        self.outcome = outcome
        self.licenceStart = licenceStart
        self.licenceEnd = licenceEnd
        self.note = note
        self.decidedBy = decidedBy
        self.decidedAt = decidedAt
        self.grounds = grounds
        self.effectiveOn = effectiveOn
    }
}
