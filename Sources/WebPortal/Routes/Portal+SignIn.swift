import FormEngine
import Foundation
import Hummingbird
import Records
import UseCases

extension Portal {
    /// The cookie that carries the sign-in form's CSRF token before there is a session.
    static let signInCookie = "sg_signin"

    func addSignInRoutes(to routes: PortalRoutes) {
        routes.open(.get, "/sign-in") { _, context in try signInPage(context: context, error: nil) }
        routes.open(.post, "/sign-in") { request, context in
            var request = request
            let form = try await FormBody.read(&request, limit: 64 << 10).refusingNUL()
            guard let expected = request.cookies[Self.signInCookie]?.value, form.carries(csrf: expected) else {
                throw PortalError.forbidden(
                    "This sign-in form has expired or was not sent from this portal. Go back, reload the page and try again."
                )
            }
            let token = (form["token"] ?? "").trimmingWhitespace
            let seconds = configuration.sessionSeconds
            guard !token.isEmpty else { return try signInPage(context: context, error: "Enter your sign-in token") }
            let signedIn: SignIn
            switch try await safeguarding.signIn(token: token, from: client(request, context), lasting: seconds) {
            case .signedIn(let made):
                signedIn = made
            case .wrongToken:
                return try signInPage(
                    context: context, error: "That sign-in token is not right, or it has been disabled")
            case .lockedOut(let wait):
                let refusal = PortalError.tooManyRequests(retryAfter: wait)
                var response = try signInPage(context: context, error: refusal.message, status: .tooManyRequests)
                response.headers.append(contentsOf: refusal.headers)
                return response
            }
            var response = Self.redirect("/")
            response.setCookie(
                Cookie(
                    name: AuthenticationMiddleware.cookie, value: signedIn.cookie, maxAge: seconds, path: "/",
                    secure: configuration.secureCookies, httpOnly: true, sameSite: .strict))
            // Removed on the path it was set on: a cookie of the same name on another path is another cookie.
            response.setCookie(
                Cookie(
                    name: Self.signInCookie, value: "", maxAge: 0, path: "/sign-in",
                    secure: configuration.secureCookies, httpOnly: true, sameSite: .strict))
            return response
        }
        routes.people(.post, "/sign-out", Set(Role.allCases)) { request, context, _ in
            var request = request
            _ = try await form(&request, context)
            if let session = context.session { try await safeguarding.signOut(session) }
            var response = Self.redirect("/sign-in")
            response.setCookie(
                Cookie(
                    name: AuthenticationMiddleware.cookie, value: "", maxAge: 0, path: "/",
                    secure: configuration.secureCookies, httpOnly: true, sameSite: .strict))
            return response
        }
        routes.people(.get, "/", Set(Role.allCases)) { request, context, sender in
            try await home(request, context, sender)
        }
    }

    private func signInPage(context: PortalContext, error: String?, status: HTTPResponse.Status? = nil) throws
        -> Response
    {
        let csrf = UUID().uuidString + UUID().uuidString
        let errors = error.map { [Components.FieldError(id: "token", message: $0)] } ?? []
        let body =
            "<h1 class=\"govuk-heading-l\">Sign in to Safeguard</h1>" + Components.errorSummary(errors)
            + "<form method=\"post\" action=\"/sign-in\" novalidate>" + Components.csrf(csrf)
            + Components.textInput(
                id: "token", name: "token", label: "Your sign-in token",
                hint: "The token the board gave you. It starts with sg_.", value: "", error: error, width: nil,
                type: "password",
                autocomplete: "current-password")
            + Components.button("Sign in", value: "sign-in") + "</form>"
        var response = page(
            "Sign in", body, context: PortalContext.signedOut(context),
            status: status ?? (error == nil ? .ok : .unauthorized))
        response.setCookie(
            Cookie(
                name: Self.signInCookie, value: csrf, maxAge: 3600, path: "/sign-in",
                secure: configuration.secureCookies, httpOnly: true, sameSite: .strict))
        return response
    }

    private func home(_ request: Request, _ context: PortalContext, _ sender: Sender) async throws -> Response {
        let flash =
            request.uri.queryParameters["saved"] != nil
            ? "Your answers are saved. Sign in again at any time to carry on where you left off." : nil
        var body = sender.role == .school ? "" : "<h1 class=\"govuk-heading-l\">\(Components.escape(sender.name))</h1>"
        switch sender.role {
        case .school:
            body += HomePages.school(
                try await safeguarding.schoolHome(by: sender), form: configuration.schoolForm,
                today: safeguarding.today(), titles: try await collectionTitles(),
                csrf: context.session?.csrfToken ?? "")
        case .licensing:
            body += HomePages.licensing(
                district: safeguarding.districtLabel(context.account?.scope ?? ""), form: configuration.driverForm)
        case .policy:
            body += HomePages.policy
        case .admin, nil:
            body += HomePages.admin
        }
        return page("Home", body, context: context, flash: flash)
    }
}

extension PortalContext {
    /// The context as a signed-out visitor sees pages: no account in the header.
    static func signedOut(_ context: PortalContext) -> PortalContext {
        var copy = context
        copy.account = nil
        copy.session = nil
        return copy
    }
}
