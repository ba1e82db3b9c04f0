import FormEngine
import UseCases

/// What the portal serves from: the use cases, and its settings.
public struct PortalConfiguration: Sendable {
    /// The use cases, over the store and the forms; their day is the portal's today.
    public var safeguarding: Safeguarding
    /// How long a signed-in session lasts, in seconds.
    public var sessionSeconds: Int
    /// True when the portal is served over HTTPS, so its cookies are marked Secure.
    public var secureCookies: Bool

    /// Creates a configuration; sessions last 8 hours by default.
    public init(safeguarding: Safeguarding, sessionSeconds: Int = 8 * 3600, secureCookies: Bool = false) {
        self.safeguarding = safeguarding
        self.sessionSeconds = sessionSeconds
        self.secureCookies = secureCookies
    }

    /// The form schools return.
    var schoolForm: FormDefinition? { safeguarding.form(about: .school) }
    /// The form drivers apply with.
    var driverForm: FormDefinition? { safeguarding.form(about: .driver) }
}
