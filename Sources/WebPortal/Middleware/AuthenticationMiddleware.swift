import FormEngine
import Hummingbird
import ReturnStore

/// Finds who is signed in: a bearer token (the API) or a session cookie (people), and puts them in the context.
struct AuthenticationMiddleware: RouterMiddleware {
    typealias Context = PortalContext
    let store: ReturnStore

    /// The session cookie's name.
    static let cookie = "sg_session"

    func handle(_ request: Request, context: PortalContext, next: (Request, PortalContext) async throws -> Response)
        async throws -> Response
    {
        var context = context
        if let header = request.headers[.authorization], header.hasPrefix("Bearer ") {
            let token = String(header.dropFirst("Bearer ".count))
            context.account = try await Blocking.run { try store.account(forToken: token) }
            if context.account == nil {
                throw PortalError.unauthorized(
                    "The bearer token is not one this portal knows, or it has been disabled.")
            }
        } else if let value = request.cookies[Self.cookie]?.value {
            if let found = try await Blocking.run({ try store.session(forToken: value) }) {
                context.account = found.account
                context.session = found.session
            }
        }
        return try await next(request, context)
    }
}
