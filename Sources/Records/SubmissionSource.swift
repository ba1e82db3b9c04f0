/// Where a submission came from.
public enum SubmissionSource: String, Sendable, Codable, CaseIterable {
    /// A file given to `safeguard submit`.
    case file
    /// A file that came by email and was entered with `safeguard submit --source email`.
    case email
    /// The web portal's pages.
    case portal
    /// The JSON API.
    case api
    /// A batch: a sample county, or files loaded in bulk.
    case batch
}
