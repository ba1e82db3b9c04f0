import FormEngine
import Foundation
import Records
import StoreKinds
import TestSupport
import Testing
import UseCases

@Suite("Version 2 of each form: version 1's submissions stay readable, exportable, replayable")
struct FormVersionsTests {
    /// The forms and rules as version 1 shipped them.
    static let versionOne: FormCatalog = try! FormCatalog.load(
        formsDirectory: Paths.root + "/Tests/Fixtures/version-1/Forms",
        rulesDirectory: Paths.root + "/Tests/Fixtures/version-1/Rules"
    ).get()

    /// Oakfield's return as version 1 asked it: without the deputy DSL's training and the sessions' topics.
    static func oakfieldAsVersionOne() throws -> String {
        try String(contentsOfFile: Paths.examples + "/returns/oakfield-primary.yaml", encoding: .utf8)
            .replacingOccurrences(of: "  deputy_dsl_last_training: 2024-11-05\n", with: "")
            .replacingOccurrences(
                of: "    - topic: online-safety-and-sharing-images\n      audience:", with: "    - audience:")
    }

    @Test("the fixture is version 1, and today's forms are version 2")
    func versions() {
        #expect(Self.versionOne.forms.values.map(\.version).sorted() == ["1", "1"])
        #expect(catalog.forms.values.map(\.version).sorted() == ["2", "2"])
    }

    @Test(
        "a version 1 return and application: history, export across versions, replay and revalidation under version 2",
        arguments: StoreKind.available)
    func versionOneUnderVersionTwo(_ kind: StoreKind) async throws {
        let county = try await TemporaryCounty(kind)
        try await county.importRegister()
        try await county.openCollection()
        let oldReturn = try #require(
            storedID(try await county.submit(text: try Self.oakfieldAsVersionOne(), catalog: Self.versionOne)))
        let application = try String(
            contentsOfFile: Paths.examples + "/applications/amir-patel-renewal.yaml", encoding: .utf8)
        let oldApplication = try #require(
            storedID(try await county.submit(text: application, asOf: "2026-10-20", catalog: Self.versionOne)))
        let newReturn = try #require(storedID(try await county.submit(example: "returns/oakfield-primary.yaml")))

        // Readable: the school's history holds both versions, each with the form version it was made on.
        let history = try await county.cases().history(of: "121734", by: tester)
        #expect(history.map(\.submission.id) == [oldReturn, newReturn])
        #expect(history.map(\.submission.formVersion) == ["1", "2"])

        // Exportable: one table across versions, version 2's new answers empty in version 1's row.
        let files = try await county.cases().exportCSV(
            formID: "section11-school-return", allVersions: true, by: .commandLine("officer"))
        let rows = String(files[0].text.dropFirst()).components(separatedBy: "\r\n").filter { !$0.isEmpty }
            .map { $0.components(separatedBy: ",") }
        let training = try #require(rows[0].firstIndex(of: "school.deputy_dsl_last_training"))
        #expect(rows.dropFirst().map { $0[1] } == ["1", "2"])
        #expect(rows[1][training] == "" && rows[2][training] == "2024-11-05")
        let sessions = String(files[1].text.dropFirst()).components(separatedBy: "\r\n")
        let topic = try #require(sessions[0].components(separatedBy: ",").firstIndex(of: "topic"))
        #expect(sessions[1].components(separatedBy: ",")[topic] == "", "version 1's first session has no topic")
        #expect(
            sessions.contains { $0.components(separatedBy: ",")[safe: topic] == "online-safety-and-sharing-images" })

        // Replayable: version 1's evaluations replay with version 1's stored definitions, whatever Forms/ says now.
        for stored in try await county.store.storedEvaluations(submissionIDs: [oldReturn, oldApplication]) {
            let replay = try await county.cases().replay(evaluationID: stored.evaluation.id!, by: tester)
            #expect(replay.matches, "submission \(stored.submission.id!)")
            #expect(replay.replayed.form?.version == "1")
        }

        // Version 2 only adds questions: today's forms decide version 1's answers as version 1 did. (Revalidation
        // takes each subject's latest version: a second school's return, and the application, are version 1's.)
        let hillcrest = try String(contentsOfFile: Paths.examples + "/returns/hillcrest-junior.json", encoding: .utf8)
        let otherSchool = try #require(storedID(try await county.submit(text: hillcrest, catalog: Self.versionOne)))
        let schools = try await county.cases().revalidate(
            formID: "section11-school-return", asOf: Day(iso: "2026-07-20")!, by: .commandLine("officer"))
        let drivers = try await county.cases().revalidate(
            formID: "taxi-driver-application", asOf: Day(iso: "2026-10-20")!, by: .commandLine("officer"))
        #expect(schools.evaluated == 2 && drivers.evaluated == 1)
        for report in [schools, drivers] {
            #expect(report.newlyRejected.isEmpty && report.newlyAccepted.isEmpty && report.otherDecisionChanges.isEmpty)
        }
        #expect(!schools.findingsChanged.contains { $0.submissionID == otherSchool })
    }
}

extension Array {
    /// The element at `index`, or nil past the end.
    fileprivate subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
