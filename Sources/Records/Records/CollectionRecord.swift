import FormEngine

/// One round of returns: its name, its form, the period it covers and when it is due.
public struct CollectionRecord: Codable, Sendable, Equatable {
    /// The row id.
    public var id: Int64?
    /// The name people give it, such as `s11-2025-26`.
    public var name: String
    /// The form its returns answer.
    public var formID: String
    /// The first day of the period the returns cover, `YYYY-MM-DD`.
    public var periodStart: String
    /// The last day of the period, `YYYY-MM-DD`.
    public var periodEnd: String
    /// The day returns are due, `YYYY-MM-DD`.
    public var due: String
    /// Who opened it.
    public var openedBy: String
    /// When it was opened.
    public var openedAt: String

    /// Creates a record; `id` is nil until it is stored.
    public init(
        id: Int64?, name: String, formID: String, periodStart: String, periodEnd: String, due: String, openedBy: String,
        openedAt: String
    ) {
        self.id = id
        self.name = name
        self.formID = formID
        self.periodStart = periodStart
        self.periodEnd = periodEnd
        self.due = due
        self.openedBy = openedBy
        self.openedAt = openedAt
    }
}

extension CollectionRecord {
    /// The round as people name it, from its period: "2025 to 2026" for a school year, or the one year it covers.
    public var title: String {
        let start = periodStart.prefix(4)
        let end = periodEnd.prefix(4)
        return start == end ? String(start) : "\(start) to \(end)"
    }

    /// Each round's title by its name, for pages that hold only the name: `s11-2025-26` is "2025 to 2026".
    public static func titles(_ collections: [CollectionRecord]) -> [String: String] {
        Dictionary(collections.map { ($0.name, $0.title) }, uniquingKeysWith: { first, _ in first })
    }

    /// The rule parameters a collection replaces: its period, as `period_start` and `period_end`.
    public var ruleParameters: [String: Value] {
        var parameters: [String: Value] = [:]
        if let start = Day(iso: periodStart) { parameters["period_start"] = .date(start) }
        if let end = Day(iso: periodEnd) { parameters["period_end"] = .date(end) }
        return parameters
    }
}
