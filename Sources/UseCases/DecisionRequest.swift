import FormEngine
import Records

/// A licensing officer's decision on an application, as they give it.
public struct DecisionRequest: Sendable, Equatable {
    /// The application's submission number.
    public var submissionID: Int64
    /// The outcome.
    public var outcome: LicensingOutcome
    /// The first day of a licence granted.
    public var start: Day?
    /// The last day of a licence granted; nil for `years` from the start.
    public var end: Day?
    /// How many years a licence granted runs when no end is given.
    public var years: Int
    /// The conditions of a grant with conditions, or the reasons for a refusal or a deferral.
    public var note: String?
    /// True when the officer means to replace a decision already recorded on the application.
    public var replacesEarlier: Bool
    /// The category of the grounds, needed for a refusal, suspension, revocation or refusal to renew.
    public var grounds: DecisionGrounds?
    /// True for a suspension or revocation with immediate effect, on public safety grounds (s61(2B)).
    public var immediate: Bool

    /// A request; a licence runs for the standard 3 years unless an end is given.
    public init(
        submissionID: Int64, outcome: LicensingOutcome, start: Day? = nil, end: Day? = nil,
        years: Int = LicensingOutcome.standardYears, note: String? = nil, replacesEarlier: Bool = false,
        grounds: DecisionGrounds? = nil, immediate: Bool = false
    ) {
        self.submissionID = submissionID
        self.outcome = outcome
        self.start = start
        self.end = end
        self.years = years
        self.note = note
        self.replacesEarlier = replacesEarlier
        self.grounds = grounds
        self.immediate = immediate
    }
}
