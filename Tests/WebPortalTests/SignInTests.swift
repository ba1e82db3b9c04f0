import FormEngine
import Foundation
import HTTPTypes
import HummingbirdTesting
import Records
import SQLiteStore
import StoreKinds
import Testing
import UseCases

@Suite("Signing in, sessions and the security of every response")
struct SignInTests {
    @Test(
        "a visitor who has not signed in is sent to the sign-in page, which is a GOV.UK form",
        arguments: StoreKind.available)
    func signedOutVisitor(_ kind: StoreKind) async throws {
        let fixture = try await PortalFixture(kind)
        try await fixture.test { client in
            var visitor = Visitor(client)
            let home = try await visitor.get("/")
            #expect(home.status == .seeOther)
            #expect(home.location == "/sign-in")
            let page = try await visitor.get("/sign-in")
            #expect(page.status == .ok)
            #expect(page.text.contains("<h1 class=\"govuk-heading-l\">Sign in to Safeguard</h1>"))
            #expect(page.text.contains("<label class=\"govuk-label\" for=\"token\">Your sign-in token</label>"))
            #expect(visitor.cookies["sg_signin"] != nil, "the sign-in form's CSRF cookie is set")
        }
    }

    @Test(
        "a right token signs in with an HttpOnly, SameSite=Strict cookie; signing out ends the session",
        arguments: StoreKind.available)
    func signInAndOut(_ kind: StoreKind) async throws {
        let fixture = try await PortalFixture(kind)
        try await fixture.test { client in
            var visitor = Visitor(client)
            _ = try await visitor.get("/sign-in")
            let signedIn = try await visitor.post("/sign-in", ["token": fixture.tokens["policy"]!])
            #expect(signedIn.status == .seeOther)
            let cookie = signedIn.headers[values: .setCookie].first { $0.hasPrefix("sg_session=") } ?? ""
            #expect(cookie.contains("HttpOnly"))
            #expect(cookie.contains("SameSite=Strict"))
            #expect(cookie.contains("Max-Age=3600"))
            let home = try await visitor.get("/")
            #expect(home.status == .ok)
            #expect(home.text.contains("policy account"))
            #expect(home.text.contains("href=\"/reports/schools\""))
            let oldCookies = visitor.cookies
            let out = try await visitor.post("/sign-out", [:])
            #expect(out.status == .seeOther)
            #expect(out.location == "/sign-in")
            var replay = Visitor(client)
            replay.cookies = oldCookies
            let after = try await replay.get("/")
            #expect(after.location == "/sign-in", "the old session cookie no longer signs in")
        }
    }

    @Test(
        "under --secure-cookies every cookie is Secure; the sign-in form's is removed on the path it was set on",
        arguments: StoreKind.available)
    func secureCookies(_ kind: StoreKind) async throws {
        let fixture = try await PortalFixture(kind, secureCookies: true)
        try await fixture.test { client in
            var visitor = Visitor(client)
            let page = try await visitor.get("/sign-in")
            let form = page.headers[values: .setCookie].first { $0.hasPrefix("sg_signin=") } ?? ""
            #expect(form.contains("Secure") && form.contains("Path=/sign-in") && form.contains("HttpOnly"))
            let signedIn = try await visitor.post("/sign-in", ["token": fixture.tokens["policy"]!])
            let cookies = signedIn.headers[values: .setCookie]
            let session = cookies.first { $0.hasPrefix("sg_session=") } ?? ""
            #expect(session.contains("Secure"))
            let cleared = cookies.first { $0.hasPrefix("sg_signin=") } ?? ""
            #expect(cleared.contains("Max-Age=0") && cleared.contains("Path=/sign-in") && cleared.contains("Secure"))
            let out = try await visitor.post("/sign-out", [:])
            #expect(out.headers[values: .setCookie].allSatisfy { $0.contains("Secure") })
        }
    }

    @Test(
        "a wrong or disabled token is refused with an error summary; the sign-in form needs its CSRF cookie",
        arguments: StoreKind.available)
    func wrongTokens(_ kind: StoreKind) async throws {
        let fixture = try await PortalFixture(kind)
        try await fixture.store.disableAccount(fixture.accounts["kettering"]!.id!, actor: "test")
        try await fixture.test { client in
            var visitor = Visitor(client)
            _ = try await visitor.get("/sign-in")
            let wrong = try await visitor.post("/sign-in", ["token": "sg_not-a-real-token"])
            #expect(wrong.status == .unauthorized)
            #expect(wrong.text.contains("govuk-error-summary"))
            #expect(
                wrong.text.contains("<a href=\"#token\">That sign-in token is not right, or it has been disabled</a>"))
            let disabled = try await visitor.post("/sign-in", ["token": fixture.tokens["kettering"]!])
            #expect(disabled.status == .unauthorized)
            let empty = try await visitor.post("/sign-in", ["token": "  "])
            #expect(empty.text.contains("Enter your sign-in token"))
            var stranger = Visitor(client)
            let forged = try await stranger.post("/sign-in", ["token": fixture.tokens["policy"]!])
            #expect(
                forged.status == .forbidden, "a sign-in posted from elsewhere, without the form's cookie, is refused")
            #expect(stranger.cookies["sg_session"] == nil)
        }
    }

    @Test(
        "wrong tokens are throttled: a 429 with Retry-After on the page and the API; the admin sees and clears it",
        arguments: StoreKind.available)
    func throttled(_ kind: StoreKind) async throws {
        let fixture = try await PortalFixture(kind)
        try await fixture.test { client in
            var visitor = Visitor(client)
            var last: Page?
            for attempt in 1...5 {
                _ = try await visitor.get("/sign-in")
                last = try await visitor.post("/sign-in", ["token": "sg_guess\(attempt)"])
            }
            let locked = try #require(last)
            #expect(locked.status == .tooManyRequests)
            #expect(Int(locked.headers[.retryAfter] ?? "") ?? 0 > 50)
            #expect(locked.text.contains("Too many wrong sign-in tokens have come from here. Try again in 1 minute."))
            _ = try await visitor.get("/sign-in")
            let right = try await visitor.post("/sign-in", ["token": fixture.tokens["policy"]!])
            #expect(right.status == .tooManyRequests, "a right token waits too")
            let api = try await APICaller(client: client, token: fixture.tokens["policy"]!).send(
                .get, "/api/v1/reports/schools")
            #expect(api.status == .tooManyRequests && api.headers[.retryAfter] != nil)
            #expect(api.json["error"] as? [String: Any] != nil)

            // The administrator signs in from elsewhere (a proxy would say so); here, by lifting the lockout first.
            try await fixture.safeguarding.clearLockout("address unknown", by: .commandLine("test"))
            for attempt in 1...2 {
                _ = try await visitor.get("/sign-in")
                _ = try await visitor.post("/sign-in", ["token": "sg_again\(attempt)"])
            }
            var admin = try await Visitor.signedIn(client, token: fixture.tokens["admin"]!)
            #expect(try await fixture.safeguarding.lockouts(by: .commandLine("test")).isEmpty, "a sign-in forgets")
            for attempt in 1...2 {
                _ = try await APICaller(client: client, token: "sg_bad\(attempt)").send(.get, "/api/v1/reports/schools")
            }
            let page = try await admin.get("/admin/lockouts")
            #expect(page.text.contains("address unknown") && page.text.contains("Not locked out"))
            let cleared = try await admin.post("/admin/lockouts/clear", ["key": "address unknown"])
            #expect(cleared.location == "/admin/lockouts?cleared=address%20unknown")
            #expect(try await admin.get("/admin/lockouts").text.contains("No client has failed to sign in."))
        }
        let log = try await fixture.store.auditLog(since: nil)
        #expect(log.filter { $0.action == .lockout }.count == 1)
        #expect(log.contains { $0.action == .lockoutClear && $0.actor == "admin account" })
    }

    @Test(
        "behind a proxy, failed sign-ins are counted by the address the proxy forwards, not the proxy's own",
        arguments: StoreKind.available)
    func behindProxy(_ kind: StoreKind) async throws {
        let fixture = try await PortalFixture(kind, behindProxy: true)
        try await fixture.test { client in
            for (index, address) in ["192.0.2.7", "192.0.2.7", "198.51.100.9"].enumerated() {
                _ = try await APICaller(client: client, token: "sg_bad\(index)").send(
                    .get, "/api/v1/reports/schools",
                    headers: [HTTPField.Name("X-Forwarded-For")!: "203.0.113.1, \(address)"])
            }
        }
        let counted = try await fixture.safeguarding.lockouts(by: .commandLine("test"))
        #expect(
            Dictionary(uniqueKeysWithValues: counted.map { ($0.key, $0.failures) }) == [
                "address 192.0.2.7": 2, "address 198.51.100.9": 1,
            ])
    }

    @Test("a session ends when it expires", arguments: StoreKind.available)
    func expiry(_ kind: StoreKind) async throws {
        let fixture = try await PortalFixture(kind)
        guard
            case .signedIn(let expired) = try await fixture.safeguarding.signIn(
                token: fixture.tokens["policy"]!, from: "192.0.2.7", lasting: -60)
        else {
            Issue.record("the policy officer's token did not sign in")
            return
        }
        try await fixture.test { client in
            var visitor = Visitor(client)
            visitor.cookies["sg_session"] = expired.cookie
            let home = try await visitor.get("/")
            #expect(home.status == .seeOther)
            #expect(home.location == "/sign-in")
        }
    }

    @Test("every post without the session's CSRF token is refused, and changes nothing", arguments: StoreKind.available)
    func csrf(_ kind: StoreKind) async throws {
        let fixture = try await PortalFixture(kind)
        try await fixture.test { client in
            var officer = try await Visitor.signedIn(client, token: fixture.tokens["corby"]!)
            let section = driverForm.sections[0].id
            let posts: [(String, [(String, String)])] = [
                ("/forms/\(driverForm.id)/pages/\(section)", [("\(section).kind", "new"), ("action", "save")]),
                ("/forms/\(driverForm.id)/submit", []),
                ("/submissions/1/decision", [("outcome", "refuse"), ("note", "forged")]),
                ("/sign-out", []),
            ]
            for (uri, fields) in posts {
                let page = try await officer.post(uri, fields, withCSRF: false)
                #expect(page.status == .forbidden, "\(uri) without a CSRF token")
                #expect(page.text.contains("not sent from this portal"))
                // One character changed, whatever the token starts with.
                let changed = (officer.csrf.first == "0" ? "1" : "0") + officer.csrf.dropFirst()
                let wrong = try await officer.post(uri, [("csrf", changed)] + fields, withCSRF: false)
                #expect(wrong.status == .forbidden, "\(uri) with a wrong CSRF token")
            }
            #expect(
                try await fixture.store.draft(accountID: fixture.accounts["corby"]!.id!, formID: driverForm.id) == nil)
            let stillIn = try await officer.get("/")
            #expect(stillIn.status == .ok, "the forged sign-out did not sign the officer out")
            var admin = try await Visitor.signedIn(client, token: fixture.tokens["admin"]!)
            let before = try await fixture.store.accounts().count
            let forged = try await admin.post(
                "/admin/users", ["name": "Mallory", "role": "admin", "scope": ""], withCSRF: false)
            #expect(forged.status == .forbidden)
            #expect(try await fixture.store.accounts().count == before)
        }
    }

    @Test("pages, refusals and API errors all carry the security headers", arguments: StoreKind.available)
    func securityHeaders(_ kind: StoreKind) async throws {
        let fixture = try await PortalFixture(kind)
        try await fixture.test { client in
            var visitor = Visitor(client)
            let responses = [
                try await visitor.get("/sign-in"), try await visitor.get("/no-such-page"),
                try await visitor.get("/api/v1/submissions/1"), try await visitor.get("/assets/portal.css"),
            ]
            for response in responses {
                let policy = response.headers[.contentSecurityPolicy] ?? ""
                #expect(policy.contains("default-src 'none'"))
                #expect(policy.contains("frame-ancestors 'none'"))
                #expect(!policy.contains("unsafe-inline"))
                #expect(response.headers[HTTPField.Name("X-Content-Type-Options")!] == "nosniff")
                #expect(response.headers[HTTPField.Name("X-Frame-Options")!] == "DENY")
            }
            #expect(responses[0].headers[.cacheControl] == "no-store")
            #expect(responses[1].status == .notFound)
            #expect(responses[1].text.contains("Page not found"))
            #expect(responses[2].status == .unauthorized)
            #expect(responses[2].headers[.contentType] == "application/json")
            #expect(responses[3].headers[.contentType] == "text/css; charset=utf-8")
        }
    }
}
