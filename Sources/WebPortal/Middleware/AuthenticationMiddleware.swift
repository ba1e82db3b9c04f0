import Hummingbird
import UseCases

/// Finds who is signed in: a bearer token (the API) or a session cookie (people), and puts them in the context.
struct AuthenticationMiddleware: RouterMiddleware {
    typealias Context = PortalContext
    let safeguarding: Safeguarding
    /// True behind a proxy: the client is the last address of `X-Forwarded-For`.
    let behindProxy: Bool

    /// The session cookie's name.
    static let cookie = "sg_session"

    func handle(_ request: Request, context: PortalContext, next: (Request, PortalContext) async throws -> Response)
        async throws -> Response
    {
        var context = context
        if let header = request.headers[.authorization], header.hasPrefix("Bearer ") {
            let client = Portal.client(request, context, behindProxy: behindProxy)
            switch try await safeguarding.account(token: String(header.dropFirst("Bearer ".count)), from: client) {
            case .account(let account):
                context.account = account
            case .wrongToken:
                throw PortalError.unauthorized(
                    "The bearer token is not one this portal knows, or it has been disabled.")
            case .lockedOut(let seconds):
                throw PortalError.tooManyRequests(retryAfter: seconds)
            }
        } else if let value = request.cookies[Self.cookie]?.value,
            let found = try await safeguarding.session(cookie: value)
        {
            context.account = found.account
            context.session = found.session
        }
        return try await next(request, context)
    }
}
