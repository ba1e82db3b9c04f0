import FormEngine
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Records
import SQLiteStore
import StoreKinds
import TestSupport
import Testing
import UseCases
import WebPortal

@Suite("The JSON API")
struct APITests {
    @Test(
        "a posted application is stored: 201, its number, and the same JSON as validate --format json",
        arguments: StoreKind.available)
    func submitYAML(_ kind: StoreKind) async throws {
        let fixture = try await PortalFixture(kind)
        let yaml = try fixture.application(
            district: "corby", driverNumber: "BEGUM805176B99RA", changes: registerMatch)
        try await fixture.test { client in
            let api = APICaller(client: client, token: fixture.tokens["corby"]!)
            let response = try await api.send(.post, "/api/v1/submissions", body: yaml)
            #expect(response.status == .created)
            let submission = try #require((response.json["submissions"] as? [[String: Any]])?.first)
            let id = try #require(submission["submission"] as? Int)
            #expect(response.location == "/api/v1/submissions/\(id)")
            #expect(submission["decision"] as? String == "referred")
            let engine = Validator(catalog: catalog).evaluate(
                Array(yaml.utf8), file: "api", asOf: fixture.today, formID: driverForm.id)
            let expected = try JSONSerialization.jsonObject(with: Data(engine.json.text.utf8)) as! [String: Any]
            var got = submission
            got["submission"] = nil
            got["supersedes"] = nil
            #expect(NSDictionary(dictionary: got).isEqual(to: expected), "the same JSON as the command line")
            let stored = try #require(try await fixture.store.submission(Int64(id)))
            #expect(stored.source == .api)
            #expect(stored.submitter == "corby account")
            let read = try await api.send(.get, "/api/v1/submissions/\(id)")
            #expect(read.status == .ok)
            #expect(read.json["decision"] as? String == "referred")
            #expect(read.json["subject"] as? String == "BEGUM805176B99RA")
            let findings = read.json["findings"] as? [[String: Any]] ?? []
            #expect(findings.map { $0["rule"] as? String } == engine.findings.map(\.rule))
            #expect(findings.first?["line"] as? Int == engine.findings.first?.mark?.line)
            let answers = read.json["answers"] as? [String: Any]
            #expect((answers?["licence"] as? [String: Any])?["driver_number"] as? String == "BEGUM805176B99RA")
        }
    }

    @Test("JSON is taken as well as YAML, and a second version supersedes the first", arguments: StoreKind.available)
    func submitJSON(_ kind: StoreKind) async throws {
        let fixture = try await PortalFixture(kind)
        let json = """
            {"form": "taxi-driver-application", "application": {"district": "corby", "kind": "new"},
             "licence": {"driver_number": "BEGUM805176B99RB"}}
            """
        try await fixture.test { client in
            let api = APICaller(client: client, token: fixture.tokens["corby"]!)
            let first = try await api.send(.post, "/api/v1/submissions", body: json, type: "application/json")
            #expect(first.status == .created)
            let one = (first.json["submissions"] as? [[String: Any]])?.first
            #expect(one?["decision"] as? String == "rejected", "stored, as submit stores a rejected application")
            let second = try await api.send(
                .post, "/api/v1/submissions", body: json, type: "application/json; charset=utf-8")
            let two = (second.json["submissions"] as? [[String: Any]])?.first
            #expect(two?["supersedes"] as? Int == one?["submission"] as? Int)
            let validated = try await api.send(.post, "/api/v1/validate", body: json, type: "application/json")
            #expect(validated.status == .ok)
            let findings = ((validated.json["submissions"] as? [[String: Any]])?.first?["findings"] as? [Any])?.count
            #expect(findings == (one?["findings"] as? [Any])?.count)
        }
    }

    @Test(
        "refusals: 401 without a bearer token, 403 for the wrong role or scope, 404 for what is not theirs",
        arguments: StoreKind.available)
    func refusals(_ kind: StoreKind) async throws {
        let fixture = try await PortalFixture(kind)
        let corbyApplication = try fixture.application(district: "corby", driverNumber: "BEGUM805176B99RC")
        let corby = try await fixture.stored(corbyApplication, as: driverForm)
        let otherReturn = try await fixture.stored(
            try await fixture.schoolReturn(urn: fixture.otherURN), as: schoolForm)
        try await fixture.test { client in
            let anonymous = try await APICaller(client: client, token: nil).send(.get, "/api/v1/submissions/\(corby)")
            #expect(anonymous.status == .unauthorized)
            #expect(anonymous.headers[.wwwAuthenticate] == "Bearer")
            #expect((anonymous.json["error"] as? [String: Any])?["status"] as? Int == 401)
            let unknown = try await APICaller(client: client, token: "sg_nobody").send(.get, "/api/v1/submissions/1")
            #expect(unknown.status == .unauthorized)
            var person = try await Visitor.signedIn(client, token: fixture.tokens["corby"]!)
            let cookieOnly = try await person.get("/api/v1/submissions/\(corby)")
            #expect(cookieOnly.status == .unauthorized, "a session cookie does not open the API")
            #expect(cookieOnly.text.contains("The API takes a bearer token"))

            let kettering = APICaller(client: client, token: fixture.tokens["kettering"]!)
            #expect(try await kettering.send(.get, "/api/v1/submissions/\(corby)").status == .notFound)
            let entered = try await kettering.send(.post, "/api/v1/submissions", body: corbyApplication)
            #expect(entered.status == .forbidden)
            #expect(entered.text.contains("only enter applications for your own district (Kettering)"))
            let school = APICaller(client: client, token: fixture.tokens["school"]!)
            #expect(try await school.send(.get, "/api/v1/submissions/\(otherReturn)").status == .notFound)
            #expect(try await school.send(.get, "/api/v1/submissions/\(corby)").status == .notFound)
            let other = try await school.send(
                .post, "/api/v1/submissions", body: try await fixture.schoolReturn(urn: fixture.otherURN))
            #expect(other.status == .forbidden)
            #expect(other.text.contains("only send your own school's return (URN \(fixture.schoolURN))"))
            #expect(try await school.send(.get, "/api/v1/reports/schools").status == .forbidden)
            let policy = APICaller(client: client, token: fixture.tokens["policy"]!)
            #expect(try await policy.send(.post, "/api/v1/submissions", body: corbyApplication).status == .forbidden)
            #expect(try await policy.send(.get, "/api/v1/submissions/\(otherReturn)").status == .ok)
            #expect(try await policy.send(.get, "/api/v1/submissions/\(corby)").status == .notFound)
            let admin = APICaller(client: client, token: fixture.tokens["admin"]!)
            #expect(try await admin.send(.get, "/api/v1/reports/licensing").status == .forbidden)
            #expect(try await admin.send(.get, "/api/v1/submissions/\(corby)").status == .forbidden)
        }
    }

    @Test(
        "409 for a driver held by another district, naming none of that district's submissions or answers",
        arguments: StoreKind.available)
    func anotherDistrictsDriver(_ kind: StoreKind) async throws {
        let fixture = try await PortalFixture(kind)
        let corby = try await fixture.stored(
            try fixture.application(district: "corby", driverNumber: "BEGUM805176B99TA"), as: driverForm)
        try await fixture.test { client in
            let kettering = APICaller(client: client, token: fixture.tokens["kettering"]!)
            let answer = try await kettering.send(
                .post, "/api/v1/submissions",
                body: try fixture.application(district: "kettering", driverNumber: "BEGUM805176B99TA"))
            #expect(answer.status == .conflict)
            #expect(answer.text.contains("This driver is known to another district"))
            #expect(!answer.text.contains(String(corby)) && !answer.text.lowercased().contains("corby"))
        }
        #expect(try await fixture.store.latestSubmissionIDs(formID: driverForm.id).contains(corby))
    }

    @Test("409 for a school's return when no round is open, in the portal's words; nothing is stored")
    func noRoundOpen() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("no-round-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try SQLiteStore.open(path: folder.appendingPathComponent("empty.sqlite").path)
        let safeguarding = Safeguarding(store: store, catalog: catalog, today: { Day(iso: "2026-07-15")! })
        let register = try FileBytes.read(Paths.root + "/Examples/register/gias-extract.csv").get().bytes
        _ = try await safeguarding.importRegister(register, file: "gias.csv", by: .commandLine("test")).get()
        let token = try await safeguarding.addAccount(
            role: .school, scope: "121734", name: "Oakfield DSL", by: .commandLine("test")
        ).token
        let app = Application(router: Portal(configuration: PortalConfiguration(safeguarding: safeguarding)).router())
        let body = try String(contentsOfFile: Paths.root + "/Examples/returns/oakfield-primary.yaml", encoding: .utf8)
        try await app.test(.router) { client in
            let answer = try await APICaller(client: client, token: token).send(
                .post, "/api/v1/submissions", body: body)
            #expect(answer.status == .conflict)
            #expect(
                answer.text
                    == #"{"error":{"status":409,"message":"No round of returns is open, so a return cannot be sent yet."}}"#
                    + "\n")
        }
        #expect(try await store.latestSubmissionIDs(formID: nil).isEmpty)
    }

    @Test(
        "bodies: 415 for another type, 413 over 1 MiB, 422 for what cannot be read, with the line and column",
        arguments: StoreKind.available)
    func bodies(_ kind: StoreKind) async throws {
        let fixture = try await PortalFixture(kind)
        let stored = try await fixture.store.latestSubmissionIDs(formID: nil).count
        try await fixture.test { client in
            let api = APICaller(client: client, token: fixture.tokens["corby"]!)
            let plain = try await api.send(.post, "/api/v1/submissions", body: "form: x", type: "text/plain")
            #expect(plain.status == .unsupportedMediaType)
            #expect(plain.text.contains("application/json or application/yaml"))
            let none = try await api.send(.post, "/api/v1/submissions", body: "form: x", type: "")
            #expect(none.status == .unsupportedMediaType)
            let big = "form: taxi-driver-application\nnotes: \"" + String(repeating: "a", count: 1 << 20) + "\"\n"
            let large = try await api.send(.post, "/api/v1/submissions", body: big)
            #expect(large.status == .contentTooLarge)
            #expect(
                (large.json["error"] as? [String: Any])?["message"] as? String
                    == "A submission may be at most 1048576 bytes (1 MiB); this one is \(big.utf8.count).")
            let broken = try await api.send(
                .post, "/api/v1/submissions", body: "form: taxi-driver-application\napplication: [\n")
            #expect(broken.status == .unprocessableContent)
            let finding = ((broken.json["submissions"] as? [[String: Any]])?.first?["findings"] as? [[String: Any]])?
                .first
            #expect(finding?["severity"] as? String == "error")
            #expect(finding?["line"] as? Int != nil)
            #expect(finding?["column"] as? Int != nil)
            let bomb = "form: taxi-driver-application\na: &a [x, x]\nb: *a\n"
            #expect(try await api.send(.post, "/api/v1/submissions", body: bomb).status == .unprocessableContent)
            let wrongForm = try await api.send(
                .post, "/api/v1/submissions", body: try await fixture.schoolReturn(urn: fixture.schoolURN))
            #expect(wrongForm.status == .unprocessableContent)
            #expect(
                wrongForm.text.contains(
                    "This file answers the form 'section11-school-return', not 'taxi-driver-application'."))
            let unnamed = try await api.send(
                .post, "/api/v1/submissions", body: "form: taxi-driver-application\nlicence: {}\n")
            #expect(unnamed.status == .unprocessableContent)
            #expect(unnamed.text.contains("so it cannot be filed"))
            #expect(try await fixture.store.latestSubmissionIDs(formID: nil).count == stored, "nothing was stored")
        }
    }

    @Test(
        "reports as JSON and as a CSV table; an unknown report, format or date is refused",
        arguments: StoreKind.available)
    func reports(_ kind: StoreKind) async throws {
        let fixture = try await PortalFixture(kind)
        try await fixture.test { client in
            let policy = APICaller(client: client, token: fixture.tokens["policy"]!)
            let json = try await policy.send(.get, "/api/v1/reports/schools?as-of=2026-10-31")
            #expect(json.status == .ok)
            #expect(json.json["report"] as? String == "schools")
            #expect((json.json["tables"] as? [[String: Any]])?.isEmpty == false)
            let csv = try await policy.send(.get, "/api/v1/reports/licensing?format=csv&table=by-district")
            #expect(csv.headers[.contentType] == "text/csv; charset=utf-8")
            #expect(csv.text.hasPrefix("\u{FEFF}District,Drivers,"), "a download starts with the byte order mark")
            #expect(try await policy.send(.get, "/api/v1/reports/licensing?format=csv").status == .badRequest)
            #expect(try await policy.send(.get, "/api/v1/reports/licensing?format=xml").status == .badRequest)
            #expect(try await policy.send(.get, "/api/v1/reports/licensing?as-of=tomorrow").status == .badRequest)
            #expect(try await policy.send(.get, "/api/v1/reports/drivers").status == .notFound)
            let round = try await policy.send(.get, "/api/v1/reports/schools?collection=s99")
            #expect(round.status == .notFound)
            #expect(round.text.contains("There is no collection 's99'"))
        }
    }

    @Test("the OpenAPI document is served, and describes exactly the API's routes", arguments: StoreKind.available)
    func openAPI(_ kind: StoreKind) async throws {
        let fixture = try await PortalFixture(kind)
        try await fixture.test { client in
            let response = try await APICaller(client: client, token: nil).send(.get, "/api/v1/openapi.yaml")
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "application/yaml; charset=utf-8")
            guard
                case .success(let document) = Intake.read(
                    Array(response.text.utf8), file: "openapi.yaml", limits: .definition)
            else {
                Issue.record("the OpenAPI document is not YAML")
                return
            }
            #expect(document.root["openapi"]?.scalar?.text == "3.1.0")
            let paths = document.root["paths"]?.entries?.map(\.key) ?? []
            #expect(
                paths == [
                    "/api/v1/openapi.yaml", "/api/v1/validate", "/api/v1/submissions", "/api/v1/submissions/{id}",
                    "/api/v1/reports/{report}",
                ])
            let token = fixture.tokens["policy"]!
            for path in paths {
                for method in document.root["paths"]?[path]?.entries?.map(\.key) ?? [] {
                    let uri = path.replacingOccurrences(of: "{id}", with: "1").replacingOccurrences(
                        of: "{report}", with: "schools")
                    let answered = try await APICaller(client: client, token: token).send(
                        method == "post" ? .post : .get, uri, body: method == "post" ? "form: x" : nil)
                    #expect(answered.status != .notFound || path.contains("{id}"), "\(method) \(path) is routed")
                    #expect(answered.status != .methodNotAllowed)
                }
            }
        }
    }
}
