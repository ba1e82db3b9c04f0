import Hummingbird
import Logging
import Records
import UseCases

/// Each request's context: who is signed in (by session cookie or bearer token) and their session.
public struct PortalContext: RequestContext {
    /// Hummingbird's own context.
    public var coreContext: CoreRequestContextStorage
    /// The account signed in, if any.
    public var account: AccountRecord?
    /// The browser session, when signed in with a cookie (not a bearer token).
    public var session: SessionRecord?
    /// The address the request came from, as the connection says (a proxy's, behind one).
    public let peerAddress: String

    /// Creates a context for a request.
    public init(source: Source) {
        coreContext = .init(source: source)
        peerAddress = source.channel.remoteAddress?.ipAddress ?? "unknown"
    }

    /// The body size the portal accepts: a submission's 1 MiB, and a little for form encoding.
    public var maxUploadSize: Int { 2 << 20 }

    /// The account's role.
    var role: Role? { account?.role }
}
