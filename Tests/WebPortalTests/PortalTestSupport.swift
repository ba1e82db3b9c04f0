import FormEngine
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Records
import SQLiteStore
import StoreKinds
import SampleCounty
import TestSupport
import Testing
import UseCases
import WebPortal

/// The school return form and the driver application form.
let schoolForm = catalog.forms.values.first { $0.subject == .school }!
let driverForm = catalog.forms.values.first { $0.subject == .driver }!

/// A small sample county in a new store of one kind (SQLite in a temporary folder, or a new PostgreSQL database), an account of every kind, and the portal over them.
/// Today is the sample's day, 31 October 2026.
final class PortalFixture: Sendable {
    let folder: URL
    /// The store's file or database URL.
    let location: String
    let store: any ReturnStore
    let safeguarding: Safeguarding
    let portal: Portal
    let today = Day(iso: "2026-10-31")!
    /// Sign-in tokens by account: admin, policy, school, otherSchool, corby, kettering.
    let tokens: [String: String]
    /// The accounts, by the same names.
    let accounts: [String: AccountRecord]
    /// The school account's URN, and another open school's.
    let schoolURN: String
    let otherURN: String
    /// The school account's school's name, as the register has it.
    let schoolName: String

    init(
        _ kind: StoreKind = .sqlite, sessionSeconds: Int = 3600, secureCookies: Bool = false, behindProxy: Bool = false
    ) async throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("portal-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        location = try await kind.newLocation(in: folder)
        store = try await kind.open(location)
        let day = today
        safeguarding = Safeguarding(store: store, catalog: catalog, today: { day })
        let county = folder.appendingPathComponent("county").path
        try SampleCounty.generate(.init(schools: 12, drivers: 24, seed: 7), into: county)
        _ = try await safeguarding.loadSample(from: county, today: today, by: .commandLine("fixture"))
        let open = try await store.schools(status: .open)
        schoolURN = open[0].urn
        otherURN = open[1].urn
        schoolName = open[0].name
        var tokens: [String: String] = [:]
        var accounts: [String: AccountRecord] = [:]
        for (name, role, scope) in [
            ("admin", Role.admin, nil), ("policy", .policy, nil), ("school", .school, open[0].urn),
            ("otherSchool", .school, open[1].urn), ("corby", .licensing, "corby"),
            ("kettering", .licensing, "kettering"),
        ] as [(String, Role, String?)] {
            let made = try await safeguarding.addAccount(
                role: role, scope: scope, name: "\(name) account", by: .commandLine("fixture"))
            tokens[name] = made.token
            accounts[name] = made.account
        }
        self.tokens = tokens
        self.accounts = accounts
        portal = Portal(
            configuration: PortalConfiguration(
                safeguarding: safeguarding, sessionSeconds: sessionSeconds, secureCookies: secureCookies,
                behindProxy: behindProxy))
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    /// Runs `body` against the portal's router, as Hummingbird's tests do: every middleware, no sockets.
    func test(_ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let app = Application(router: portal.router())
        try await app.test(.router) { client in try await body(client) }
    }

    /// Gives the register's schools these names, in turn, as a new GIAS extract would.
    func renameSchools(_ names: [String]) async throws {
        let path = folder.appendingPathComponent("county/register.csv").path
        guard case .success(let rows) = CSVReader.rows(of: try String(contentsOfFile: path, encoding: .utf8)) else {
            throw Refusal.damaged("the sample's register is not CSV")
        }
        let header = rows[0].map(\.text)
        let column = header.firstIndex(of: "EstablishmentName")!
        var text = CSV.line(header)
        for (index, row) in rows.dropFirst().enumerated() {
            var fields = row.map(\.text)
            fields[column] = names[index % names.count]
            text += CSV.line(fields)
        }
        _ = try await safeguarding.importRegister(Array(text.utf8), file: "register.csv", by: .commandLine("fixture"))
            .get()
    }

    /// Stores a submission as `safeguard submit` would, a school's return in the newest round; its number.
    func stored(_ yaml: String, as form: FormDefinition, by submitter: String = "fixture") async throws -> Int64 {
        let result = try await safeguarding.submit(
            Array(yaml.utf8), file: "fixture.yaml", options: SubmitOptions(source: .file),
            by: .commandLine(submitter))
        guard case .stored(let id, _) = result.outcome else { throw Refusal.damaged("not stored: \(result.outcome)") }
        return id
    }

    /// The officers' decisions on a submission, oldest first.
    func decisions(_ id: Int64) async throws -> [OfficerDecisionRecord] {
        try await store.submissionDetail(id)?.decisions ?? []
    }

    /// A sample application from the county's files, its district and driver number changed, and any other
    /// `changes` (pattern to replacement) made.
    /// The sample is the first one the rules accept as it stands.
    func application(district: String, driverNumber: String, changes: [String: String] = [:]) throws -> String {
        let applications = folder.appendingPathComponent("county/applications")
        let validator = Validator(catalog: catalog)
        let accepted = try FileManager.default.contentsOfDirectory(atPath: applications.path).sorted().lazy.map {
            try! String(contentsOfFile: applications.appendingPathComponent($0).path, encoding: .utf8)
        }.first { validator.evaluate(Array($0.utf8), file: "sample", asOf: self.today).decision == .accepted }
        var text = try #require(accepted, "the sample has an application the rules accept")
        text = text.replacingOccurrences(
            of: #"district: [a-z-]+"#, with: "district: \(district)", options: .regularExpression)
        text = text.replacingOccurrences(
            of: #"driver_number: [A-Z0-9]+"#, with: "driver_number: \(driverNumber)", options: .regularExpression)
        for (pattern, replacement) in changes {
            text = text.replacingOccurrences(of: pattern, with: replacement, options: .regularExpression)
        }
        return text
    }

    /// A sample return from the county's files (this year's round), made the school's own: its URN, name, DfE
    /// number, phase and district as the register has them.
    func schoolReturn(urn: String) async throws -> String {
        let round = folder.appendingPathComponent("county/returns/s11-2025-26")
        let file = try FileManager.default.contentsOfDirectory(atPath: round.path).filter {
            $0.hasSuffix(".yaml") && !$0.contains("corrected")
        }.sorted()[0]
        var text = try String(contentsOfFile: round.appendingPathComponent(file).path, encoding: .utf8)
        let school = try #require(try await store.school(urn: urn))
        let district = try await store.districts().first { $0.id == school.districtID }!.slug
        for (pattern, value) in [
            (#"urn: "\d+""#, "urn: \"\(urn)\""), (#"name: "[^"]+""#, "name: \"\(school.name)\""),
            (#"dfe_number: \S+"#, "dfe_number: \(school.dfeNumber ?? "")"), (#"phase: \S+"#, "phase: \(school.phase)"),
            (#"district: \S+"#, "district: \(district)"),
        ] {
            guard let range = text.range(of: pattern, options: .regularExpression) else { continue }
            text.replaceSubrange(range, with: value)
        }
        return text
    }
}

/// The change that makes a sample application's register search find a match: a referral for the sub-committee.
let registerMatch = [
    "result: no-match": "result: match\n  match_details: \"Refused by Kettering Borough Council in 2019\""
]

/// A response as a test reads it.
struct Page {
    let status: HTTPResponse.Status
    let headers: HTTPFields
    let text: String

    /// Where a redirect goes.
    var location: String? { headers[.location] }

    /// The response's JSON, parsed.
    var json: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:]
    }
}

/// Someone at a browser: keeps the cookies the portal sets and the CSRF token of the last page, and posts forms
/// as a browser does (`application/x-www-form-urlencoded`).
struct Visitor {
    let client: any TestClientProtocol
    var cookies: [String: String] = [:]
    var csrf = ""

    init(_ client: any TestClientProtocol) {
        self.client = client
    }

    /// A visitor who has signed in with `token` on the sign-in page.
    static func signedIn(_ client: any TestClientProtocol, token: String) async throws -> Visitor {
        var visitor = Visitor(client)
        _ = try await visitor.get("/sign-in")
        let signedIn = try await visitor.post("/sign-in", ["token": token])
        #expect(signedIn.status == .seeOther, "signing in redirects home")
        _ = try await visitor.get("/")
        return visitor
    }

    /// Gets a page.
    mutating func get(_ uri: String) async throws -> Page {
        try await send(uri, method: .get, body: nil)
    }

    /// Posts a form with the page's CSRF token (unless `withCSRF` is false) and the given fields.
    mutating func post(_ uri: String, _ fields: KeyValuePairs<String, String>, withCSRF: Bool = true) async throws
        -> Page
    {
        try await post(uri, fields.map { ($0.key, $0.value) }, withCSRF: withCSRF)
    }

    /// Posts a form with the page's CSRF token (unless `withCSRF` is false) and the given fields, in order.
    mutating func post(_ uri: String, _ fields: [(String, String)], withCSRF: Bool = true) async throws -> Page {
        let all = (withCSRF ? [("csrf", csrf)] : []) + fields
        let body = all.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        return try await send(uri, method: .post, body: body)
    }

    private mutating func send(_ uri: String, method: HTTPRequest.Method, body: String?) async throws -> Page {
        var headers: HTTPFields = [:]
        if !cookies.isEmpty {
            headers[.cookie] = cookies.map { "\($0.key)=\($0.value)" }.sorted().joined(separator: "; ")
        }
        if body != nil { headers[.contentType] = "application/x-www-form-urlencoded" }
        let response = try await client.execute(
            uri: uri, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) })
        for line in response.headers[values: .setCookie] {
            let pair = line.split(separator: ";")[0].split(separator: "=", maxSplits: 1).map(String.init)
            if line.contains("Max-Age=0") || pair.count < 2 || pair[1].isEmpty {
                cookies[pair[0]] = nil
            } else {
                cookies[pair[0]] = pair[1]
            }
        }
        let page = Page(status: response.status, headers: response.headers, text: String(buffer: response.body))
        if let token = Self.hiddenCSRF(in: page.text) { csrf = token }
        return page
    }

    private static func hiddenCSRF(in html: String) -> String? {
        guard let range = html.range(of: "name=\"csrf\" value=\"") else { return nil }
        return String(html[range.upperBound...].prefix { $0 != "\"" })
    }

    private static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }
}

/// A program calling the JSON API with a bearer token.
struct APICaller {
    let client: any TestClientProtocol
    let token: String?

    /// Sends a request; the body, if any, as `type`.
    func send(
        _ method: HTTPRequest.Method, _ uri: String, body: String? = nil, type: String = "application/yaml",
        headers extra: HTTPFields = [:]
    ) async throws -> Page {
        var headers = extra
        if let token { headers[.authorization] = "Bearer \(token)" }
        if body != nil, headers[.contentType] == nil { headers[.contentType] = type }
        let response = try await client.execute(
            uri: uri, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) })
        return Page(status: response.status, headers: response.headers, text: String(buffer: response.body))
    }
}

/// The fields a person fills in on each page of a form to give the answers of a submission document: what a
/// browser posts for each input (a date's three boxes, a repeat's items and count).
enum FormFields {
    /// The posted fields of each section's page, by section id.
    static func bySection(_ yaml: String, form: FormDefinition) -> [String: [(String, String)]] {
        guard case .success(let document) = Intake.read(Array(yaml.utf8), file: "answers") else { return [:] }
        var sections: [String: [(String, String)]] = [:]
        for section in form.sections {
            var fields: [(String, String)] = []
            if let node = document.root[section.id] { add(section.fields, node, prefix: section.id, into: &fields) }
            sections[section.id] = fields
        }
        return sections
    }

    private static func add(
        _ fields: [FieldDefinition], _ node: Node, prefix: String, into out: inout [(String, String)]
    ) {
        for field in fields {
            guard let answer = node[field.id], !answer.isNull else { continue }
            let name = "\(prefix).\(field.id)"
            let text = answer.scalar?.text ?? ""
            switch field.type {
            case .repeat:
                let items = answer.items ?? []
                out.append(("\(name)#count", String(items.count)))
                for (index, item) in items.enumerated() {
                    add(field.fields, item, prefix: "\(name).\(index)", into: &out)
                }
            case .date:
                let parts = text.split(separator: "-").map(String.init)
                out += [("\(name).day", parts[2]), ("\(name).month", parts[1]), ("\(name).year", parts[0])]
            case .multiChoice:
                for item in answer.items ?? [] { out.append((name, item.scalar?.text ?? "")) }
            case .yesNo:
                out.append((name, YesNo.parse(text) == true ? "yes" : "no"))
            default:
                out.append((name, text))
            }
        }
    }
}
