import FormEngine

/// What a licensing officer may decide on an application.
public enum LicensingOutcome: String, Sendable, Codable, CaseIterable {
    /// The licence is granted.
    case grant
    /// The licence is granted on conditions, which the decision's note states.
    case grantWithConditions = "grant-with-conditions"
    /// The licence is refused, for the reasons the note states.
    case refuse
    /// The decision waits: for the sub-committee, or a charge to be resolved.
    case deferred = "defer"

    /// True for the outcomes that grant a licence, and so need its dates.
    public var grantsLicence: Bool { self == .grant || self == .grantWithConditions }

    /// True when the decision must say why, or on what conditions: every outcome but a plain grant.
    public var needsNote: Bool { self != .grant }

    /// The last day of a licence that starts on `start` and runs for `years` whole years.
    public static func licenceEnd(from start: Day, years: Int) -> Day {
        Day(daysSinceEpoch: start.adding(months: 12 * years).daysSinceEpoch - 1)
    }

    /// How many years a licence runs when no end is given: three, as the Deregulation Act 2015 sets.
    public static let standardYears = 3
}
