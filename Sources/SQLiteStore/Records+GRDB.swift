import GRDB
import Records

// Each record is a row of its table, read and written through its Codable conformance; the typed columns
// (roles, outcomes, decisions, kinds) are stored as their raw values, which migration v4 holds to their cases.

extension AccountRecord: FetchableRecord, MutablePersistableRecord {
    /// The table.
    public static let databaseTableName = "account"
    /// Records the row id after an insert.
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension AuditRecord: FetchableRecord, MutablePersistableRecord {
    /// The table.
    public static let databaseTableName = "audit"
    /// Records the row id after an insert.
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension CollectionRecord: FetchableRecord, MutablePersistableRecord {
    /// The table.
    public static let databaseTableName = "collection"
    /// Records the row id after an insert.
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension DBSCheckRecord: FetchableRecord, MutablePersistableRecord {
    /// The table.
    public static let databaseTableName = "dbsCheck"
    /// Records the row id after an insert.
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension SharedRegisterEntry: FetchableRecord, MutablePersistableRecord {
    /// The table.
    public static let databaseTableName = "sharedRegisterEntry"
    /// Records the row id after an insert.
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension DefinitionRecord: FetchableRecord, PersistableRecord {
    /// The table.
    public static let databaseTableName = "definition"
}

extension DistrictRecord: FetchableRecord, MutablePersistableRecord {
    /// The table.
    public static let databaseTableName = "district"
    /// Records the row id after an insert.
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension DraftRecord: FetchableRecord, MutablePersistableRecord {
    /// The table.
    public static let databaseTableName = "draft"
    /// Records the row id after an insert.
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension EvaluationRecord: FetchableRecord, MutablePersistableRecord {
    /// The table.
    public static let databaseTableName = "evaluation"
    /// Records the row id after an insert.
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension FindingRecord: FetchableRecord, MutablePersistableRecord {
    /// The table.
    public static let databaseTableName = "finding"
    /// Records the row id after an insert.
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension OfficerDecisionRecord: FetchableRecord, MutablePersistableRecord {
    /// The table.
    public static let databaseTableName = "officerDecision"
    /// Records the row id after an insert.
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension SchoolRecord: FetchableRecord, MutablePersistableRecord {
    /// The table.
    public static let databaseTableName = "school"

    /// Reads a row column by column: through the Codable decoder, reading the 24,000 schools of the national
    /// register took a tenth of the schools report.
    public init(row: Row) throws {
        guard let status = SchoolStatus(rawValue: row["status"]) else {
            throw Refusal.damaged("school \(row["urn"] as String? ?? "") has a status Safeguard does not know")
        }
        self.init(
            id: row["id"], urn: row["urn"], name: row["name"], dfeNumber: row["dfeNumber"], phase: row["phase"],
            phaseName: row["phaseName"], typeName: row["typeName"], religiousCharacter: row["religiousCharacter"],
            districtID: row["districtID"], postcode: row["postcode"], status: status, updatedAt: row["updatedAt"],
            closedAt: row["closedAt"], headName: row["headName"], telephone: row["telephone"], website: row["website"])
    }
    /// Records the row id after an insert.
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension SessionRecord: FetchableRecord, MutablePersistableRecord {
    /// The table.
    public static let databaseTableName = "session"
    /// Records the row id after an insert.
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension SubmissionRecord: FetchableRecord, MutablePersistableRecord {
    /// The table.
    public static let databaseTableName = "submission"
    /// Records the row id after an insert.
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension TransferRecord: FetchableRecord, MutablePersistableRecord {
    /// The table.
    public static let databaseTableName = "transfer"
    /// Records the row id after an insert.
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension SignInThrottleRecord: FetchableRecord, PersistableRecord {
    /// The table.
    public static let databaseTableName = "signInThrottle"
}
