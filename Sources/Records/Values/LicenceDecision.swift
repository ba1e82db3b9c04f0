import FormEngine

/// An officer's decision on a driver's application as their licence weighs it: what was decided, and the days it
/// names (read as days once, by the store, not as text).
public struct LicenceDecision: Sendable, Equatable {
    /// What was decided.
    public let outcome: LicensingOutcome
    /// The first day of the licence granted; nil when none is named or it is not a day.
    public let licenceStart: Day?
    /// The last day of the licence granted; nil when none is named or it is not a day.
    public let licenceEnd: Day?
    /// The day the decision takes effect: its effective day when it names one, else the day it was recorded; nil when
    /// that is not a day.
    public let takesEffect: Day?

    /// Creates one.
    public init(outcome: LicensingOutcome, licenceStart: Day?, licenceEnd: Day?, takesEffect: Day?) {
        self.outcome = outcome
        self.licenceStart = licenceStart
        self.licenceEnd = licenceEnd
        self.takesEffect = takesEffect
    }
}
