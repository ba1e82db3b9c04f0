import FormEngine
import Records

/// One round's figures for the trends: by district and for the whole, each "in date" measure taken on the round's
/// own due date (the round reported on, on the report's day), so the rounds compare.
public struct RoundFigures: Sendable {
    /// The round.
    public let collection: CollectionRecord
    /// The day its measures are taken on.
    public let asOf: Day
    /// One rollup a district.
    public let byDistrict: [SchoolsRollup]
    /// The county, or the district the report is limited to.
    public let total: SchoolsRollup
}
