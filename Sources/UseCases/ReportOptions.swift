import FormEngine

/// What a report is asked for: which round, on which date, for which district, and in what form it is read.
public struct ReportOptions: Sendable {
    /// The round of returns (the schools report), by name; nil for the newest.
    public var collection: String?
    /// The date the measures are taken on; nil for today.
    public var asOf: Day?
    /// One district (the licensing report), by its value; nil for the county. A licensing officer always sees
    /// their own.
    public var district: String?
    /// How it is read (`table`, `csv`, `portal html`, ...), for the audit log.
    public var format: String

    /// Options; by default the newest round, today, the whole county.
    public init(collection: String? = nil, asOf: Day? = nil, district: String? = nil, format: String) {
        self.collection = collection
        self.asOf = asOf
        self.district = district
        self.format = format
    }
}
