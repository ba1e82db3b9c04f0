import GRDB

/// One finding of an evaluation; `detail` holds the whole finding as the JSON output prints it.
public struct FindingRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    /// The table.
    public static let databaseTableName = "finding"
    /// The row id.
    public var id: Int64?
    /// The evaluation it belongs to.
    public var evaluationID: Int64
    /// The rule's id.
    public var rule: String
    /// `error`, `refer`, `warning` or `info`.
    public var severity: String
    /// The JSON Pointer of the answer.
    public var path: String
    /// The line in the submission, when known.
    public var line: Int?
    /// The column in the submission, when known.
    public var column: Int?
    /// The message.
    public var message: String
    /// The finding as JSON, with its values, rule location and source.
    public var detail: String

    /// Records the row id after an insert.
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
