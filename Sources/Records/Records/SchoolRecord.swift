/// A school in the register, from a GIAS extract: expected to make a return while it is open.
public struct SchoolRecord: Codable, Sendable, Equatable {
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
    public var status: SchoolStatus
    /// When the register last changed this school.
    public var updatedAt: String
    /// When the school was found closed.
    public var closedAt: String?
    /// The head teacher's name, from the register.
    public var headName: String?
    /// The school's telephone number, from the register.
    public var telephone: String?
    /// The school's website, from the register.
    public var website: String?

    /// Creates a record; `id` is nil until it is stored.
    public init(
        id: Int64?, urn: String, name: String, dfeNumber: String?, phase: String, phaseName: String, typeName: String,
        religiousCharacter: String?, districtID: Int64, postcode: String?, status: SchoolStatus, updatedAt: String,
        closedAt: String?, headName: String? = nil, telephone: String? = nil, website: String? = nil
    ) {
        self.id = id
        self.urn = urn
        self.name = name
        self.dfeNumber = dfeNumber
        self.phase = phase
        self.phaseName = phaseName
        self.typeName = typeName
        self.religiousCharacter = religiousCharacter
        self.districtID = districtID
        self.postcode = postcode
        self.status = status
        self.updatedAt = updatedAt
        self.closedAt = closedAt
        self.headName = headName
        self.telephone = telephone
        self.website = website
    }
}
