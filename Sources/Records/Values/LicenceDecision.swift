import FormEngine

/// An officer's decision on a driver's application as the licensing report weighs it: the driver it is about, what
/// was decided, and the days it names (read as days once, by the store, not as text by every driver's figures).
public struct LicenceDecision: Sendable, Equatable {
    /// The decision's number: a decision recorded later has a larger one.
    public let id: Int64
    /// The application decided on.
    public let submissionID: Int64
    /// The driver number of the application decided on.
    public let driver: String
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
    public init(
        id: Int64, submissionID: Int64, driver: String, outcome: LicensingOutcome, licenceStart: Day?,
        licenceEnd: Day?, takesEffect: Day?
    ) {
        self.id = id
        self.submissionID = submissionID
        self.driver = driver
        self.outcome = outcome
        self.licenceStart = licenceStart
        self.licenceEnd = licenceEnd
        self.takesEffect = takesEffect
    }
}
