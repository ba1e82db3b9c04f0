import GRDB

/// A school in the register, from a GIAS extract: expected to make a return while it is open.
public struct SchoolRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    /// The table.
    public static let databaseTableName = "school"
    /// The row id.
    public var id: Int64?
    /// The Unique Reference Number: 6 digits.
    public var urn: String
    /// EstablishmentName.
    public var name: String
    /// The DfE number (LAESTAB), `928/2001`, when the extract gives LA (code) and EstablishmentNumber.
    public var dfeNumber: String?
    /// The phase as the school form's `phases` list names it, such as `primary`.
    public var phase: String
    /// PhaseOfEducation (name), as GIAS writes it.
    public var phaseName: String
    /// TypeOfEstablishment (name), as GIAS writes it.
    public var typeName: String
    /// ReligiousCharacter (name).
    public var religiousCharacter: String?
    /// The district.
    public var districtID: Int64
    /// Postcode.
    public var postcode: String?
    /// `open` or `closed`.
    public var status: String
    /// When the register last changed this school.
    public var updatedAt: String
    /// When the school was found closed.
    public var closedAt: String?

    /// Records the row id after an insert.
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
