/// The kinds of answer a field takes. Identifier types check their real formats (see `IdentifierFormat`).
public enum FieldType: String, Sendable, CaseIterable {
    case text
    case longText = "long-text"
    case integer
    case decimal
    case yesNo = "yes-no"
    case date
    case choice
    case multiChoice = "multi-choice"
    case email
    case phone
    case postcode
    case urn
    case dfeNumber = "dfe-number"
    case dbsCertificate = "dbs-certificate"
    case driverNumber = "driver-number"
    case niNumber = "ni-number"
    case `repeat`

    /// The identifier format the type checks, if it is an identifier type.
    public var identifierFormat: IdentifierFormat? {
        switch self {
        case .urn: return .urn
        case .dfeNumber: return .dfeNumber
        case .dbsCertificate: return .dbsCertificate
        case .driverNumber: return .driverNumber
        case .niNumber: return .niNumber
        case .postcode: return .postcode
        case .email: return .email
        case .phone: return .phone
        case .text, .longText, .integer, .decimal, .yesNo, .date, .choice, .multiChoice, .repeat: return nil
        }
    }

    /// True for the types whose answer is free text: they take `min-length`, `max-length` and `pattern`.
    public var isFreeText: Bool { self == .text || self == .longText }

    /// True for the types that draw from a choice list.
    public var usesList: Bool { self == .choice || self == .multiChoice }

    /// True for the types that take `min` and `max`.
    public var isOrdered: Bool { self == .integer || self == .decimal || self == .date }
}
