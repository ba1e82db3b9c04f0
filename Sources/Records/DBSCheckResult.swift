/// What a DBS Update Service status check found.
public enum DBSCheckResult: String, Sendable, Codable, CaseIterable {
    /// The certificate is still current.
    case noChange = "no-change"
    /// New information: the certificate is no longer current; the officer must act.
    case newInformation = "new-information"
    /// The driver is not (or no longer) subscribed.
    case notSubscribed = "not-subscribed"

    /// What it found, as people read it: "No change: the certificate is still current".
    public var label: String {
        switch self {
        case .noChange: return "No change: the certificate is still current"
        case .newInformation: return "New information: the certificate is no longer current"
        case .notSubscribed: return "The driver is not, or no longer, subscribed"
        }
    }
}
