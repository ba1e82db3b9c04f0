import FormEngine
import Foundation
import Hummingbird
import ReturnStore

extension Portal {
    /// The cookie that carries the sign-in form's CSRF token before there is a session.
    static let signInCookie = "sg_signin"

    func addSignInRoutes(to router: Router<PortalContext>) {
        router.get("/sign-in") { _, context in try signInPage(context: context, error: nil) }
        router.post("/sign-in") { request, context in
            var request = request
            let form = try await FormBody.read(&request, limit: 64 << 10)
            guard let expected = request.cookies[Self.signInCookie]?.value, form.carries(csrf: expected) else {
                throw PortalError.forbidden(
                    "This sign-in form has expired or was not sent from this portal. Go back, reload the page and try again."
                )
            }
            let token = (form["token"] ?? "").trimmingWhitespace
            guard !token.isEmpty, let account = try await Blocking.run({ try store.account(forToken: token) }) else {
                return try signInPage(
                    context: context,
                    error: token.isEmpty
                        ? "Enter your sign-in token" : "That sign-in token is not right, or it has been disabled")
            }
            let seconds = configuration.sessionSeconds
            let started = try await Blocking.run { try store.startSession(for: account, lasting: seconds) }
            var response = Self.redirect("/")
            response.setCookie(
                Cookie(
                    name: AuthenticationMiddleware.cookie, value: started.token, maxAge: seconds, path: "/",
                    secure: configuration.secureCookies, httpOnly: true, sameSite: .strict))
            response.setCookie(
                Cookie(name: Self.signInCookie, value: "", maxAge: 0, path: "/", httpOnly: true, sameSite: .strict))
            return response
        }
        router.post("/sign-out") { request, context in
            var request = request
            _ = try await form(&request, context)
            if let session = context.session { try await Blocking.run { try store.endSession(session.id!) } }
            var response = Self.redirect("/sign-in")
            response.setCookie(
                Cookie(
                    name: AuthenticationMiddleware.cookie, value: "", maxAge: 0, path: "/", httpOnly: true,
                    sameSite: .strict))
            return response
        }
        router.get("/") { request, context in try await home(request, context) }
    }

    private func signInPage(context: PortalContext, error: String?) throws -> Response {
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
            "Sign in", body, context: PortalContext.signedOut(context), status: error == nil ? .ok : .unauthorized)
        response.setCookie(
            Cookie(
                name: Self.signInCookie, value: csrf, maxAge: 3600, path: "/sign-in", httpOnly: true, sameSite: .strict)
        )
        return response
    }

    private func home(_ request: Request, _ context: PortalContext) async throws -> Response {
        let account = try require(context, Set(Role.allCases))
        let flash =
            request.uri.queryParameters["saved"] != nil
            ? "Your answers are saved. Sign in again at any time to carry on where you left off." : nil
        var body = "<h1 class=\"govuk-heading-l\">\(Components.escape(account.name))</h1>"
        switch Role(rawValue: account.role) {
        case .school:
            body += try await schoolHome(account)
        case .licensing:
            let district =
                configuration.driverForm?.lists["districts"]?.label(for: account.scope ?? "") ?? account.scope ?? ""
            body +=
                "<p>Licensing officer for \(Components.escape(district)).</p><ul class=\"govuk-list\">"
                + "<li><a class=\"govuk-link\" href=\"/forms/\(configuration.driverForm?.id ?? "")\">Enter a driver's application</a></li>"
                + "<li><a class=\"govuk-link\" href=\"/submissions\">Applications in \(Components.escape(district))</a></li>"
                + "<li><a class=\"govuk-link\" href=\"/licensing/actions\">Drivers needing action</a></li></ul>"
        case .policy:
            body +=
                "<p>The board's reports.</p><ul class=\"govuk-list\"><li><a class=\"govuk-link\" href=\"/reports/schools\">Section 11 returns: the gaps in provision</a></li>"
                + "<li><a class=\"govuk-link\" href=\"/reports/licensing\">Taxi and private hire drivers</a></li>"
                + "<li><a class=\"govuk-link\" href=\"/submissions\">Every school return</a></li></ul>"
        case .admin:
            body += "<p><a class=\"govuk-link\" href=\"/admin/users\">Manage the accounts</a></p>"
        case nil:
            throw PortalError.forbidden("This account has no role the portal knows.")
        }
        return page("Home", body, context: context, flash: flash)
    }

    private func schoolHome(_ account: AccountRecord) async throws -> String {
        guard let form = configuration.schoolForm else { return "<p>There is no school return form.</p>" }
        let (collection, draft, submissions, school) = try await Blocking.run {
            (
                try newestCollection(for: form.id), try store.draft(accountID: account.id!, formID: form.id),
                try store.history(subjectKey: account.scope ?? "", actor: account.name),
                try store.schools().first { $0.urn == account.scope }
            )
        }
        var body =
            "<p class=\"govuk-body-l\">\(Components.escape(school?.name ?? "Your school")), URN \(Components.escape(account.scope ?? ""))</p>"
        if let collection, let due = Day(iso: collection.due) {
            body +=
                "<h2 class=\"govuk-heading-m\">Your return for \(Components.escape(collection.name))</h2>"
                + "<p>It covers \(Day(iso: collection.periodStart)?.spoken ?? "") to \(Day(iso: collection.periodEnd)?.spoken ?? "") and is due by \(due.spoken).</p>"
            let start =
                draft == nil
                ? (submissions.isEmpty ? "Start your return" : "Send a corrected return") : "Continue your return"
            body += "<a class=\"govuk-button\" href=\"/forms/\(form.id)\">\(start)</a>"
        } else {
            body += "<p>No round of returns is open at the moment.</p>"
        }
        if !submissions.isEmpty {
            let rows = submissions.reversed().map { entry -> [String] in
                let decision = entry.evaluations.last?.record.decision ?? ""
                let label = Decision(rawValue: decision).map(form.decisions.label(for:)) ?? decision
                return [
                    "<a class=\"govuk-link\" href=\"/submissions/\(entry.submission.id!)\">\(entry.submission.id!)</a>",
                    Components.escape(entry.collection ?? ""),
                    Components.escape(entry.submission.receivedAt), Components.tag(label, decision: decision),
                ]
            }
            body +=
                "<h2 class=\"govuk-heading-m\">What you have sent</h2>"
                + Components.table(
                    caption: "Your school's returns, newest first",
                    columns: ["Submission", "Collection", "Received", "Result"], rows: rows, rawColumns: [0, 1, 2, 3])
        }
        return body
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
