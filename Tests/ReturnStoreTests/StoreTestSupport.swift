import FormEngine
import Foundation
import ReturnStore
import Testing

/// The repository's folders, found from this file.
enum Paths {
    static let root: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/")
    }()
    static var examples: String { root + "/Examples" }
}

/// The project's forms and rules.
let catalog: FormCatalog = try! FormCatalog.load(
    formsDirectory: Paths.root + "/Forms", rulesDirectory: Paths.root + "/Rules"
).get()

/// A store in a new temporary folder, removed when the test ends.
final class TemporaryStore {
    let folder: URL
    let store: ReturnStore

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        store = try ReturnStore.open(path: folder.appendingPathComponent("test.sqlite").path)
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    /// Imports the example register.
    func importRegister() throws {
        let bytes = try FileBytes.read(Paths.examples + "/register/gias-extract.csv").get().bytes
        _ = try store.importRegister(
            bytes, file: "gias.csv", schoolForm: catalog.forms["section11-school-return"]!, actor: "test"
        ).get()
    }

    /// Opens the 2025/26 collection.
    func openCollection() throws -> CollectionRecord {
        try store.openCollection(
            name: "s11-2025-26", formID: "section11-school-return", periodStart: Day(iso: "2025-09-01")!,
            periodEnd: Day(iso: "2026-08-31")!, due: Day(iso: "2026-09-30")!, actor: "test")
    }

    /// Validates an example (or text) and stores it.
    @discardableResult
    func submit(
        example: String? = nil, text: String? = nil, collection: CollectionRecord? = nil, asOf: String = "2026-07-20",
        catalog: FormCatalog = catalog, allowsUnregistered: Bool = false
    ) throws -> StoreOutcome {
        let bytes =
            try example.map { try FileBytes.read(Paths.examples + "/" + $0).get().bytes } ?? Array((text ?? "").utf8)
        let parameters = collection?.ruleParameters ?? [:]
        let evaluation = Validator(catalog: catalog).evaluate(
            bytes, file: example ?? "text.yaml", asOf: Day(iso: asOf)!, parameters: parameters)
        let context = SubmissionContext(
            collection: collection, source: "file", submitter: "tester", allowsUnregistered: allowsUnregistered)
        return try store.store([evaluation], context: context, catalog: catalog, parameters: parameters)[0]
    }
}

/// The submission number of a stored outcome, or a recorded issue.
func storedID(_ outcome: StoreOutcome, sourceLocation: SourceLocation = #_sourceLocation) -> Int64? {
    guard case .stored(let id, _) = outcome else {
        Issue.record("not stored: \(outcome)", sourceLocation: sourceLocation)
        return nil
    }
    return id
}

/// The project's catalog with one rule parameter changed, as a policy officer would change it.
func catalogWith(rules formID: String, replacing original: String, with replacement: String) throws -> FormCatalog {
    let path = Paths.root + "/Rules/\(formID).rules.yaml"
    let text = try String(contentsOfFile: path, encoding: .utf8)
    let changed = text.replacingOccurrences(of: original, with: replacement)
    #expect(changed != text, "the rule file does not contain '\(original)'")
    let ruleSet = try RuleSet.load(bytes: Array(changed.utf8), file: path, forms: catalog.forms, includingTests: false)
        .get()
    var ruleSets = Array(catalog.ruleSets.values.filter { $0.formID != formID })
    ruleSets.append(ruleSet)
    return FormCatalog(forms: Array(catalog.forms.values), ruleSets: ruleSets)
}
