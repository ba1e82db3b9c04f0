import FormEngine
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Records
import SQLiteStore
import TestSupport
import Testing
import UseCases
import WebPortal

@Suite("The command line and the API decide, find and store alike")
struct DoorsAgreeTests {
    /// The files sent through both doors: a school's return with mistakes, and an application to refer.
    static let files = ["Examples/returns/riverside-broken.yaml", "Examples/applications/carl-mason-refer.json"]

    /// A database in `folder` with the example register, the 2025/26 round, and (for the API) the accounts that send
    /// the files; their tokens.
    static func county(_ folder: URL, name: String) throws -> [String] {
        let database = folder.appendingPathComponent(name).path
        func run(_ arguments: [String]) throws -> CommandResult {
            let result = try Safeguard.run(arguments + ["--database", database])
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            return result
        }
        _ = try run(["register", "import", "Examples/register/gias-extract.csv"])
        _ = try run([
            "collection", "open", "s11-2025-26", "--form", "section11-school-return", "--period-start", "2025-09-01",
            "--period-end", "2026-08-31", "--due", "2026-09-30",
        ])
        return try [("school", "137455"), ("licensing", "Northampton")].map { role, scope in
            let added = try run(["users", "add", "--role", role, "--scope", scope])
            return String(try #require(added.stdout.split(separator: "\n").last))
        }
    }

    /// A finding as stored, without where its rule is defined (a path relative to where each door loaded the rules).
    static func comparable(_ finding: FindingRecord) throws -> NSDictionary {
        var detail = try #require(
            try JSONSerialization.jsonObject(with: Data(finding.detail.utf8)) as? [String: Any])
        let location = detail.removeValue(forKey: "rule_location") as? String
        #expect(location?.contains(".yaml:") != false, "a rule file's or a form's line")
        return detail as NSDictionary
    }

    @Test("the same files through submit and POST /api/v1/submissions: the same decisions, findings and records")
    func sameRecord() async throws {
        let folder = try Safeguard.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try Self.county(folder, name: "cli.sqlite")
        let submitted = try Safeguard.run(
            ["submit", "--as-of", "2026-10-20", "--database", folder.appendingPathComponent("cli.sqlite").path]
                + Self.files)
        #expect(submitted.status == 1, "the return is rejected, and stored")
        #expect(
            submitted.stdout.contains("stored as submission 1") && submitted.stdout.contains("stored as submission 2"))

        let tokens = try Self.county(folder, name: "api.sqlite")
        let store = try SQLiteStore.open(path: folder.appendingPathComponent("api.sqlite").path)
        let catalog = try FormCatalog.load(
            formsDirectory: Paths.root + "/Forms", rulesDirectory: Paths.root + "/Rules"
        ).get()
        let safeguarding = Safeguarding(store: store, catalog: catalog, today: { Day(iso: "2026-10-20")! })
        let app = Application(router: Portal(configuration: PortalConfiguration(safeguarding: safeguarding)).router())
        let bodies = try await app.test(.router) { client in
            var bodies: [String] = []
            for (file, token) in zip(Self.files, tokens) {
                let response = try await client.execute(
                    uri: "/api/v1/submissions", method: .post,
                    headers: [
                        .authorization: "Bearer \(token)",
                        .contentType: file.hasSuffix(".json") ? "application/json" : "application/yaml",
                    ],
                    body: ByteBuffer(bytes: try FileBytes.read(Paths.root + "/" + file).get().bytes))
                #expect(response.status == .created, "\(file)")
                bodies.append(String(buffer: response.body))
            }
            return bodies
        }
        let answers = try bodies.map { body in
            let json = try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any]
            return (json?["submissions"] as? [[String: Any]])?.first ?? [:]
        }
        #expect(answers.map { $0["decision"] as? String } == ["rejected", "referred"])

        let cli = try SQLiteStore.open(path: folder.appendingPathComponent("cli.sqlite").path)
        for id: Int64 in [1, 2] {
            let a = try #require(try await cli.submissionDetail(id))
            let b = try #require(try await store.submissionDetail(id))
            #expect(a.record.received == b.record.received, "the bytes as received")
            #expect(a.record.bound == b.record.bound, "the answers as bound")
            #expect(
                [
                    a.record.subjectKind.rawValue, a.record.subjectKey, a.record.district, a.record.formID,
                    a.record.formVersion, a.record.formHash,
                ]
                    == [
                        b.record.subjectKind.rawValue, b.record.subjectKey, b.record.district, b.record.formID,
                        b.record.formVersion, b.record.formHash,
                    ])
            #expect(a.record.collectionID == b.record.collectionID && a.collection == b.collection)
            #expect(a.record.receivedAt.prefix(10) == b.record.receivedAt.prefix(10))
            #expect((a.record.source, b.record.source) == (.file, .api), "each door records where it came from")
            #expect(
                [a.evaluation.formHash, a.evaluation.ruleSetHash, a.evaluation.parameters, a.evaluation.asOf]
                    == [b.evaluation.formHash, b.evaluation.ruleSetHash, b.evaluation.parameters, b.evaluation.asOf])
            #expect(a.evaluation.decision == b.evaluation.decision)
            #expect(a.findings.count == b.findings.count && !a.findings.isEmpty)
            for (x, y) in zip(a.findings, b.findings) {
                #expect(
                    [x.rule, x.severity.rawValue, x.path, x.message] == [
                        y.rule, y.severity.rawValue, y.path, y.message,
                    ])
                #expect(x.line == y.line && x.column == y.column)
                #expect(try Self.comparable(x) == Self.comparable(y), "\(x.rule)")
            }
            let findings = answers[Int(id) - 1]["findings"] as? [[String: Any]] ?? []
            #expect(findings.map { $0["rule"] as? String } == a.findings.map(\.rule), "the API answers what was stored")
        }
    }
}
