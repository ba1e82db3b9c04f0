/// What a DBS Update Service status check found.
public enum DBSCheckResult: String, Sendable, Codable, CaseIterable {
    /// The certificate is still current.
    case noChange = "no-change"
    /// New information: the certificate is no longer current; the officer must act.
    case newInformation = "new-information"
    /// The driver is not (or no longer) subscribed.
    case notSubscribed = "not-subscribed"
}
