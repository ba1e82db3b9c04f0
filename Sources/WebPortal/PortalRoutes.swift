import HTTPTypes
import Hummingbird
import Records
import UseCases

/// Who a route serves, declared where the route is registered.
public enum Access: Sendable, Equatable {
    /// Anyone, signed in or not: the sign-in page, the stylesheet, the API's own description.
    case anyone
    /// People signed in through the sign-in page (a session cookie) with one of these roles.
    case people(Set<Role>)
    /// Programs sending a bearer token of one of these roles: the API, which takes no session cookie (so no page
    /// on another site can post with one).
    case programs(Set<Role>)
}

/// One route as it was registered: its method, its path and whom it serves.
public struct DeclaredRoute: Sendable, Equatable {
    /// The method.
    public let method: HTTPRequest.Method
    /// The path, as registered (`/submissions/{id}`).
    public let path: String
    /// Whom it serves.
    public let access: Access
}

/// The only way a route is added to the portal: each with whom it serves, checked before its handler runs, so a
/// route without a rule cannot be written, and a handler that needs a signed-in sender is given one.
final class PortalRoutes {
    /// The router the routes go into.
    let router: Router<PortalContext>
    /// Every route registered, in order.
    private(set) var declared: [DeclaredRoute] = []

    init(_ router: Router<PortalContext>) {
        self.router = router
    }

    /// A route anyone may use.
    func open(
        _ method: HTTPRequest.Method, _ path: String,
        _ handler: @escaping @Sendable (Request, PortalContext) async throws -> Response
    ) {
        declared.append(DeclaredRoute(method: method, path: path, access: .anyone))
        router.on(RouterPath(path), method: method) { request, context in try await handler(request, context) }
    }

    /// A route for people signed in with one of `roles`: anyone else is sent to sign in, or refused (403).
    func people(
        _ method: HTTPRequest.Method, _ path: String, _ roles: Set<Role>,
        _ handler: @escaping @Sendable (Request, PortalContext, Sender) async throws -> Response
    ) {
        declared.append(DeclaredRoute(method: method, path: path, access: .people(roles)))
        router.on(RouterPath(path), method: method) { request, context in
            guard let account = context.account, context.session != nil else {
                throw PortalError.unauthorized("Sign in to use this page.")
            }
            guard roles.contains(account.role) else { throw Refusal.notAllowed(account.role) }
            return try await handler(request, context, .account(account))
        }
    }

    /// An API route for programs with a bearer token of one of `roles` (401 without one, 403 for another role).
    func programs(
        _ method: HTTPRequest.Method, _ path: String, _ roles: Set<Role>,
        _ handler: @escaping @Sendable (Request, PortalContext, Sender) async throws -> Response
    ) {
        declared.append(DeclaredRoute(method: method, path: path, access: .programs(roles)))
        router.on(RouterPath(path), method: method) { request, context in
            guard context.session == nil else {
                throw PortalError.unauthorized(
                    "The API takes a bearer token: send 'Authorization: Bearer <your token>'.")
            }
            guard let account = context.account else {
                throw PortalError.unauthorized("Send your token: 'Authorization: Bearer <your token>'.")
            }
            guard roles.contains(account.role) else { throw Refusal.notAllowed(account.role) }
            return try await handler(request, context, .account(account))
        }
    }
}
