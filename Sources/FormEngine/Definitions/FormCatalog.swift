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

    /// Loads every form in `formsDirectory` and every rule set in `rulesDirectory`, reporting every problem
    /// in every file at once. A rule set is checked against its form, so it is skipped when its form is broken.
    public static func load(formsDirectory: String, rulesDirectory: String) -> Result<FormCatalog, DefinitionErrors> {
        let forms: FormCatalog
        switch load(formsDirectory: formsDirectory) {
        case .failure(let errors): return .failure(errors)
        case .success(let loaded): forms = loaded
        }
        var problems: [DefinitionProblem] = []
        var ruleSets: [RuleSet] = []
        switch FileBytes.yamlFiles(in: rulesDirectory) {
        case .failure(let failure):
            return .failure(DefinitionErrors([folderProblem(failure, what: "rules")]))
        case .success(let paths):
            for path in paths {
                switch FileBytes.read(path, limit: IntakeLimits.definition.maxBytes) {
                case .failure(let failure):
                    problems.append(fileProblem(failure))
                case .success(let file):
                    switch RuleSet.load(bytes: file.bytes, file: path, forms: forms.forms) {
                    case .failure(let errors): problems += errors.problems
                    case .success(let ruleSet):
                        if let other = ruleSets.first(where: { $0.formID == ruleSet.formID }) {
                            problems.append(
                                DefinitionProblem(
                                    mark: SourceMark(file: path, line: 1, column: 1),
                                    message:
                                        "The rules for '\(ruleSet.formID)' are defined twice: here and in \(other.file)."
                                ))
                        }
                        ruleSets.append(ruleSet)
                    }
                }
            }
        }
        guard problems.isEmpty else { return .failure(DefinitionErrors(problems)) }
        return .success(FormCatalog(forms: Array(forms.forms.values), ruleSets: ruleSets))
    }

    /// Loads every form in `formsDirectory`, reporting every problem in every file at once.
    public static func load(formsDirectory: String) -> Result<FormCatalog, DefinitionErrors> {
        var problems: [DefinitionProblem] = []
        var forms: [FormDefinition] = []
        switch FileBytes.yamlFiles(in: formsDirectory) {
        case .failure(let failure):
            return .failure(DefinitionErrors([folderProblem(failure, what: "forms")]))
        case .success(let paths):
            if paths.isEmpty {
                problems.append(
                    DefinitionProblem(
                        mark: SourceMark(file: formsDirectory, line: 1, column: 1),
                        message: "There are no form definitions (.yaml files) in this folder."))
            }
            for path in paths {
                switch FileBytes.read(path, limit: IntakeLimits.definition.maxBytes) {
                case .failure(let failure):
                    problems.append(fileProblem(failure))
                case .success(let file):
                    switch FormDefinition.load(bytes: file.bytes, file: path) {
                    case .failure(let errors): problems += errors.problems
                    case .success(let form):
                        if let other = forms.first(where: { $0.id == form.id }) {
                            problems.append(
                                DefinitionProblem(
                                    mark: SourceMark(file: path, line: 1, column: 1),
                                    message: "The form '\(form.id)' is defined twice: here and in \(other.file)."))
                        }
                        forms.append(form)
                    }
                }
            }
        }
        guard problems.isEmpty else { return .failure(DefinitionErrors(problems)) }
        return .success(FormCatalog(forms: forms))
    }

    private static func folderProblem(_ failure: FileBytes.Failure, what: String) -> DefinitionProblem {
        DefinitionProblem(
            mark: SourceMark(file: failure.path, line: 1, column: 1),
            message: "The \(what) folder cannot be read: \(failure.reason). Give the right folder with --\(what).")
    }

    private static func fileProblem(_ failure: FileBytes.Failure) -> DefinitionProblem {
        DefinitionProblem(
            mark: SourceMark(file: failure.path, line: 1, column: 1),
            message: "Cannot read the file: \(failure.reason).")
    }
}
