/// What an audit line records.
public enum AuditAction: String, Sendable, Codable, CaseIterable {
    /// A sample county was made and stored by `safeguard demo`.
    case demo
    /// A submission was stored.
    case submit
    /// A licensing officer recorded a decision.
    case decide
    /// An Update Service check was recorded.
    case dbsCheck = "dbs-check"
    /// Stored submissions were evaluated again.
    case revalidate
    /// Stored submissions were exported.
    case export
    /// Someone read a submission, a history or a report.
    case view
    /// The register was imported.
    case registerImport = "register-import"
    /// A round of returns was opened.
    case collectionOpen = "collection-open"
    /// An account was added.
    case accountAdd = "account-add"
    /// An account was disabled.
    case accountDisable = "account-disable"
    /// Someone signed in to the portal.
    case signIn = "sign-in"
    /// The store's schema was brought up to date and changed stored values (what, and why, in the detail).
    case migrate
    /// A driver's record was handed to another district.
    case transfer
    /// A sign-in with a token that is not an enabled account's.
    case signInFailure = "sign-in-failure"
    /// Sign-ins from a client were stopped for a while after too many failures.
    case lockout
    /// An administrator cleared a lockout.
    case lockoutClear = "lockout-clear"
    /// What had passed its retention period was erased.
    case retention
    /// Everything held about one driver or school was exported for them.
    case subjectExport = "subject-export"
    /// A message was handed to the mail system (a reminder, a receipt), or could not be.
    case mail
}
