/// Everything held about one school (URN) or driver (licence number), for a subject access request: every
/// version as received and bound, every evaluation and finding, every decision, Update Service check, transfer and
/// shared register entry, and every audit line about one of its versions.
public struct SubjectRecords: Sendable, Codable {
    /// The URN or driver number.
    public var subjectKey: String
    /// Every version, oldest first.
    public var submissions: [SubmissionRecord]
    /// Every evaluation of those versions.
    public var evaluations: [EvaluationRecord]
    /// Every finding of those evaluations.
    public var findings: [FindingRecord]
    /// Every officer decision on those versions.
    public var decisions: [OfficerDecisionRecord]
    /// Every Update Service check on the driver.
    public var dbsChecks: [DBSCheckRecord]
    /// Every transfer of the driver between districts.
    public var transfers: [TransferRecord]
    /// Every entry of the JOF's shared register about the driver's licence number.
    public var registerEntries: [SharedRegisterEntry]
    /// Every audit line about one of the versions.
    public var audit: [AuditRecord]

    /// The records of a subject.
    public init(
        subjectKey: String, submissions: [SubmissionRecord], evaluations: [EvaluationRecord],
        findings: [FindingRecord], decisions: [OfficerDecisionRecord], dbsChecks: [DBSCheckRecord],
        transfers: [TransferRecord], registerEntries: [SharedRegisterEntry], audit: [AuditRecord]
    ) {
        self.subjectKey = subjectKey
        self.submissions = submissions
        self.evaluations = evaluations
        self.findings = findings
        self.decisions = decisions
        self.dbsChecks = dbsChecks
        self.transfers = transfers
        self.registerEntries = registerEntries
        self.audit = audit
    }
}
