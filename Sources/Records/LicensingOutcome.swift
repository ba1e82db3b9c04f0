import FormEngine

/// What a licensing officer may decide on an application, or on the licence it led to (Local Government
/// (Miscellaneous Provisions) Act 1976 ss51, 61, 77).
public enum LicensingOutcome: String, Sendable, Codable, CaseIterable {
    /// The licence is granted.
    case grant
    /// The licence is granted on conditions, or for a shorter term than the standard, which the note states.
    case grantWithConditions = "grant-with-conditions"
    /// The licence is refused, for the reasons the note states.
    case refuse
    /// The decision waits: for a charge to be resolved, for information.
    case deferred = "defer"
    /// The application goes to the licensing sub-committee, which decides it.
    case referToCommittee = "refer-to-committee"
    /// The licence in force is suspended (s61).
    case suspend
    /// The licence in force is revoked (s61).
    case revoke
    /// A renewal is refused: the licence is not renewed (s61).
    case refuseToRenew = "refuse-to-renew"

    /// The outcome as people read it: "Granted with conditions", "Referred to the sub-committee".
    public var label: String {
        switch self {
        case .grant: return "Granted"
        case .grantWithConditions: return "Granted with conditions"
        case .refuse: return "Refused"
        case .deferred: return "Deferred"
        case .referToCommittee: return "Referred to the sub-committee"
        case .suspend: return "Suspended"
        case .revoke: return "Revoked"
        case .refuseToRenew: return "Not renewed"
        }
    }

    /// The days a driver has to appeal a refusal, suspension, revocation or refusal to renew to the magistrates'
    /// court (s77), and after which a suspension or revocation without immediate effect takes effect (s61(2A)).
    public static let appealDays = 21

    /// True for the outcomes that grant a licence, and so need its dates.
    public var grantsLicence: Bool { self == .grant || self == .grantWithConditions }

    /// True when the decision must say why, or on what conditions: every outcome but a plain grant.
    public var needsNote: Bool { self != .grant }

    /// True for a decision that waits for the one that follows it (a deferral, a referral to the sub-committee).
    public var waits: Bool { self == .deferred || self == .referToCommittee }

    /// True for the outcomes that end or stop a licence, or keep one from being held: they need their grounds,
    /// may be appealed within 21 days, and, on safeguarding or road-safety grounds, are shared with other
    /// authorities.
    public var endsLicence: Bool { [.refuse, .suspend, .revoke, .refuseToRenew].contains(self) }

    /// True for the outcomes that act on a licence in force, and may take effect at once on public safety grounds.
    public var actsOnLicence: Bool { self == .suspend || self == .revoke }

    /// The last day of a licence that starts on `start` and runs for `years` whole years.
    public static func licenceEnd(from start: Day, years: Int) -> Day {
        Day(daysSinceEpoch: start.adding(months: 12 * years).daysSinceEpoch - 1)
    }

    /// The last day to appeal a decision made (and notified) on `day`: the period of 21 days beginning with it.
    public static func appealBy(decidedOn day: Day) -> Day {
        Day(daysSinceEpoch: day.daysSinceEpoch + appealDays - 1)
    }

    /// The day a suspension or revocation without immediate effect takes effect: when the 21 days have run.
    public static func takesEffect(decidedOn day: Day) -> Day {
        Day(daysSinceEpoch: day.daysSinceEpoch + appealDays)
    }

    /// How many years a licence runs when no end is given: three, as the Deregulation Act 2015 sets.
    public static let standardYears = 3
}
