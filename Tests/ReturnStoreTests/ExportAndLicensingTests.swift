import FormEngine
import Foundation
import ReturnStore
import Testing

@Suite("Export across form versions")
struct ExportTests {
    /// The school form as version 2: a new question, and a question dropped.
    static func versionTwo() throws -> FormCatalog {
        let path = Paths.root + "/Forms/section11-school-return.yaml"
        var text = try String(contentsOfFile: path, encoding: .utf8)
        text = text.replacingOccurrences(of: "version: \"1\"", with: "version: \"2\"")
        text = text.replacingOccurrences(
            of: "      - {id: deputy_dsl_name, type: text, label: Name of the deputy DSL, max-length: 200}\n",
            with: "      - {id: deputy_dsl_trained, type: yes-no, label: Has the deputy DSL had formal training?}\n")
        let form = try FormDefinition.load(bytes: Array(text.utf8), file: path).get()
        let rules = try RuleSet.load(
            bytes: catalog.ruleSets["section11-school-return"]!.bytes, file: "section11-school-return.rules.yaml",
            forms: [form.id: form], includingTests: false
        ).get()
        return FormCatalog(forms: [form, catalog.forms["taxi-driver-application"]!], ruleSets: [rules])
    }

    @Test("CSV columns span both versions, with a form_version column; repeats go in their own files")
    func csvAcrossVersions() throws {
        let temporary = try TemporaryStore()
        try temporary.importRegister()
        _ = try temporary.submit(example: "returns/oakfield-primary.yaml")
        let v2 = try Self.versionTwo()
        let text = try String(contentsOfFile: Paths.examples + "/returns/hillcrest-junior.json", encoding: .utf8)
            .replacingOccurrences(
                of: "\"safeguarding_governor\"", with: "\"deputy_dsl_trained\": \"yes\", \"safeguarding_governor\"")
        _ = try temporary.submit(text: text, catalog: v2)
        let folder = temporary.folder.appendingPathComponent("export").path
        let files = try temporary.store.exportCSV(
            form: v2.forms["section11-school-return"]!, allVersions: false, actor: "officer", directory: folder)
        #expect(
            files.map { URL(fileURLWithPath: $0).lastPathComponent } == [
                "section11-school-return.csv", "section11-school-return.cse.sessions.csv",
                "section11-school-return.missing.sessions.csv",
            ])
        let main = try String(contentsOfFile: files[0], encoding: .utf8).components(separatedBy: "\r\n")
        let header = main[0].components(separatedBy: ",")
        #expect(
            header.prefix(7) == [
                "submission", "form_version", "subject", "collection", "district", "received_at", "decision",
            ])
        #expect(header.contains("school.deputy_dsl_trained"), "version 2's question")
        #expect(header.contains("school.deputy_dsl_name"), "version 1's question, which version 2 dropped")
        #expect(header.firstIndex(of: "school.deputy_dsl_trained")! < header.firstIndex(of: "school.deputy_dsl_name")!)
        let rows = main.dropFirst().filter { !$0.isEmpty }.map { $0.components(separatedBy: ",") }
        #expect(rows.map { $0[1] } == ["1", "2"])
        let deputy = header.firstIndex(of: "school.deputy_dsl_name")!
        let trained = header.firstIndex(of: "school.deputy_dsl_trained")!
        #expect(rows[0][deputy] == "Tom Reid" && rows[0][trained] == "")
        #expect(rows[1][deputy] == "" && rows[1][trained] == "yes")
        let sessions = try String(contentsOfFile: files[1], encoding: .utf8).components(separatedBy: "\r\n")
        #expect(
            sessions[0]
                == "submission,item,audience,year_groups,provider_type,provider_name,programme,date,number_reached,quality_assured,quality_assured_by"
        )
        #expect(
            sessions[1]
                == "1,1,pupils,year-5; year-6,police,The RISE team,Keeping safe online,2026-02-10,58,yes,The DSL observed and reviewed pupil feedback"
        )
        #expect(try temporary.store.auditLog().last?.detail == "CSV, 2 submissions")
    }

    @Test("JSON Lines: one object a submission, with its answers as bound; every version on request")
    func jsonLines() throws {
        let temporary = try TemporaryStore()
        try temporary.importRegister()
        _ = try temporary.submit(example: "returns/riverside-broken.yaml")
        _ = try temporary.submit(example: "returns/riverside-corrected.yaml")
        var latest: [String] = []
        try temporary.store.exportJSONLines(formID: nil, allVersions: false, actor: "t") { latest.append($0) }
        #expect(latest.count == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(latest[0].utf8)) as? [String: Any])
        #expect(object["submission"] as? Int == 2)
        #expect(object["supersedes"] as? Int == 1)
        #expect(object["decision"] as? String == "accepted")
        #expect(
            ((object["answers"] as? [String: Any])?["school"] as? [String: Any])?["dsl_last_training"] as? String
                == "2025-03-14")
        var all: [String] = []
        try temporary.store.exportJSONLines(formID: "section11-school-return", allVersions: true, actor: "t") {
            all.append($0)
        }
        #expect(all.count == 2)
        #expect(all.allSatisfy { $0.hasSuffix("}\n") && !$0.dropLast().contains("\n") })
    }
}

@Suite("Licensing records")
struct LicensingTests {
    @Test("a grant is recorded with its dates; an incomplete or replaced application cannot be granted")
    func decisions() throws {
        let temporary = try TemporaryStore()
        let ready = try #require(
            storedID(try temporary.submit(example: "applications/amir-patel-renewal.yaml", asOf: "2026-10-20")))
        let incomplete = try #require(
            storedID(try temporary.submit(example: "applications/beth-jones-incomplete.yaml", asOf: "2026-10-20")))
        let start = Day(iso: "2026-11-01")!
        let end = Day(iso: "2029-10-31")!
        let granted = try temporary.store.decide(
            submissionID: ready, outcome: .grant, licenceStart: start, licenceEnd: end, note: nil, actor: "o")
        #expect(granted.licenceEnd == "2029-10-31" && granted.decidedBy == "o")
        #expect(throws: StoreError.self) {
            try temporary.store.decide(
                submissionID: incomplete, outcome: .grant, licenceStart: start, licenceEnd: end, note: nil, actor: "o")
        }
        let refused = try temporary.store.decide(
            submissionID: incomplete, outcome: .refuse, licenceStart: nil, licenceEnd: nil, note: "Incomplete",
            actor: "o")
        #expect(refused.outcome == "refuse")
        #expect(throws: StoreError.self) {
            try temporary.store.decide(
                submissionID: ready, outcome: .grant, licenceStart: nil, licenceEnd: nil, note: nil, actor: "o")
        }
        _ = try temporary.submit(example: "applications/amir-patel-renewal.yaml", asOf: "2026-10-21")
        do {
            _ = try temporary.store.decide(
                submissionID: ready, outcome: .refuse, licenceStart: nil, licenceEnd: nil, note: nil, actor: "o")
            Issue.record("a replaced application was decided")
        } catch let error as StoreError {
            #expect(
                error.message == "Submission \(ready) has been replaced by submission 3: decide on the latest version.")
        }
        #expect(try temporary.store.decisions(onSubmission: incomplete).map(\.outcome) == ["refuse"])
    }

    @Test("Update Service checks are kept per driver; an unknown driver is refused")
    func dbsChecks() throws {
        let temporary = try TemporaryStore()
        _ = try temporary.submit(example: "applications/amir-patel-renewal.yaml", asOf: "2026-10-20")
        _ = try temporary.store.recordDBSCheck(
            driverNumber: "PATEL702238AP9AB", checkedOn: Day(iso: "2026-11-15")!, result: .noChange, note: nil,
            actor: "o")
        _ = try temporary.store.recordDBSCheck(
            driverNumber: "PATEL702238AP9AB", checkedOn: Day(iso: "2027-05-15")!, result: .newInformation, note: "Ask",
            actor: "o")
        #expect(
            try temporary.store.dbsChecks(driverNumber: "PATEL702238AP9AB").map(\.result) == [
                "no-change", "new-information",
            ])
        #expect(throws: StoreError.self) {
            try temporary.store.recordDBSCheck(
                driverNumber: "JONES957309BA9XY", checkedOn: Day(iso: "2026-11-15")!, result: .noChange, note: nil,
                actor: "o")
        }
    }
}
