import HTTPTypes
import Hummingbird

/// Answers a request whose path has routes, but none for its method, with 405 and the methods it takes (`Allow`),
/// rather than 404: HEAD, TRACE or PUT on `/api/v1/submissions` is a method not allowed, not an address not found.
/// Added after every route, so it wraps only the router's answer to a request no route took.
struct MethodNotAllowedMiddleware<Context: RequestContext>: RouterMiddleware {
    /// The routes' paths split into segments (`{id}` matching any one segment), each with the methods it takes.
    private let paths: [(segments: [Substring], methods: [HTTPRequest.Method])]

    /// A middleware that knows every declared route.
    init(routes: [DeclaredRoute]) {
        var paths: [(segments: [Substring], methods: [HTTPRequest.Method])] = []
        for route in routes {
            let segments = route.path.split(separator: "/")
            if let index = paths.firstIndex(where: { $0.segments == segments }) {
                paths[index].methods.append(route.method)
            } else {
                paths.append((segments, [route.method]))
            }
        }
        self.paths = paths
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        let segments = request.uri.path.split(separator: "/")
        let allowed = paths.filter { Self.matches($0.segments, segments) }.flatMap(\.methods)
        guard !allowed.isEmpty, !allowed.contains(request.method) else { return try await next(request, context) }
        throw PortalError.methodNotAllowed(request.method, allowed: allowed)
    }

    /// True when a request's path segments fit a route's (a `{name}` segment fits any one).
    private static func matches(_ route: [Substring], _ path: [Substring]) -> Bool {
        route.count == path.count
            && zip(route, path).allSatisfy { pattern, segment in pattern.first == "{" || pattern == segment }
    }
}
