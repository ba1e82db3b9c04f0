/// One measure across the rounds, drawn as a small bar chart for each district side by side (small multiples),
/// from the trends table, which every format shows.
public struct TrendChart: Sendable {
    /// What the charts show.
    public var caption: String
    /// The measure, as the trends table's `Measure` column names it: `Returned %`.
    public var measure: String
    /// The rounds, the oldest first.
    public var rounds: [String]
    /// Each district's (and the whole's) value in each round.
    public var districts: [(label: String, values: [ReportCell])]
    /// The trends table the charts are drawn from.
    public var table: ReportTable

    /// The charts of `measure` from a trends table (columns: the group, `Measure`, then one a round).
    public init(caption: String, table: ReportTable, measure: String) {
        self.caption = caption
        self.measure = measure
        self.table = table
        rounds = Array(table.columns.dropFirst(2))
        districts = table.rows.filter { $0.count > 1 && $0[1] == .text(measure) }.map { row in
            (row[0].text, Array(row.dropFirst(2)))
        }
    }
}
