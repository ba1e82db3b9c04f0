import FormEngine
import Foundation
import TestSupport
import Testing

@Suite("Loading the folders of forms and rules")
struct FormCatalogTests {
    @Test("a copy holds the same forms and rule sets as objects of its own, and checks every example alike")
    func copy() throws {
        let copied = catalog.copy()
        #expect(copied.forms.keys.sorted() == catalog.forms.keys.sorted())
        #expect(copied.ruleSets.keys.sorted() == catalog.ruleSets.keys.sorted())
        for (id, form) in catalog.forms {
            #expect(copied.forms[id] !== form, "\(id)")
            #expect(copied.forms[id]?.hash == form.hash, "\(id)")
        }
        for (id, ruleSet) in catalog.ruleSets {
            #expect(copied.ruleSets[id] !== ruleSet, "\(id)")
            #expect(copied.ruleSets[id]?.hash == ruleSet.hash, "\(id)")
            #expect(copied.ruleSets[id]?.rules.map(\.id) == ruleSet.rules.map(\.id), "\(id)")
        }
        let asOf = Day(iso: "2026-07-15")!
        for folder in ["applications", "returns"] {
            for name in try FileManager.default.contentsOfDirectory(atPath: Paths.examples + "/" + folder) {
                let path = Paths.examples + "/\(folder)/\(name)"
                let original = Validator(catalog: catalog).evaluate(path: path, asOf: asOf)
                let fromCopy = Validator(catalog: copied).evaluate(path: path, asOf: asOf)
                #expect(fromCopy.findings == original.findings, "\(name)")
                #expect(fromCopy.text() == original.text(), "\(name)")
            }
        }
    }

    @Test("two files defining one form are both named")
    func definedTwice() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("catalog-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let form = try String(contentsOfFile: Paths.forms + "/taxi-driver-application.yaml", encoding: .utf8)
        try form.write(
            to: folder.appendingPathComponent("taxi-driver-application.yaml"), atomically: true, encoding: .utf8)
        try form.write(
            to: folder.appendingPathComponent("taxi-driver-application.yml"), atomically: true, encoding: .utf8)
        guard case .failure(let errors) = FormCatalog.load(formsDirectory: folder.path) else {
            Issue.record("two definitions of one form loaded")
            return
        }
        #expect(
            errors.problems.map(\.message).contains {
                $0.hasPrefix("The forms for 'taxi-driver-application' are defined twice")
            })
    }

    @Test("an empty forms folder and a missing rules folder are named")
    func emptyAndMissing() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("catalog-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        guard case .failure(let empty) = FormCatalog.load(formsDirectory: folder.path) else {
            Issue.record("an empty folder loaded")
            return
        }
        #expect(empty.problems.map(\.message) == ["There are no form definitions (.yaml files) in this folder."])
        guard
            case .failure(let missing) = FormCatalog.load(
                formsDirectory: Paths.forms, rulesDirectory: folder.path + "/none")
        else {
            Issue.record("a missing rules folder loaded")
            return
        }
        #expect(
            missing.problems.map(\.message) == [
                "The rules folder cannot be read: no such file or folder. Give the right folder with --rules."
            ])
    }
}
