import FormEngine

/// The latest version of one subject's submission with only some of its answers, read out by the store.
public struct LatestAnswers: Sendable {
    /// The submission number.
    public let id: Int64
    /// The URN or driver number.
    public let subjectKey: String
    /// The district recorded with it.
    public let district: String?
    /// Its latest evaluation's decision.
    public let decision: Decision?
    /// The answers asked for, in the order asked; nil where unanswered; yes and no as "true" and "false".
    public let answers: [String?]

    /// Creates one.
    public init(id: Int64, subjectKey: String, district: String?, decision: Decision?, answers: [String?]) {
        self.id = id
        self.subjectKey = subjectKey
        self.district = district
        self.decision = decision
        self.answers = answers
    }
}
