import FormEngine
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Records
import SQLiteStore
import StoreKinds
import Testing
import WebPortal

@Suite("No role can read or change what is not theirs: every route, every role, one table")
struct AccessMatrixTests {
    /// One route's row: the request made of it, and the status each asker gets.
    struct Row {
        /// The concrete path asked for (the route's parameters filled in), with any query.
        let uri: String
        /// The fields a post sends, besides its CSRF token.
        let fields: [(String, String)]
        /// The statuses of: no one signed in, school, corby, kettering, policy, admin.
        let statuses: [Int]

        init(_ uri: String, _ fields: [(String, String)], _ statuses: [Int]) {
            self.uri = uri
            self.fields = fields
            self.statuses = statuses
        }

        init(_ uri: String, _ statuses: [Int]) {
            self.init(uri, [], statuses)
        }
    }

    /// The askers, in the order of a row's statuses: no one, then each account of the fixture.
    static let askers: [String?] = [nil, "school", "corby", "kettering", "policy", "admin"]

    @Test(
        "every route the router holds declares whom it serves; each asker gets the status this table says",
        arguments: StoreKind.available)
    func everyRoute(_ kind: StoreKind) async throws {
        let fixture = try await PortalFixture(kind)
        let ownReturn = try await fixture.stored(try await fixture.schoolReturn(urn: fixture.schoolURN), as: schoolForm)
        let otherReturn = try await fixture.stored(
            try await fixture.schoolReturn(urn: fixture.otherURN), as: schoolForm)
        let corbyApplication = try await fixture.stored(
            try fixture.application(district: "corby", driverNumber: "BEGUM805176B99SA"), as: driverForm)
        let adminID = fixture.accounts["admin"]!.id!
        let school = schoolForm.id
        let driver = driverForm.id
        // A page for no one signed in is a redirect to sign in (303); an API route without a token is 401. Each post
        // is one the role it is for would be told to correct (422, 400) or would save (303), so nothing changes.
        let table: [String: [Row]] = [
            "GET /assets/portal.css": [Row("/assets/portal.css", [200, 200, 200, 200, 200, 200])],
            "GET /healthz": [Row("/healthz", [200, 200, 200, 200, 200, 200])],
            "GET /readyz": [Row("/readyz", [200, 200, 200, 200, 200, 200])],
            "GET /metrics": [Row("/metrics", [200, 200, 200, 200, 200, 200])],
            "GET /sign-in": [Row("/sign-in", [200, 200, 200, 200, 200, 200])],
            "POST /sign-in": [Row("/sign-in", [("token", "sg_wrong")], [401, 401, 401, 401, 401, 401])],
            "GET /": [Row("/", [303, 200, 200, 200, 200, 200])],
            "GET /submissions": [Row("/submissions", [303, 200, 200, 200, 200, 403])],
            "GET /submissions/{id}": [
                Row("/submissions/\(ownReturn)", [303, 200, 404, 404, 200, 403]),
                Row("/submissions/\(otherReturn)", [303, 404, 404, 404, 200, 403]),
                Row("/submissions/\(corbyApplication)", [303, 404, 200, 404, 404, 403]),
            ],
            "GET /submissions/{id}/confirmation": [
                Row("/submissions/\(ownReturn)/confirmation", [303, 200, 404, 404, 200, 403])
            ],
            "POST /submissions/{id}/dbs-check": [
                Row("/submissions/\(corbyApplication)/dbs-check", [303, 403, 422, 404, 403, 403])
            ],
            "GET /submissions/{id}/history": [
                Row("/submissions/\(ownReturn)/history", [303, 403, 404, 404, 200, 403]),
                Row("/submissions/\(corbyApplication)/history", [303, 403, 200, 404, 404, 403]),
            ],
            "POST /submissions/{id}/decision": [
                Row("/submissions/\(corbyApplication)/decision", [303, 403, 422, 404, 403, 403])
            ],
            "GET /licensing/actions": [Row("/licensing/actions", [303, 403, 200, 200, 403, 403])],
            "GET /licensing/register": [Row("/licensing/register", [303, 403, 200, 200, 403, 403])],
            "GET /reports/schools": [Row("/reports/schools", [303, 403, 403, 403, 200, 403])],
            "GET /reports/licensing": [Row("/reports/licensing", [303, 403, 200, 200, 200, 403])],
            "GET /reports/schools.csv": [
                Row("/reports/schools.csv?table=by-district", [303, 403, 403, 403, 200, 403])
            ],
            "GET /audit": [Row("/audit", [303, 403, 403, 403, 200, 200])],
            "GET /reports/chase": [Row("/reports/chase", [303, 403, 403, 403, 200, 403])],
            "GET /reports/chase.csv": [Row("/reports/chase.csv?table=schools", [303, 403, 403, 403, 200, 403])],
            "GET /reports/licensing.csv": [
                Row("/reports/licensing.csv?table=by-district", [303, 403, 200, 200, 200, 403])
            ],
            "GET /admin/users": [Row("/admin/users", [303, 403, 403, 403, 403, 200])],
            "POST /admin/users": [Row("/admin/users", [303, 403, 403, 403, 403, 422])],
            "POST /admin/users/{id}/disable": [Row("/admin/users/\(adminID)/disable", [303, 403, 403, 403, 403, 400])],
            "GET /admin/transfers": [Row("/admin/transfers", [303, 403, 403, 403, 403, 200])],
            "GET /admin/lockouts": [Row("/admin/lockouts", [303, 403, 403, 403, 403, 200])],
            "POST /admin/lockouts/clear": [
                Row("/admin/lockouts/clear", [("key", "address 192.0.2.1")], [303, 403, 403, 403, 403, 404])
            ],
            "POST /admin/transfers": [Row("/admin/transfers", [303, 403, 403, 403, 403, 422])],
            "GET /forms/{form}": [
                Row("/forms/\(school)", [303, 303, 404, 404, 403, 403]),
                Row("/forms/\(driver)", [303, 404, 303, 303, 403, 403]),
            ],
            "GET /forms/{form}/pages/{section}": [
                Row("/forms/\(school)/pages/\(schoolForm.sections[0].id)", [303, 200, 404, 404, 403, 403]),
                Row("/forms/\(driver)/pages/\(driverForm.sections[0].id)", [303, 404, 200, 200, 403, 403]),
            ],
            "POST /forms/{form}/pages/{section}": [
                Row("/forms/\(school)/pages/school", [("action", "save")], [303, 303, 404, 404, 403, 403]),
                Row(
                    "/forms/\(driver)/pages/\(driverForm.sections[0].id)", [("action", "save")],
                    [303, 404, 303, 303, 403, 403]),
            ],
            "POST /forms/{form}/start-from-last-year": [
                Row("/forms/\(school)/start-from-last-year", [303, 303, 403, 403, 403, 403]),
                Row("/forms/\(driver)/start-from-last-year", [303, 404, 403, 403, 403, 403]),
            ],
            "GET /forms/{form}/check": [
                Row("/forms/\(school)/check", [303, 200, 404, 404, 403, 403]),
                Row("/forms/\(driver)/check", [303, 404, 200, 200, 403, 403]),
            ],
            "POST /forms/{form}/submit": [
                Row("/forms/\(school)/submit", [303, 422, 404, 404, 403, 403]),
                Row("/forms/\(driver)/submit", [303, 404, 422, 422, 403, 403]),
            ],
            "GET /api/v1/openapi.yaml": [Row("/api/v1/openapi.yaml", [200, 200, 200, 200, 200, 200])],
            "POST /api/v1/validate": [Row("/api/v1/validate", [401, 422, 422, 422, 403, 403])],
            "POST /api/v1/submissions": [Row("/api/v1/submissions", [401, 422, 422, 422, 403, 403])],
            "GET /api/v1/submissions/{id}": [
                Row("/api/v1/submissions/\(ownReturn)", [401, 200, 404, 404, 200, 403]),
                Row("/api/v1/submissions/\(otherReturn)", [401, 404, 404, 404, 200, 403]),
                Row("/api/v1/submissions/\(corbyApplication)", [401, 404, 200, 404, 404, 403]),
            ],
            "GET /api/v1/reports/{report}": [
                Row("/api/v1/reports/schools", [401, 403, 403, 403, 200, 403]),
                Row("/api/v1/reports/licensing", [401, 403, 200, 200, 200, 403]),
                Row("/api/v1/reports/chase", [401, 403, 403, 403, 200, 403]),
            ],
            "POST /sign-out": [Row("/sign-out", [303, 303, 303, 303, 303, 303])],
        ]

        let declared = fixture.portal.declaredRoutes()
        let routes = declared.map { "\($0.method.rawValue) \($0.path)" }
        let registered = fixture.portal.router().routes.map { "\($0.method.rawValue) \($0.path)" }
        #expect(Set(registered) == Set(routes), "every route the router holds was registered with whom it serves")
        #expect(Set(table.keys) == Set(routes), "a route without a row here fails: add its row")

        let accounts = try await fixture.store.accounts().count
        try await fixture.test { client in
            for (index, asker) in Self.askers.enumerated() {
                var visitor = Visitor(client)
                if let asker { visitor = try await Visitor.signedIn(client, token: fixture.tokens[asker]!) }
                let api = APICaller(client: client, token: asker.map { fixture.tokens[$0]! })
                // Signing out last: it ends the asker's session.
                for route in declared.sorted(by: { ($0.path == "/sign-out" ? 1 : 0) < ($1.path == "/sign-out" ? 1 : 0) }
                ) {
                    for row in table["\(route.method.rawValue) \(route.path)"] ?? [] {
                        let status: HTTPResponse.Status
                        switch (route.access, route.method) {
                        case (.programs, .post): status = try await api.send(.post, row.uri, body: "form: x").status
                        case (.programs, _),
                            (.anyone, .get) where route.path.hasPrefix("/api/"):
                            status = try await api.send(route.method, row.uri).status
                        case (.anyone, .post):
                            _ = try await visitor.get(row.uri)
                            status = try await visitor.post(row.uri, row.fields).status
                        case (_, .post):
                            _ = try await visitor.get("/")
                            status = try await visitor.post(row.uri, row.fields).status
                        default: status = try await visitor.get(row.uri).status
                        }
                        #expect(
                            Int(status.code) == row.statuses[index],
                            "\(asker ?? "no one"): \(route.method.rawValue) \(row.uri)")
                    }
                }
            }
        }
        #expect(try await fixture.store.accounts().count == accounts, "no post changed anything")
        #expect(try await fixture.store.accounts().allSatisfy { $0.disabledAt == nil })
        #expect(try await fixture.decisions(corbyApplication).isEmpty)
    }

    @Test(
        "a page needs a session: a bearer token does not open it, and the API does not take a session",
        arguments: StoreKind.available)
    func doorsApart(_ kind: StoreKind) async throws {
        let fixture = try await PortalFixture(kind)
        try await fixture.test { client in
            let withToken = try await APICaller(client: client, token: fixture.tokens["policy"]!).send(
                .get, "/reports/schools")
            #expect(withToken.status == .seeOther && withToken.location == "/sign-in")
            var visitor = try await Visitor.signedIn(client, token: fixture.tokens["policy"]!)
            let page = try await visitor.get("/api/v1/reports/schools")
            #expect(page.status == .unauthorized)
        }
    }
}
