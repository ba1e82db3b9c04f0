import FormEngine

/// A licensing officer's decision to record, already checked for what can be checked without the store.
public struct NewDecision: Sendable, Equatable {
    /// The application decided on.
    public let submissionID: Int64
    /// The outcome.
    public let outcome: LicensingOutcome
    /// The first day of a licence granted.
    public let licenceStart: Day?
    /// The last day of a licence granted.
    public let licenceEnd: Day?
    /// The conditions or reasons.
    public let note: String?
    /// True when the officer means to replace an earlier decision on the same application.
    public let replacesEarlier: Bool
    /// The category of the grounds, for an outcome that ends or stops a licence.
    public let grounds: DecisionGrounds?
    /// The day a suspension or revocation takes effect.
    public let effectiveOn: Day?
    /// The shared register's entry the decision makes (safeguarding or road-safety grounds), stored with it.
    public let registerEntry: SharedRegisterEntry?

    /// Creates a decision.
    public init(
        submissionID: Int64, outcome: LicensingOutcome, licenceStart: Day?, licenceEnd: Day?, note: String?,
        replacesEarlier: Bool, grounds: DecisionGrounds? = nil, effectiveOn: Day? = nil,
        registerEntry: SharedRegisterEntry? = nil
    ) {
        self.submissionID = submissionID
        self.outcome = outcome
        self.licenceStart = licenceStart
        self.licenceEnd = licenceEnd
        self.note = note
        self.replacesEarlier = replacesEarlier
        self.grounds = grounds
        self.effectiveOn = effectiveOn
        self.registerEntry = registerEntry
    }
}
