import FormEngine
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Records
import StoreKinds
import Testing
import WebPortal

/// What schemathesis (scripts/api-check) found the API doing off its own document, each kept fixed.
@Suite("The API keeps to its OpenAPI document")
struct APIContractTests {
    @Test(
        "a method an address does not take is 405 with the methods it does, HEAD included; an unknown address 404",
        arguments: StoreKind.available)
    func methodNotAllowed(_ kind: StoreKind) async throws {
        let fixture = try await PortalFixture(kind)
        try await fixture.test { client in
            let api = APICaller(client: client, token: fixture.tokens["corby"]!)
            for method in [HTTPRequest.Method.head, .trace, .put, .delete, .get] {
                let response = try await api.send(method, "/api/v1/submissions")
                #expect(response.status == .methodNotAllowed, "\(method) /api/v1/submissions")
                #expect(response.headers[.allow] == "POST")
            }
            let one = try await api.send(.delete, "/api/v1/submissions/7")
            #expect(one.status == .methodNotAllowed)
            #expect(one.headers[.allow] == "GET")
            #expect(one.text.contains("This address does not take DELETE: it takes GET."))
            let page = try await api.send(.put, "/admin/users")
            #expect(page.status == .methodNotAllowed, "pages too")
            #expect(page.headers[.allow] == "GET, POST")
            #expect(try await api.send(.get, "/api/v1/nothing-here").status == .notFound)
            #expect(try await api.send(.get, "/api/v1/submissions/7/more").status == .notFound)
        }
    }

    @Test(
        "validate answers a body that is not a submission with 422, as submissions does; one without form: 200",
        arguments: StoreKind.available)
    func validateUnreadable(_ kind: StoreKind) async throws {
        let fixture = try await PortalFixture(kind)
        try await fixture.test { client in
            let api = APICaller(client: client, token: fixture.tokens["corby"]!)
            for (body, type) in [
                ("[]", "application/json"), ("- a list\n", "application/yaml"), ("just words", "text/yaml"),
            ] {
                let response = try await api.send(.post, "/api/v1/validate", body: body, type: type)
                #expect(response.status == .unprocessableContent, "\(body)")
                let finding =
                    ((response.json["submissions"] as? [[String: Any]])?.first?["findings"] as? [[String: Any]])?.first
                #expect(finding?["rule"] as? String == "form.shape")
            }
            let school = try await api.send(.post, "/api/v1/validate", body: "form: section11-school-return\n")
            #expect(school.status == .unprocessableContent, "another form than the account's")
            let bare = try await api.send(.post, "/api/v1/validate", body: "{}", type: "application/json")
            #expect(bare.status == .ok, "a mapping without form: is the account's own form")
            #expect((bare.json["submissions"] as? [[String: Any]])?.first?["form"] as? String == driverForm.id)
        }
    }

    @Test("an empty as-of is refused (400), not taken as today", arguments: StoreKind.available)
    func emptyAsOf(_ kind: StoreKind) async throws {
        let fixture = try await PortalFixture(kind)
        try await fixture.test { client in
            let policy = APICaller(client: client, token: fixture.tokens["policy"]!)
            let response = try await policy.send(.get, "/api/v1/reports/schools?as-of=")
            #expect(response.status == .badRequest)
            #expect(response.text.contains("leave it out for today"))
            #expect(try await policy.send(.get, "/api/v1/reports/schools").status == .ok)
        }
    }

    @Test(
        "the document declares a submission as a mapping, itself as one, 429 where a token is taken, every source",
        arguments: StoreKind.available)
    func documentSays(_ kind: StoreKind) async throws {
        let fixture = try await PortalFixture(kind)
        try await fixture.test { client in
            let text = try await APICaller(client: client, token: nil).send(.get, "/api/v1/openapi.yaml").text
            guard case .success(let document) = Intake.read(Array(text.utf8), file: "openapi.yaml") else {
                Issue.record("the OpenAPI document is not YAML")
                return
            }
            Self.check(document)
        }
    }

    private static func check(_ document: Document) {
        let body = document.root["components"]?["requestBodies"]?["Submission"]?["content"]
        for type in ["application/yaml", "application/x-yaml", "text/yaml", "application/json"] {
            #expect(body?[type]?["schema"]?["$ref"]?.scalar?.text == "#/components/schemas/Submission", "\(type)")
        }
        #expect(document.root["components"]?["schemas"]?["Submission"]?["type"]?.scalar?.text == "object")
        #expect(
            body?["application/yaml"]?["example"]?["form"]?.scalar?.text == driverForm.id, "a mapping, not a string")
        let itself = document.root["paths"]?["/api/v1/openapi.yaml"]?["get"]?["responses"]?["200"]?["content"]
        #expect(itself?["application/yaml"]?["schema"]?["type"]?.scalar?.text == "object")
        for path in document.root["paths"]?.entries ?? [] where path.key != "/api/v1/openapi.yaml" {
            for operation in path.value.entries ?? [] {
                #expect(operation.value["responses"]?["429"] != nil, "\(operation.key) \(path.key) documents 429")
            }
        }
        let sources = document.root["components"]?["schemas"]?["StoredSubmission"]?["allOf"]?.items?[1]["properties"]?[
            "source"]?["enum"]?.items?.compactMap(\.scalar?.text)
        #expect(sources == SubmissionSource.allCases.map(\.rawValue))
    }
}
