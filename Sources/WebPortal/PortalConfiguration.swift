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
    /// True behind a proxy that adds the client's address to `X-Forwarded-For`: the last address there is the client
    /// the proxy saw, and failed sign-ins are counted by it (not by the proxy's own address).
    public var behindProxy: Bool
    /// How long, in seconds, a request's head may take to arrive in full from the connection opening or the previous
    /// response, and the longest pause between parts of its body.
    public var idleSeconds: Int
    /// How long a request's body may take to arrive in full, from its head.
    public var bodySeconds: Int
    /// What the portal counts, served at `/metrics`.
    public let metrics = PortalMetrics()

    /// Creates a configuration; sessions last 8 hours by default.
    public init(
        safeguarding: Safeguarding, sessionSeconds: Int = 8 * 3600, secureCookies: Bool = false,
        behindProxy: Bool = false, idleSeconds: Int = 15, bodySeconds: Int = 60
    ) {
        self.safeguarding = safeguarding
        self.sessionSeconds = sessionSeconds
        self.secureCookies = secureCookies
        self.behindProxy = behindProxy
        self.idleSeconds = idleSeconds
        self.bodySeconds = bodySeconds
    }

    /// The form schools return.
    var schoolForm: FormDefinition? { safeguarding.form(about: .school) }
    /// The form drivers apply with.
    var driverForm: FormDefinition? { safeguarding.form(about: .driver) }
}
