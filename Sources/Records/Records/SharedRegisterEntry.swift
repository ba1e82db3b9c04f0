/// One entry of the Joint Operating Framework's shared register: a refusal, refusal to renew, suspension or
/// revocation on safeguarding or road-safety grounds, by any district of the county, with the data the national
/// register (NR3S) records. Kept 11 years from the decision; every application is searched against it.
public struct SharedRegisterEntry: Codable, Sendable, Equatable {
    /// The row id.
    public var id: Int64?
    /// The driver's licence number.
    public var driverNumber: String
    /// The driver's National Insurance number, when the application gave one.
    public var niNumber: String?
    /// The driver's name, as the application gave it.
    public var name: String?
    /// The driver's date of birth, `YYYY-MM-DD`.
    public var dateOfBirth: String?
    /// The driver's current address (the first the application gave) with its postcode.
    public var address: String?
    /// The authority that decided: its district's value, such as `corby`.
    public var authority: String
    /// What was decided: refuse, refuse to renew, suspend or revoke.
    public var outcome: LicensingOutcome
    /// The grounds' category: safeguarding or road safety.
    public var grounds: DecisionGrounds
    /// The day of the decision, `YYYY-MM-DD`.
    public var decidedOn: String
    /// The day a suspension or revocation takes effect, `YYYY-MM-DD`.
    public var effectiveOn: String?
    /// The application decided on.
    public var submissionID: Int64
    /// The decision's reasons, as the deciding officer wrote them: shown to another district only where the
    /// districts have agreed to share them.
    public var reasons: String?

    /// How long an entry is kept and searched, in years from its decision: NR3S's 11.
    public static let keptYears = 11

    /// Creates an entry; `id` is nil until it is stored.
    public init(
        id: Int64?, driverNumber: String, niNumber: String?, name: String?, dateOfBirth: String?, address: String?,
        authority: String, outcome: LicensingOutcome, grounds: DecisionGrounds, decidedOn: String, effectiveOn: String?,
        submissionID: Int64, reasons: String?
    ) {
        self.id = id
        self.driverNumber = driverNumber
        self.niNumber = niNumber
        self.name = name
        self.dateOfBirth = dateOfBirth
        self.address = address
        self.authority = authority
        self.outcome = outcome
        self.grounds = grounds
        self.decidedOn = decidedOn
        self.effectiveOn = effectiveOn
        self.submissionID = submissionID
        self.reasons = reasons
    }

    /// True when the entry is about the same person: the same driver number, or National Insurance number, or name
    /// (in any case and spacing) and date of birth.
    public func matches(driverNumber: String?, niNumber: String?, name: String?, dateOfBirth: String?) -> Bool {
        func plain(_ text: String?) -> String? {
            text.map { $0.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ") }
        }
        if let driverNumber, driverNumber == self.driverNumber { return true }
        if let niNumber, let own = self.niNumber, niNumber == own { return true }
        if let name = plain(name), let born = dateOfBirth, name == plain(self.name), born == self.dateOfBirth {
            return true
        }
        return false
    }
}
