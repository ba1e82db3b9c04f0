import FormEngine
import Foundation
import HTTPTypes
import HummingbirdTesting
import Records
import SQLiteStore
import Testing

@Suite("No role can read or change what is not theirs")
struct AccessMatrixTests {
    @Test("every page for every role: allowed (200), not theirs (404), not their role (403), signed out (303)")
    func pages() async throws {
        let fixture = try await PortalFixture()
        let ownReturn = try await fixture.stored(try await fixture.schoolReturn(urn: fixture.schoolURN), as: schoolForm)
        let otherReturn = try await fixture.stored(
            try await fixture.schoolReturn(urn: fixture.otherURN), as: schoolForm)
        let corbyApplication = try await fixture.stored(
            try fixture.application(district: "corby", driverNumber: "BEGUM805176B99SA"), as: driverForm)
        let schoolPage = "/forms/\(schoolForm.id)/pages/\(schoolForm.sections[0].id)"
        let driverPage = "/forms/\(driverForm.id)/pages/\(driverForm.sections[0].id)"
        // Columns: school, corby, kettering, policy, admin.
        let expected: [(String, [Int])] = [
            ("/", [200, 200, 200, 200, 200]),
            ("/submissions", [200, 200, 200, 200, 403]),
            ("/submissions/\(ownReturn)", [200, 404, 404, 200, 403]),
            ("/submissions/\(otherReturn)", [404, 404, 404, 200, 403]),
            ("/submissions/\(corbyApplication)", [404, 200, 404, 404, 403]),
            ("/submissions/\(ownReturn)/confirmation", [200, 404, 404, 200, 403]),
            ("/licensing/actions", [403, 200, 200, 403, 403]),
            ("/reports/schools", [403, 403, 403, 200, 403]),
            ("/reports/licensing", [403, 200, 200, 200, 403]),
            ("/reports/schools.csv?table=by-district", [403, 403, 403, 200, 403]),
            ("/reports/licensing.csv?table=by-district", [403, 200, 200, 200, 403]),
            ("/admin/users", [403, 403, 403, 403, 200]),
            (schoolPage, [200, 404, 404, 403, 403]),
            ("/forms/\(schoolForm.id)/check", [200, 404, 404, 403, 403]),
            (driverPage, [404, 200, 200, 403, 403]),
            ("/forms/\(driverForm.id)/check", [404, 200, 200, 403, 403]),
        ]
        let roles = ["school", "corby", "kettering", "policy", "admin"]
        try await fixture.test { client in
            var anonymous = Visitor(client)
            for (uri, _) in expected {
                let page = try await anonymous.get(uri)
                #expect(page.status == .seeOther && page.location == "/sign-in", "signed out: \(uri)")
            }
            for (index, role) in roles.enumerated() {
                var visitor = try await Visitor.signedIn(client, token: fixture.tokens[role]!)
                for (uri, statuses) in expected {
                    let page = try await visitor.get(uri)
                    #expect(Int(page.status.code) == statuses[index], "\(role): GET \(uri)")
                }
            }
        }
    }

    @Test("every post for every role, each with its CSRF token: only the role it is for gets past the door")
    func posts() async throws {
        let fixture = try await PortalFixture()
        let corbyApplication = try await fixture.stored(
            try fixture.application(district: "corby", driverNumber: "BEGUM805176B99SC"), as: driverForm)
        let adminID = fixture.accounts["admin"]!.id!
        // Each post is one the role it is for would be told to correct (422, 400) or would save (303), so
        // nothing changes; the other roles are refused. Columns: school, corby, kettering, policy, admin.
        let expected: [(String, [(String, String)], [Int])] = [
            ("/admin/users", [], [403, 403, 403, 403, 422]),
            ("/admin/users/\(adminID)/disable", [], [403, 403, 403, 403, 400]),
            ("/submissions/\(corbyApplication)/decision", [], [403, 422, 404, 403, 403]),
            ("/forms/\(schoolForm.id)/pages/school", [("action", "save")], [303, 404, 404, 403, 403]),
            (
                "/forms/\(driverForm.id)/pages/\(driverForm.sections[0].id)", [("action", "save")],
                [404, 303, 303, 403, 403]
            ),
            ("/forms/\(driverForm.id)/submit", [], [404, 422, 422, 403, 403]),
        ]
        let roles = ["school", "corby", "kettering", "policy", "admin"]
        let accounts = try await fixture.store.accounts().count
        try await fixture.test { client in
            for (index, role) in roles.enumerated() {
                var visitor = try await Visitor.signedIn(client, token: fixture.tokens[role]!)
                for (uri, fields, statuses) in expected {
                    let page = try await visitor.post(uri, fields)
                    #expect(Int(page.status.code) == statuses[index], "\(role): POST \(uri)")
                }
            }
        }
        #expect(try await fixture.store.accounts().count == accounts)
        #expect(try await fixture.store.accounts().allSatisfy { $0.disabledAt == nil })
        #expect(try await fixture.decisions(corbyApplication).isEmpty)
    }

    @Test("every API read for every role")
    func api() async throws {
        let fixture = try await PortalFixture()
        let ownReturn = try await fixture.stored(try await fixture.schoolReturn(urn: fixture.schoolURN), as: schoolForm)
        let otherReturn = try await fixture.stored(
            try await fixture.schoolReturn(urn: fixture.otherURN), as: schoolForm)
        let corbyApplication = try await fixture.stored(
            try fixture.application(district: "corby", driverNumber: "BEGUM805176B99SB"), as: driverForm)
        let expected: [(String, [Int])] = [
            ("/api/v1/submissions/\(ownReturn)", [200, 404, 404, 200, 403, 401]),
            ("/api/v1/submissions/\(otherReturn)", [404, 404, 404, 200, 403, 401]),
            ("/api/v1/submissions/\(corbyApplication)", [404, 200, 404, 404, 403, 401]),
            ("/api/v1/reports/schools", [403, 403, 403, 200, 403, 401]),
            ("/api/v1/reports/licensing", [403, 200, 200, 200, 403, 401]),
            ("/api/v1/openapi.yaml", [200, 200, 200, 200, 200, 200]),
        ]
        let roles: [String?] = ["school", "corby", "kettering", "policy", "admin", nil]
        try await fixture.test { client in
            for (index, role) in roles.enumerated() {
                let api = APICaller(client: client, token: role.map { fixture.tokens[$0]! })
                for (uri, statuses) in expected {
                    let response = try await api.send(.get, uri)
                    #expect(Int(response.status.code) == statuses[index], "\(role ?? "no token"): GET \(uri)")
                }
            }
        }
    }
}
