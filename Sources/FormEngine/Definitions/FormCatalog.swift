/// Every form (and its rule set) the project defines, loaded from the `Forms/` and `Rules/` folders.
public struct FormCatalog: Sendable {
    /// The forms, by id.
    public let forms: [String: FormDefinition]
    /// The rule sets, by the id of their form.
    public let ruleSets: [String: RuleSet]

    /// Creates a catalog from loaded forms and rule sets.
    public init(forms: [FormDefinition], ruleSets: [RuleSet] = []) {
        self.forms = Dictionary(forms.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.ruleSets = Dictionary(ruleSets.map { ($0.formID, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The same forms and rule sets made again from their bytes, sharing no object with this catalog: cores that
    /// check files at once, each with a copy of its own, do not contend for the reference counts of one set of
    /// shared definitions (with one set, a tenth of validating's CPU time went to that on two cores). The rule
    /// sets' tests are left out: checking a file does not run them. A definition that loaded once loads again;
    /// were one not to, it is kept shared.
    public func copy() -> FormCatalog {
        let copiedForms = forms.values.map { form in
            (try? FormDefinition.load(bytes: form.bytes, file: form.file).get()) ?? form
        }
        let byID = Dictionary(copiedForms.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let copiedRuleSets = ruleSets.values.map { ruleSet in
            (try? RuleSet.load(bytes: ruleSet.bytes, file: ruleSet.file, forms: byID, includingTests: false).get())
                ?? ruleSet
        }
        return FormCatalog(forms: copiedForms, ruleSets: copiedRuleSets)
    }

    /// Loads every form in `formsDirectory` and every rule set in `rulesDirectory`, reporting every problem
    /// in every file at once. A rule set is checked against its form, so it is skipped when its form is broken.
    public static func load(formsDirectory: String, rulesDirectory: String) -> Result<FormCatalog, DefinitionErrors> {
        let forms: FormCatalog
        switch load(formsDirectory: formsDirectory) {
        case .failure(let errors): return .failure(errors)
        case .success(let loaded): forms = loaded
        }
        let ruleSets = loadFolder(rulesDirectory, what: "rules", key: \RuleSet.formID) { bytes, path in
            RuleSet.load(bytes: bytes, file: path, forms: forms.forms)
        }
        return ruleSets.map { FormCatalog(forms: Array(forms.forms.values), ruleSets: $0) }
    }

    /// Loads every form in `formsDirectory`, reporting every problem in every file at once.
    public static func load(formsDirectory: String) -> Result<FormCatalog, DefinitionErrors> {
        let forms = loadFolder(formsDirectory, what: "forms", key: \FormDefinition.id) { bytes, path in
            FormDefinition.load(bytes: bytes, file: path)
        }
        if case .success(let loaded) = forms, loaded.isEmpty {
            return .failure(
                DefinitionErrors([
                    DefinitionProblem(
                        mark: SourceMark(file: formsDirectory, line: 1, column: 1),
                        message: "There are no form definitions (.yaml files) in this folder.")
                ]))
        }
        if case .success(let loaded) = forms {
            let missing = loaded.flatMap(undeclaredMeanings)
            if !missing.isEmpty { return .failure(DefinitionErrors(missing)) }
        }
        return forms.map { FormCatalog(forms: $0) }
    }

    /// A problem for each meaning of its subject that a form does not name a field for: what Safeguard's code
    /// reads would otherwise be read from nowhere, and every figure made from it would be wrong without a word.
    private static func undeclaredMeanings(of form: FormDefinition) -> [DefinitionProblem] {
        Meaning.allCases.filter { $0.subject == form.subject && !$0.isOptional && !form.meanings.declares($0) }.map {
            meaning in
            let what = meaning.isItem ? "<the field of each sessions repeat>" : "<section.field>"
            return DefinitionProblem(
                mark: form.meanings.mark,
                message:
                    "The form does not say which field answers '\(meaning.rawValue)', which \(meaning.reader) reads: "
                    + "add '\(meaning.rawValue): \(what)' under 'meanings'.")
        }
    }

    /// Loads each YAML file of a folder, collecting every problem, and refuses two definitions with one key.
    private static func loadFolder<Definition>(
        _ directory: String, what: String, key: KeyPath<Definition, String>,
        load: ([UInt8], String) -> Result<Definition, DefinitionErrors>
    ) -> Result<[Definition], DefinitionErrors> where Definition: Sendable {
        let paths: [String]
        switch FileBytes.yamlFiles(in: directory) {
        case .failure(let failure):
            return .failure(
                DefinitionErrors([
                    DefinitionProblem(
                        mark: SourceMark(file: failure.path, line: 1, column: 1),
                        message:
                            "The \(what) folder cannot be read: \(failure.reason). Give the right folder with --\(what)."
                    )
                ]))
        case .success(let found):
            paths = found
        }
        var problems: [DefinitionProblem] = []
        var loaded: [(definition: Definition, path: String)] = []
        for path in paths {
            switch FileBytes.read(path, limit: IntakeLimits.definition.maxBytes).mapError({
                DefinitionErrors([fileProblem($0)])
            })
            .flatMap({ load($0.bytes, path) })
            {
            case .failure(let errors):
                problems += errors.problems
            case .success(let definition):
                if let other = loaded.first(where: { $0.definition[keyPath: key] == definition[keyPath: key] }) {
                    problems.append(
                        DefinitionProblem(
                            mark: SourceMark(file: path, line: 1, column: 1),
                            message:
                                "The \(what) for '\(definition[keyPath: key])' are defined twice: here and in \(other.path)."
                        ))
                }
                loaded.append((definition, path))
            }
        }
        guard problems.isEmpty else { return .failure(DefinitionErrors(problems)) }
        return .success(loaded.map(\.definition))
    }

    private static func fileProblem(_ failure: FileBytes.Failure) -> DefinitionProblem {
        DefinitionProblem(
            mark: SourceMark(file: failure.path, line: 1, column: 1),
            message: "Cannot read the file: \(failure.reason).")
    }
}
