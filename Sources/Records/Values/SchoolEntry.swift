/// A school as a register extract describes it, checked and mapped to the school form's choices: what the store
/// adds to the register, or brings up to date.
public struct SchoolEntry: Sendable, Equatable {
    /// The URN: 6 digits.
    public let urn: String
    /// The school's name.
    public let name: String
    /// The DfE number (LAESTAB), `928/2001`, when the extract gives it.
    public let dfeNumber: String?
    /// The phase as the school form's choice, such as `primary`.
    public let phase: String
    /// The phase as the extract writes it.
    public let phaseName: String
    /// The type of establishment as the extract writes it.
    public let typeName: String
    /// The religious character, when given.
    public let religiousCharacter: String?
    /// The district as the forms' choice, such as `corby`.
    public let districtSlug: String
    /// The district's GSS code, such as `E07000150`.
    public let districtCode: String?
    /// The district's name.
    public let districtName: String
    /// The postcode, when given.
    public let postcode: String?
    /// True when the extract says it is open.
    public let isOpen: Bool
    /// The head teacher's name as GIAS gives it (HeadTitle, HeadFirstName, HeadLastName), for the chase list.
    public let headName: String?
    /// TelephoneNum.
    public let telephone: String?
    /// SchoolWebsite.
    public let website: String?

    /// Creates an entry.
    public init(
        urn: String, name: String, dfeNumber: String?, phase: String, phaseName: String, typeName: String,
        religiousCharacter: String?, districtSlug: String, districtCode: String?, districtName: String,
        postcode: String?, isOpen: Bool, headName: String? = nil, telephone: String? = nil, website: String? = nil
    ) {
        self.urn = urn
        self.name = name
        self.dfeNumber = dfeNumber
        self.phase = phase
        self.phaseName = phaseName
        self.typeName = typeName
        self.religiousCharacter = religiousCharacter
        self.districtSlug = districtSlug
        self.districtCode = districtCode
        self.districtName = districtName
        self.postcode = postcode
        self.isOpen = isOpen
        self.headName = headName
        self.telephone = telephone
        self.website = website
    }
}
