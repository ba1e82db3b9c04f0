import FormEngine
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import Records
import UseCases

/// The web portal and the JSON API: the same forms and the same engine as the command line, for people who
/// will not write YAML, and for programs.
public struct Portal: Sendable {
    /// What the portal serves from.
    public let configuration: PortalConfiguration

    /// A portal over a configuration.
    public init(configuration: PortalConfiguration) {
        self.configuration = configuration
    }

    /// The use cases every route calls.
    var safeguarding: Safeguarding { configuration.safeguarding }

    /// Every route, behind the middleware that logs, secures and signs in each request.
    public func router() -> Router<PortalContext> {
        routes().router
    }

    /// Every route the portal serves, with whom each serves.
    public func declaredRoutes() -> [DeclaredRoute] {
        routes().declared
    }

    /// The router with every route, each registered with whom it serves.
    private func routes() -> PortalRoutes {
        let router = Router(context: PortalContext.self)
        router.addMiddleware {
            RequestLogMiddleware<PortalContext>(metrics: configuration.metrics)
            SecurityHeadersMiddleware<PortalContext>()
            AuthenticationMiddleware(safeguarding: safeguarding, behindProxy: configuration.behindProxy)
        }
        let routes = PortalRoutes(router)
        routes.open(.get, "/assets/portal.css") { _, _ in
            var response = Self.text(Stylesheet.css, type: "text/css; charset=utf-8")
            response.headers[.cacheControl] = "public, max-age=3600"
            return response
        }
        addHealthRoutes(to: routes)
        addSignInRoutes(to: routes)
        addFormsRoutes(to: routes)
        addSubmissionsRoutes(to: routes)
        addReportsRoutes(to: routes)
        addAdminRoutes(to: routes)
        addTransferRoutes(to: routes)
        addLockoutRoutes(to: routes)
        addAuditRoutes(to: routes)
        addAPIRoutes(to: routes)
        // Added last, so it wraps only the answer to an address no route has: 405 where the path has routes.
        router.add(middleware: MethodNotAllowedMiddleware(routes: routes.declared))
        return routes
    }

    /// The portal as an application listening on `host:port` (port 0: any free port); `onRunning` is told the
    /// port once it listens. Run it with `runService()`, which stops it gracefully on SIGTERM and SIGINT.
    public func application(
        host: String, port: Int, logger: Logger, onRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        return Application(
            router: router(),
            server: .http1(
                configuration: .init(
                    additionalChannelHandlers: [
                        BodyDeadline(limit: .seconds(Int64(configuration.bodySeconds)))
                    ],
                    idleTimeout: .seconds(Int64(configuration.idleSeconds)))),
            configuration: .init(address: .hostname(host, port: port), serverName: "Safeguard"),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? port) }, logger: logger)
    }

    // MARK: - Helpers for the routes

    /// A page, in the portal's layout, for whoever is signed in.
    func page(
        _ title: String, _ body: String, context: PortalContext, flash: String? = nil, status: HTTPResponse.Status = .ok
    ) -> Response {
        var response = Self.text(
            Layout.page(
                title: title, account: context.account, csrf: context.session?.csrfToken, flash: flash, body: body),
            type: "text/html; charset=utf-8")
        response.status = status
        return response
    }

    /// A response of text of a type.
    static func text(_ text: String, type: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: type], body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// A redirect after a post, to a page to get.
    static func redirect(_ location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location])
    }

    /// The address of the client a request came from: the last one a proxy added to `X-Forwarded-For` when the
    /// portal is behind one, else the connection's.
    func client(_ request: Request, _ context: PortalContext) -> String {
        Self.client(request, context, behindProxy: configuration.behindProxy)
    }

    /// The address of the client a request came from.
    static func client(_ request: Request, _ context: PortalContext, behindProxy: Bool) -> String {
        guard behindProxy, let forwarded = request.headers[.xForwardedFor],
            let last = forwarded.split(separator: ",").last?.trimmingCharacters(in: .whitespaces), !last.isEmpty
        else { return context.peerAddress }
        return last
    }

    /// A posted form, refused unless it carries the session's CSRF token, and (but for `answers`, a page of a
    /// form's questions) when a field holds a NUL character.
    func form(_ request: inout Request, _ context: PortalContext, answers: Bool = false) async throws -> FormBody {
        let body = try await FormBody.read(&request, limit: 2 << 20)
        guard let session = context.session, body.carries(csrf: session.csrfToken) else {
            throw PortalError.forbidden(
                "This form was not sent from this portal's own page. Go back, reload the page and try again.")
        }
        return answers ? body : try body.refusingNUL()
    }
}

extension PortalError: HTTPResponseError {
    /// The refusal as the requester needs it: JSON for the API, a redirect to sign in, or a page.
    func response(from request: Request, context: some RequestContext) throws -> Response {
        if request.uri.path.hasPrefix("/api/") {
            var response = Portal.json(
                JSONValue.object([
                    ("error", .object([("status", .number(Double(status.code))), ("message", .string(message))]))
                ]), status: status)
            if status == .unauthorized { response.headers[.wwwAuthenticate] = "Bearer" }
            response.headers.append(contentsOf: headers)
            return response
        }
        if status == .unauthorized { return Portal.redirect("/sign-in") }
        let body =
            "<h1 class=\"govuk-heading-l\">\(Components.escape(Self.title(status)))</h1><p>\(Components.escape(message))</p>"
            + "<p><a class=\"govuk-link\" href=\"/\">Go to the start</a></p>"
        var response = Portal.text(
            Layout.page(title: Self.title(status), account: nil, csrf: nil, body: body),
            type: "text/html; charset=utf-8", status: status)
        response.headers.append(contentsOf: headers)
        return response
    }

    private static func title(_ status: HTTPResponse.Status) -> String {
        switch status {
        case .notFound: return "Page not found"
        case .forbidden: return "You cannot do that here"
        case .contentTooLarge: return "That is too large"
        default: return "There is a problem"
        }
    }
}
