import FormEngine
import Foundation
import GRDB
import Records
import StoreKinds
import TestSupport
import Testing
import UseCases

/// The naughty strings of Tests/Fixtures/naughty-strings.json.
let naughtyStrings: [String] = {
    struct Fixture: Decodable { let strings: [String] }
    let data = try! Data(contentsOf: URL(fileURLWithPath: Paths.root + "/Tests/Fixtures/naughty-strings.json"))
    return try! JSONDecoder().decode(Fixture.self, from: data).strings
}()

/// A school's return as JSON, with `text` as the answer to every text question.
func returnWithEveryText(_ text: String, urn: String) -> [UInt8] {
    let answer = JSONValue.string(text)
    let session = JSONValue.object([
        ("audience", .string("pupils")), ("year_groups", .array([.string("year-5")])),
        ("provider_type", .string("charity")), ("provider_name", answer), ("programme", answer),
        ("date", .string("2026-02-03")), ("number_reached", .number(30)), ("quality_assured", .string("yes")),
        ("quality_assured_by", answer),
    ])
    let document = JSONValue.object([
        ("form", .string("section11-school-return")),
        (
            "school",
            .object([
                ("urn", .string(urn)), ("name", answer), ("dfe_number", .string("928/2001")),
                ("phase", .string("primary")), ("type", .string("community")), ("district", .string("corby")),
                ("dsl_name", answer), ("dsl_email", .string("dsl@school.example.org")),
                ("dsl_last_training", .string("2026-01-10")), ("deputy_dsl_name", answer),
                ("deputy_dsl_last_training", .string("2025-11-10")),
                (
                    "other_deputies",
                    .array([.object([("name", answer), ("last_training", .string("2025-11-10"))])])
                ),
                ("safeguarding_governor", answer),
            ])
        ),
        ("cse", .object([("delivered", .string("yes")), ("sessions", .array([session]))])),
        ("missing", .object([("delivered", .string("yes")), ("sessions", .array([session]))])),
        (
            "staff",
            .object([("induction_covers_cse", .string("yes")), ("last_all_staff_update", .string("2026-01-05"))])
        ),
        (
            "reach",
            .object([
                ("parents_informed", .string("yes")), ("parents_how", answer), ("governors_trained", .string("no")),
            ])
        ),
        ("plans", .object([("next_year", answer), ("gaps", answer), ("support_needed", answer)])),
        (
            "declaration",
            .object([
                ("name", answer), ("role", .string("dsl")), ("date", .string("2026-09-01")),
                ("confirmed", .string("yes")),
            ])
        ),
    ])
    return Array(document.text.utf8)
}

/// The pointers of every text and long-text question of a form, repeats' items as item 0.
func textPointers(of form: FormDefinition) -> [String] {
    func walk(_ fields: [FieldDefinition], _ prefix: String) -> [String] {
        fields.flatMap { field -> [String] in
            switch field.type {
            case .repeat: return walk(field.fields, "\(prefix)/\(field.id)/0")
            case .text, .longText: return ["\(prefix)/\(field.id)"]
            default: return []
            }
        }
    }
    return form.sections.flatMap { walk($0.fields, "/\($0.id)") }
}

/// The text at a JSON Pointer in a document read by the engine's own intake (Foundation's JSON reader drops a
/// string that is a byte-order mark alone, so it cannot judge byte for byte).
func textAt(_ pointer: String, in node: Node?) -> String? {
    var current = node
    for part in pointer.split(separator: "/") {
        if let index = Int(part), let items = current?.items {
            current = index < items.count ? items[index] : nil
        } else {
            current = current?[String(part)]
        }
    }
    return current?.scalar?.text
}

@Suite("Hostile strings in every text answer: kept byte for byte, and SQL stays text")
struct HostileStringsTests {
    @Test(
        "each naughty string is stored as received, exported byte for byte as JSON Lines and raw CSV, inert in CSV",
        arguments: StoreKind.available)
    func byteForByte(_ kind: StoreKind) async throws {
        let temporary = try await TemporaryStore(kind)
        let store = temporary.store
        let form = catalog.forms["section11-school-return"]!
        let pointers = textPointers(of: form)
        #expect(pointers.count == 16, "the test puts the string in every text question the form has")
        // Stored as one batch, as `submit` stores a folder: on PostgreSQL, through `COPY`'s text format.
        var prepared: [PreparedSubmission] = []
        var received: [[UInt8]] = []
        for (index, text) in naughtyStrings.enumerated() {
            let bytes = returnWithEveryText(text, urn: String(900_000 + index))
            let evaluation = Validator(catalog: catalog).evaluate(
                bytes, file: "naughty-\(index)\t\n\\.json", asOf: Day(iso: "2026-10-01")!)
            for pointer in pointers where !text.isEmpty {
                #expect(!evaluation.findings.contains { $0.path == pointer && $0.rule == "intake.utf8" })
            }
            prepared.append(PreparedSubmission(evaluation))
            received.append(bytes)
        }
        let outcomes = try await store.store(
            prepared,
            context: SubmissionContext(
                collection: nil, source: .file, submitter: "tester\t\r\n\\", allowsUnregistered: true),
            catalog: catalog)
        var sent: [Int64: (text: String, bytes: [UInt8])] = [:]
        for (index, outcome) in outcomes.enumerated() {
            guard let id = storedID(outcome) else {
                Issue.record("\(naughtyStrings[index].debugDescription): \(outcome)")
                continue
            }
            sent[id] = (naughtyStrings[index], received[index])
            let stored = try #require(try await store.submission(id))
            #expect(Array(stored.received) == received[index], "the bytes as received")
            #expect(stored.fileName == "naughty-\(index)\t\n\\.json")
            #expect(stored.submitter == "tester\t\r\n\\")
        }
        #expect(sent.count == naughtyStrings.count)

        var lines: [String] = []
        try await temporary.cases().exportJSONLines(formID: form.id, allVersions: true, by: .commandLine("tester")) {
            lines.append($0)
        }
        #expect(lines.count == sent.count)
        for line in lines {
            guard case .success(let document) = Intake.read(Array(line.utf8), file: "export", limits: .definition)
            else {
                Issue.record("an exported line is not JSON: \(line.prefix(200))")
                continue
            }
            let id = try #require(document.root["submission"]?.scalar.flatMap { Int64($0.text) })
            let text = try #require(sent[id]?.text)
            for pointer in pointers {
                let exported = textAt(pointer, in: document.root["answers"])
                if text.trimmingWhitespace.isEmpty {
                    #expect(exported == nil, "white space alone is no answer: \(text.debugDescription)")
                } else {
                    #expect(
                        exported.map { Array($0.utf8) } == Array(text.utf8),
                        "JSON Lines \(pointer): \(text.debugDescription)")
                }
            }
        }

        let files = try await temporary.cases().exportCSV(
            formID: form.id, allVersions: true, raw: true, by: .commandLine("tester"))
        let inert = try await temporary.cases().exportCSV(
            formID: form.id, allVersions: true, by: .commandLine("tester"))
        for file in inert {
            guard case .success(let rows) = CSVReader.rows(of: file.text) else {
                Issue.record("\(file.name) is not CSV")
                continue
            }
            for cell in rows.dropFirst().flatMap({ $0 }) {
                #expect(
                    cell.text.unicodeScalars.first.map { !"=+-@\t\r".unicodeScalars.contains($0) } != false,
                    "by default no cell of \(file.name) starts as a formula: \(cell.text.debugDescription)")
            }
        }
        for formula in ["'=cmd|' /C calc'!A0", "\"'+SUM(1,2)\"", "\"'@SUM(1,2)\"", ",'-1,"] {
            #expect(inert[0].text.contains(formula), "a formula typed into a return is exported as text: \(formula)")
        }
        for file in files {
            guard case .success(let rows) = CSVReader.rows(of: file.text) else {
                Issue.record("\(file.name) is not CSV")
                continue
            }
            let header = rows[0].map(\.text)
            let idColumn = try #require(header.firstIndex(of: "submission"))
            let name = file.name
            let repeatPrefix =
                name == "\(form.id).csv"
                ? "/"
                : "/" + name.dropFirst(form.id.count + 1).dropLast(4).replacingOccurrences(of: ".", with: "/") + "/0/"
            let textColumns = header.indices.filter { column in
                pointers.contains(repeatPrefix + header[column].replacingOccurrences(of: ".", with: "/"))
            }
            #expect(!textColumns.isEmpty, "\(file.name) has text columns")
            for row in rows.dropFirst() {
                let text = try #require(Int64(row[idColumn].text).flatMap { sent[$0]?.text })
                #expect(row.count == header.count, "a row has as many fields as the header: \(text.debugDescription)")
                for column in textColumns where !text.trimmingWhitespace.isEmpty && column < row.count {
                    #expect(
                        Array(row[column].text.utf8) == Array(text.utf8),
                        "CSV \(header[column]): \(text.debugDescription)")
                }
            }
        }
    }

    @Test(
        "the facts a report reads, kept when a return is stored, come back byte for byte",
        arguments: StoreKind.available)
    func reportAnswers(_ kind: StoreKind) async throws {
        let temporary = try await TemporaryStore(kind)
        var sent: [Int64: String] = [:]
        for (index, text) in naughtyStrings.enumerated() where !text.trimmingWhitespace.isEmpty {
            let evaluation = Validator(catalog: catalog).evaluate(
                returnWithEveryText(text, urn: String(920_000 + index)), file: "n.json", asOf: Day(iso: "2026-10-01")!)
            let outcome = try await temporary.store.store(
                [PreparedSubmission(evaluation)],
                context: SubmissionContext(collection: nil, source: .file, submitter: "t", allowsUnregistered: true),
                catalog: catalog)[0]
            if let id = storedID(outcome) { sent[id] = text }
        }
        let read = try await temporary.store.latestReturns(formID: "section11-school-return", collectionID: nil)
        #expect(read.count == sent.count)
        for row in read {
            let text = try #require(sent[row.id])
            #expect(row.facts.sessions.count == 2, "\(text.debugDescription)")
            // A name is stored as the form keeps it (trimmed, one space between words): the fact holds that answer.
            let stored = try #require(try await temporary.store.submission(row.id)).bound
            let answer = StoredJSON.read(stored)?.text(at: ["school", "dsl_name"])
            #expect(row.facts.dslName.map { Array($0.utf8) } == answer.map { Array($0.utf8) })
            #expect(row.facts.cseDelivered && row.facts.missingDelivered)
            #expect(row.facts.sessions.map(\.topic) == [.cse, .missing])
            #expect(row.facts.sessions.allSatisfy { $0.yearGroups == ["year-5"] && $0.qualityAssured })
            #expect(row.facts.dslLastTraining == Day(iso: "2026-01-10"))
        }
    }

    @Test("text that looks like SQL is stored as text and touches nothing else", arguments: StoreKind.available)
    func sqlStaysText(_ kind: StoreKind) async throws {
        let temporary = try await TemporaryStore(kind)
        let store = temporary.store
        let attacks = naughtyStrings.filter {
            $0.uppercased().contains("DROP TABLE") || $0.contains("' OR '") || $0.contains("UNION SELECT")
        }
        #expect(attacks.count >= 4)
        _ = try await temporary.cases().addAccount(
            role: .policy, scope: nil, name: "policy", by: .commandLine("tester"))
        for (index, attack) in attacks.enumerated() {
            let evaluation = Validator(catalog: catalog).evaluate(
                returnWithEveryText(attack, urn: String(910_000 + index)), file: "sql.json",
                asOf: Day(iso: "2026-10-01")!)
            let id = try #require(
                storedID(
                    try await store.store(
                        [PreparedSubmission(evaluation)],
                        context: SubmissionContext(
                            collection: nil, source: .file, submitter: attack, allowsUnregistered: true),
                        catalog: catalog)[0]))
            let stored = try #require(try await store.submission(id))
            #expect(stored.submitter == attack)
            let history = try await temporary.cases().history(of: stored.subjectKey, by: .commandLine(attack))
            #expect(history.count == 1)
        }
        #expect(try await store.accounts().count == 1, "the account table is still there, as it was")
        #expect(try await store.latestSubmissionIDs(formID: nil).count == attacks.count)
        #expect(try await store.auditLog(since: nil).contains { $0.actor == attacks[0] && $0.action == .submit })
    }
}
