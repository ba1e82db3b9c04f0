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

    /// The columns read, in the order `init(row:)` reads them.
    public static var databaseSelection: [any SQLSelectable] {
        [
            "id", "urn", "name", "dfeNumber", "phase", "phaseName", "typeName", "religiousCharacter", "districtID",
            "postcode", "status", "updatedAt", "closedAt", "headName", "telephone", "website",
        ].map { Column($0) }
    }

    /// Reads a row column by column, by position (the order of `databaseSelection`), not by name (16 names looked up
    /// a row): through the Codable decoder, reading the 24,000 schools of the national register took a tenth of the
    /// schools report.
    public init(row: Row) throws {
        guard let status = SchoolStatus(rawValue: row[10]) else {
            throw Refusal.damaged("school \(row[1] as String? ?? "") has a status Safeguard does not know")
        }
        self.init(
            id: row[0], urn: row[1], name: row[2], dfeNumber: row[3], phase: row[4], phaseName: row[5],
            typeName: row[6], religiousCharacter: row[7], districtID: row[8], postcode: row[9], status: status,
            updatedAt: row[11], closedAt: row[12], headName: row[13], telephone: row[14], website: row[15])
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
