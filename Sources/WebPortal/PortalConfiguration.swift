import FormEngine
import ReturnStore

/// What the portal serves from: the store, the forms and rules, and its settings.
public struct PortalConfiguration: Sendable {
    /// The store.
    public var store: ReturnStore
    /// The forms and rule sets.
    public var catalog: FormCatalog
    /// Today's date, for evaluations: the command line passes the clock's; tests pass a fixed day.
    public var today: @Sendable () -> Day
    /// How long a signed-in session lasts, in seconds.
    public var sessionSeconds: Int
    /// True when the portal is served over HTTPS, so its cookies are marked Secure.
    public var secureCookies: Bool

    /// Creates a configuration; sessions last 8 hours by default.
    public init(
        store: ReturnStore, catalog: FormCatalog, today: @escaping @Sendable () -> Day, sessionSeconds: Int = 8 * 3600,
        secureCookies: Bool = false
    ) {
        self.store = store
        self.catalog = catalog
        self.today = today
        self.sessionSeconds = sessionSeconds
        self.secureCookies = secureCookies
    }

    /// The form schools return.
    var schoolForm: FormDefinition? { catalog.forms.values.first { $0.subject == .school } }
    /// The form drivers apply with.
    var driverForm: FormDefinition? { catalog.forms.values.first { $0.subject == .driver } }
}
