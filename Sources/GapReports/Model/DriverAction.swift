import FormEngine
import Records

/// One thing a licensing officer must do about a licensed driver, how urgent it is, and by when.
public struct DriverAction: Sendable, Equatable, Comparable {
    /// How urgent an action is, the most urgent first.
    public enum Urgency: Int, Sendable, Comparable {
        /// The DBS Update Service reports new information: the licence is reviewed now.
        case newInformation
        /// Past its date, or never on record: a licensed driver without it today.
        case overdue
        /// Falls due within the next 30 days.
        case dueSoon

        /// Orders by urgency.
        public static func < (lhs: Urgency, rhs: Urgency) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// What to do: "DBS re-check overdue".
    public let what: String
    /// How urgent it is.
    public let urgency: Urgency
    /// The day it is due: the day a re-check or training fell or falls due, or the report's day for what is due now.
    public let due: Day

    /// Where the action stands in an officer's list, as numbers: its urgency, then its due day (days since 1970).
    public var rank: (urgency: Int, due: Int) { (urgency.rawValue, due.daysSinceEpoch) }

    /// Orders by urgency, then by due date: by rank.
    public static func < (lhs: DriverAction, rhs: DriverAction) -> Bool { lhs.rank < rhs.rank }

    /// The action as a report cell shows it: `DBS re-check overdue (due 2026-05-01)`, `... (now)`.
    public func wording(asOf: Day) -> String {
        what + (due == asOf && urgency != .dueSoon ? " (now)" : " (due \(due.iso))")
    }

    /// Every action a driver needs on `asOf`, the most urgent first; none for a driver refused, not renewed or
    /// revoked (a suspended driver's re-checks still fall due).
    public static func all(for driver: DriverFigures, asOf: Day) -> [DriverAction] {
        switch driver.officerOutcome {
        case .refuse?, .refuseToRenew?, .revoke?: return []
        default: break
        }
        let soon = Day(daysSinceEpoch: asOf.daysSinceEpoch + LicensingAnalysis.dueSoonDays)
        // Most drivers need nothing: an empty list is made without allocating, and one action needs no sorting.
        var actions: [DriverAction] = []
        if driver.licensed {
            if driver.dbsNewInformation {
                actions.append(
                    DriverAction(
                        what: "New information from the DBS Update Service: review the licence",
                        urgency: .newInformation, due: asOf))
            }
            if let due = driver.dbsDue, due < asOf {
                actions.append(DriverAction(what: "DBS re-check overdue", urgency: .overdue, due: due))
            } else if let due = driver.dbsDue, due <= soon {
                actions.append(DriverAction(what: "DBS re-check due", urgency: .dueSoon, due: due))
            } else if driver.dbsDue == nil {
                actions.append(DriverAction(what: "No DBS check on record", urgency: .overdue, due: asOf))
            }
            if let expires = driver.trainingExpires, expires < asOf {
                actions.append(DriverAction(what: "Safeguarding training expired", urgency: .overdue, due: expires))
            } else if let expires = driver.trainingExpires, expires <= soon {
                actions.append(DriverAction(what: "Safeguarding training expires", urgency: .dueSoon, due: expires))
            } else if driver.trainingExpires == nil {
                actions.append(DriverAction(what: "No safeguarding training on record", urgency: .overdue, due: asOf))
            }
        }
        if !driver.registerSearched {
            actions.append(DriverAction(what: "No national register search", urgency: .overdue, due: asOf))
        }
        return actions.count > 1 ? actions.sorted() : actions
    }
}
