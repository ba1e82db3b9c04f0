import FormEngine

/// The day a schools report's "in date" measures are taken on, and why that day: so that a report on a past round
/// reads the same whenever it is run.
public struct MeasureDay: Sendable, Equatable {
    /// Why the day was chosen.
    public enum Basis: Sendable, Equatable {
        /// The reader named the day.
        case asked
        /// The round's due date: the round is past, so it is measured as it stood when returns were due.
        case dueDate
        /// Today: the round is not yet due.
        case today
    }

    /// The day.
    public let day: Day
    /// Why that day.
    public let basis: Basis

    /// The day a round due on `due` is measured on: the day asked for, else its due date once that is past, else
    /// today.
    public init(asked: Day?, due: Day?, today: Day) {
        if let asked {
            (day, basis) = (asked, .asked)
        } else if let due, due < today {
            (day, basis) = (due, .dueDate)
        } else {
            (day, basis) = (today, .today)
        }
    }

    /// How a report's subtitle says it: `measures as of 2026-09-30, the round's due date`.
    public var wording: String {
        switch basis {
        case .asked: return "measures as of \(day.iso)"
        case .dueDate: return "measures as of \(day.iso), the collection's due date"
        case .today: return "measures as of \(day.iso), today"
        }
    }
}
