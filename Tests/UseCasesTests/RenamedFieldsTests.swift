import FormEngine
import Foundation
import GapReports
import Records
import SQLiteStore
import SampleCounty
import TestSupport
import Testing
import UseCases

@Suite("A policy officer renames fields: every figure still reads the right answer")
struct RenamedFieldsTests {
    /// Fields the reports read, each renamed as a policy officer might: the old id, the new.
    static let renames = [
        ("parents_informed", "parents_told"), ("governors_trained", "governors_taught"), ("audience", "who_for"),
        ("dsl_last_training", "dsl_trained_on"), ("last_all_staff_update", "whole_staff_updated"),
        ("issue_date", "issued_on"), ("searched", "looked_up"), ("full_name", "legal_name"),
    ]

    /// Renames each id wherever it stands as a name of its own (not inside another name such as a rule's id
    /// `taxi.register-not-searched` or the meaning `session-audience`).
    static func renamed(_ text: String) -> String {
        renames.reduce(text) { text, rename in
            text.replacingOccurrences(
                of: "(?<![-\\w])\(rename.0)(?![-\\w])", with: rename.1, options: .regularExpression)
        }
    }

    /// Copies every file under `from` to `to`, renaming the ids in each YAML file.
    static func copyRenaming(_ from: URL, to: URL) throws {
        let files = FileManager.default.enumerator(at: from, includingPropertiesForKeys: [.isRegularFileKey])
        while let file = files?.nextObject() as? URL {
            guard (try file.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true else { continue }
            let target = to.appendingPathComponent(String(file.path.dropFirst(from.path.count)))
            try FileManager.default.createDirectory(
                at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            var data = try Data(contentsOf: file)
            if file.pathExtension == "yaml" { data = Data(renamed(String(decoding: data, as: UTF8.self)).utf8) }
            try data.write(to: target)
        }
    }

    /// Every format of a report, by name.
    static func renderings(_ document: ReportDocument) -> [String: String] {
        var files = [
            "txt": TextRenderer.render(document), "md": MarkdownRenderer.render(document),
            "json": JSONRenderer.render(document), "html": HTMLRenderer.render(document),
        ]
        for file in CSVRenderer.files(document) { files[file.name] = file.text }
        return files
    }

    @Test("forms, rules, returns and applications renamed alike: both reports the same in every format")
    func reportsUnchanged() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("renamed-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let options = SampleCounty.Options(schools: 60, drivers: 120, seed: 11)
        let county = folder.appendingPathComponent("county")
        try SampleCounty.generate(options, into: county.path)
        for part in ["Forms", "Rules"] {
            try Self.copyRenaming(
                URL(fileURLWithPath: Paths.root + "/" + part), to: folder.appendingPathComponent("renamed/" + part))
        }
        try Self.copyRenaming(county, to: folder.appendingPathComponent("renamed/county"))
        let renamedForm = try String(
            contentsOf: folder.appendingPathComponent("renamed/Forms/section11-school-return.yaml"), encoding: .utf8)
        #expect(renamedForm.contains("{id: parents_told, type: yes-no"), "the field is renamed")
        #expect(renamedForm.contains("parents-informed: reach.parents_told"), "and its meaning follows it")
        #expect(renamedForm.contains("session-audience: who_for"))
        let renamedCatalog = try FormCatalog.load(
            formsDirectory: folder.appendingPathComponent("renamed/Forms").path,
            rulesDirectory: folder.appendingPathComponent("renamed/Rules").path
        ).get()

        func reports(catalog: FormCatalog, county: URL, name: String) async throws
            -> (load: SampleLoad, documents: [ReportDocument])
        {
            let store = try SQLiteStore.open(path: folder.appendingPathComponent("\(name).sqlite").path)
            let cases = Safeguarding(store: store, catalog: catalog, today: { options.asOf })
            let load = try await cases.loadSample(from: county.path, today: options.asOf, by: tester)
            let asOf = ReportOptions(asOf: options.asOf, format: "test")
            return (
                load,
                [
                    try await cases.report(.schools, options: asOf, by: tester),
                    try await cases.report(.licensing, options: asOf, by: tester),
                ]
            )
        }
        let original = try await reports(catalog: catalog, county: county, name: "original")
        let renamed = try await reports(
            catalog: renamedCatalog, county: folder.appendingPathComponent("renamed/county"), name: "renamed")
        #expect(original.load.refused == 0, "every file is stored")
        #expect(renamed.load == original.load, "the same files stored, decisions and checks recorded")
        for (before, after) in zip(original.documents, renamed.documents) {
            let (a, b) = (Self.renderings(before), Self.renderings(after))
            #expect(a.keys.sorted() == b.keys.sorted())
            for name in a.keys.sorted() { #expect(a[name] == b[name], "\(before.id) as \(name)") }
        }

        // The renamed answers are read, not missed: the measures made from them are neither none nor all.
        let store = try SQLiteStore.open(path: folder.appendingPathComponent("renamed.sqlite").path)
        let schools = try await SchoolsAnalysis.make(
            store: store, catalog: renamedCatalog, collection: nil, asOf: options.asOf, today: options.asOf)
        for (measure, count) in [
            ("parents", schools.total.parents), ("governors", schools.total.governors),
            ("DSL in date", schools.total.dslInDate), ("staff update", schools.total.staffUpdateInDate),
            ("pupil CSE", schools.total.pupilCSE.part),
        ] {
            #expect(count > 0 && count < schools.total.usable, "\(measure): \(count) of \(schools.total.usable)")
        }
        let licensing = try await LicensingAnalysis.make(store: store, catalog: renamedCatalog, asOf: options.asOf)
        #expect(licensing.total.registerSearched > 0 && licensing.total.registerSearched < licensing.total.drivers)
        #expect(licensing.drivers.allSatisfy { $0.dbsDue != nil && !$0.driver.isEmpty })
    }
}
