import FormEngine
import Records

/// The use cases that need the forms and rules but no store: checking files, and running the rule sets' tests.
public struct Checking: Sendable {
    /// The forms and rule sets.
    public let catalog: FormCatalog
    private let validator: Validator

    /// The use cases over a catalog.
    public init(catalog: FormCatalog) {
        self.catalog = catalog
        validator = Validator(catalog: catalog)
    }

    /// Checks files on every core, turning each evaluation into what the caller prints on the core that made it,
    /// and hands a chunk at a time to `eachChunk` in the order of `paths`. `formID`, when given, is the form
    /// files that name none answer; a file that names another is refused. `explaining`: whether rule findings carry
    /// the values their checks read (what JSON shows and text does not).
    public func validate<Output: Sendable>(
        files paths: [String], asOf: Day, formID: String?, explaining: Bool = true,
        transform: @escaping @Sendable (Evaluation) -> Output, eachChunk: ([Output]) async throws -> Void
    ) async throws {
        if let formID, catalog.forms[formID] == nil {
            throw Refusal.noSuchForm(formID, known: catalog.forms.keys.sorted())
        }
        try await Validator(catalog: catalog, explainingRules: explaining).evaluate(
            paths: paths, asOf: asOf, formID: formID, transform: transform, eachChunk: eachChunk)
    }

    /// Runs the tests of every rule set, in the order of their forms' ids.
    public func ruleTests() -> [RuleTestReport] {
        catalog.ruleSets.keys.sorted().compactMap { validator.runTests(forForm: $0) }
    }
}
