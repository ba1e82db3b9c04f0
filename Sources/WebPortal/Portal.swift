import FormEngine
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import ReturnStore

/// The web portal and the JSON API: the same forms and the same engine as the command line, for people who
/// will not write YAML, and for programs.
public struct Portal: Sendable {
    /// What the portal serves from.
    public let configuration: PortalConfiguration

    /// A portal over a configuration.
    public init(configuration: PortalConfiguration) {
        self.configuration = configuration
    }

    var store: ReturnStore { configuration.store }
    var catalog: FormCatalog { configuration.catalog }

    /// Every route, behind the middleware that logs, secures and signs in each request.
    public func router() -> Router<PortalContext> {
        let router = Router(context: PortalContext.self)
        router.addMiddleware {
            RequestLogMiddleware<PortalContext>()
            SecurityHeadersMiddleware<PortalContext>()
            AuthenticationMiddleware(store: store)
        }
        router.get("/assets/portal.css") { _, _ in
            var response = Self.text(Stylesheet.css, type: "text/css; charset=utf-8")
            response.headers[.cacheControl] = "public, max-age=3600"
            return response
        }
        addSignInRoutes(to: router)
        addFormsRoutes(to: router)
        addSubmissionsRoutes(to: router)
        addReportsRoutes(to: router)
        addAdminRoutes(to: router)
        addAPIRoutes(to: router)
        return router
    }

    /// The portal as an application listening on `host:port` (port 0: any free port); `onRunning` is told the
    /// port once it listens. Run it with `runService()`, which stops it gracefully on SIGTERM and SIGINT.
    public func application(
        host: String, port: Int, logger: Logger, onRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        Application(
            router: router(), configuration: .init(address: .hostname(host, port: port), serverName: "Safeguard"),
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

    /// The signed-in account, if its role is one of `roles`; otherwise sign in, or be refused.
    func require(_ context: PortalContext, _ roles: Set<Role>) throws -> AccountRecord {
        guard let account = context.account, let role = context.role else {
            throw PortalError.unauthorized("Sign in to use this page.")
        }
        guard roles.contains(role) else {
            throw PortalError.forbidden("A \(role.rawValue) account cannot use this.")
        }
        return account
    }

    /// A posted form, refused unless it carries the session's CSRF token.
    func form(_ request: inout Request, _ context: PortalContext) async throws -> FormBody {
        let body = try await FormBody.read(&request, limit: 2 << 20)
        guard let session = context.session, body.carries(csrf: session.csrfToken) else {
            throw PortalError.forbidden(
                "This form was not sent from this portal's own page. Go back, reload the page and try again.")
        }
        return body
    }

    /// The newest collection for a form, if one has been opened.
    func newestCollection(for formID: String) throws -> CollectionRecord? {
        try store.collections().last { $0.formID == formID }
    }

    /// True when an account may see a stored submission: a school its own URN's returns, a licensing officer
    /// its district's applications, the policy officer every school return.
    static func canSee(_ submission: SubmissionRecord, _ account: AccountRecord) -> Bool {
        switch Role(rawValue: account.role) {
        case .school: return submission.subjectKind == Subject.school.rawValue && submission.subjectKey == account.scope
        case .licensing:
            return submission.subjectKind == Subject.driver.rawValue && submission.district == account.scope
        case .policy: return submission.subjectKind == Subject.school.rawValue
        default: return false
        }
    }

    /// The form an account fills in: a school's return, or a licensing officer's driver application.
    func formFor(_ account: AccountRecord) -> FormDefinition? {
        switch Role(rawValue: account.role) {
        case .school: return configuration.schoolForm
        case .licensing: return configuration.driverForm
        default: return nil
        }
    }
}

extension PortalError: HTTPResponseError {
    /// The refusal as the requester needs it: JSON for the API, a redirect to sign in, or a page.
    func response(from request: Request, context: some RequestContext) throws -> Response {
        if request.uri.path.hasPrefix("/api/") {
            let body = JSONValue.object([
                ("error", .object([("status", .number(Double(status.code))), ("message", .string(message))]))
            ]).text
            var response = Portal.text(body + "\n", type: "application/json", status: status)
            if status == .unauthorized { response.headers[.wwwAuthenticate] = "Bearer" }
            return response
        }
        if status == .unauthorized { return Portal.redirect("/sign-in") }
        let body =
            "<h1 class=\"govuk-heading-l\">\(Components.escape(Self.title(status)))</h1><p>\(Components.escape(message))</p>"
            + "<p><a class=\"govuk-link\" href=\"/\">Go to the start</a></p>"
        return Portal.text(
            Layout.page(title: Self.title(status), account: nil, csrf: nil, body: body),
            type: "text/html; charset=utf-8", status: status)
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
