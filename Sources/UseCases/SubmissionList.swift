import Records

/// The submissions an account may list.
public enum SubmissionList: Sendable {
    /// A school's own returns, every version, newest first.
    case schoolReturns([SubmissionSummary])
    /// A district's drivers' applications (the latest version of each), newest first, and the district's label.
    case applications([SubmissionSummary], district: String)
    /// Every school's latest return, newest first.
    case allReturns([SubmissionSummary])
}
