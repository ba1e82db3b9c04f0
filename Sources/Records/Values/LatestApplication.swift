import FormEngine

/// The latest version of one driver's application, as the licensing report reads it: its facts, its latest
/// evaluation's decision, the officers' latest decision on it, what theirs on the driver say about the licence and
/// what the driver's Update Service checks found. Not the driver's number: the report shows none, and read for each
/// of a national store's 360,000 drivers it was as many strings made and freed (too long to be kept in place).
public struct LatestApplication: Sendable {
    /// The submission number.
    public let id: Int64
    /// The district recorded with it.
    public let district: String?
    /// Its latest evaluation's decision.
    public let decision: Decision
    /// What its answers say.
    public let facts: DriverFacts
    /// The outcome of the officers' latest decision on this version; nil before any.
    public let officerOutcome: LicensingOutcome?
    /// What the officers' decisions on the driver's applications to the form say about their licence.
    public let licence: DriverLicence
    /// What the driver's Update Service checks found; nil before any.
    public let checks: CheckHistory?

    /// Creates one.
    public init(
        id: Int64, district: String?, decision: Decision, facts: DriverFacts,
        officerOutcome: LicensingOutcome?, licence: DriverLicence, checks: CheckHistory?
    ) {
        self.id = id
        self.district = district
        self.decision = decision
        self.facts = facts
        self.officerOutcome = officerOutcome
        self.licence = licence
        self.checks = checks
    }
}
