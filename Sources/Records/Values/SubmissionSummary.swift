import FormEngine

/// One stored submission as a list shows it: who it is about, when it came, what the checks and the officer
/// decided. No answers.
public struct SubmissionSummary: Sendable, Equatable {
    /// The submission number.
    public let id: Int64
    /// The URN or driver number.
    public let subjectKey: String
    /// The school's name from the register, for a school's return.
    public let schoolName: String?
    /// The district recorded with it.
    public let district: String?
    /// The collection it was made to, by name.
    public let collection: String?
    /// When it was received.
    public let receivedAt: String
    /// Who submitted it.
    public let submitter: String
    /// The latest evaluation's decision.
    public let decision: Decision?
    /// The latest officer decision on it, if any.
    public let officerOutcome: LicensingOutcome?
    /// The version that replaced it, if any.
    public let supersededBy: Int64?

    /// Creates a summary.
    public init(
        id: Int64, subjectKey: String, schoolName: String?, district: String?, collection: String?,
        receivedAt: String, submitter: String, decision: Decision?, officerOutcome: LicensingOutcome?,
        supersededBy: Int64?
    ) {
        self.id = id
        self.subjectKey = subjectKey
        self.schoolName = schoolName
        self.district = district
        self.collection = collection
        self.receivedAt = receivedAt
        self.submitter = submitter
        self.decision = decision
        self.officerOutcome = officerOutcome
        self.supersededBy = supersededBy
    }
}
