import GRDB

/// A district council: the slug the forms use (`corby`), its GSS code and its name.
public struct DistrictRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    /// The table.
    public static let databaseTableName = "district"
    /// The row id.
    public var id: Int64?
    /// The value the forms' district lists use, such as `corby`.
    public var slug: String
    /// The GSS code, such as `E07000150`.
    public var code: String?
    /// The name, such as `Corby`.
    public var name: String

    /// Records the row id after an insert.
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
