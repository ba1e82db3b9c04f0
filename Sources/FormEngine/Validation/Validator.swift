/// The one pipeline every submission goes through, from the CLI, the portal, the API or a batch:
/// intake, binding to its form, field checks, field logic, and the decision.
public struct Validator: Sendable {
    /// The forms submissions are validated against.
    public let catalog: FormCatalog
    /// Whether a rule's finding carries the values its check read (`Finding.values`), which the JSON output, the
    /// store and the portal show. Text shows none: without them a file is checked in a twentieth less time.
    public let explainingRules: Bool

    /// Creates a validator over loaded forms.
    public init(catalog: FormCatalog, explainingRules: Bool = true) {
        self.catalog = catalog
        self.explainingRules = explainingRules
    }

    /// Validates a submission's bytes. `formID`, when given, is the form the caller expects; `parameters`
    /// replace rule set parameters of the same name (a collection's period, say).
    public func evaluate(
        _ bytes: [UInt8], file: String, size: Int? = nil, asOf: Day, formID: String? = nil,
        parameters: [String: Value] = [:]
    ) -> Evaluation {
        evaluate(bytes, file: file, size: size, asOf: asOf, formID: formID, parametersFor: { _ in parameters })
    }

    /// Validates a submission's bytes, with the parameters `parametersFor` gives once its form is known:
    /// the newest collection's period for a school's return, say, and none for a driver's application. `room`, when
    /// given, lends the arrays the document is read into and takes them back once it is checked.
    public func evaluate(
        _ bytes: [UInt8], file: String, size: Int? = nil, asOf: Day, formID: String? = nil,
        parametersFor: (FormDefinition) -> [String: Value], room: DocumentRoom? = nil
    ) -> Evaluation {
        let document: Document
        switch Intake.read(bytes, file: file, size: size, room: room) {
        case .failure(let refusal):
            return Evaluation(
                file: file, received: bytes, form: nil, ruleSetHash: nil, asOf: asOf, findings: [Finding(refusal)],
                answers: nil)
        case .success(let read):
            document = read
        }
        let form: FormDefinition
        switch identifyForm(document, expected: formID) {
        case .refused(let finding):
            return Evaluation(
                file: file, received: bytes, form: nil, ruleSetHash: nil, asOf: asOf, findings: [finding], answers: nil)
        case .found(let found):
            form = found
        }
        let checked = check(document, form: form, asOf: asOf, parameters: parametersFor(form))
        if let room { room.takeBack(consume document) }
        return Evaluation(
            file: file, received: bytes, form: form, ruleSetHash: catalog.ruleSets[form.id]?.hash, asOf: asOf,
            findings: checked.findings, answers: checked.answers)
    }

    /// Runs every check of `form` and its rule set on a document already read: binding and field checks,
    /// field logic, then the rules. When `countingOutcomes`, also says how often each rule fired and passed (a rule
    /// set's tests ask; checking a submission does not, and makes no list of them).
    func check(
        _ document: Document, form: FormDefinition, asOf: Day, parameters: [String: Value],
        countingOutcomes: Bool = false
    ) -> (answers: Answers, findings: [Finding], outcomes: [RuleOutcome]) {
        let binder = SubmissionBinder(form: form, document: document)
        var answers = binder.bind()
        // One array of findings, handed on from step to step and added to in place: never copied.
        var logic = FieldLogic(
            form: form, document: document, asOf: asOf, sectionStarts: binder.sectionStarts,
            findings: binder.takeFindings())
        logic.apply(to: &answers)
        var findings = logic.takeFindings()
        var outcomes: [RuleOutcome]? = countingOutcomes ? [] : nil
        if let ruleSet = catalog.ruleSets[form.id] {
            let engine = RuleEngine(
                ruleSet: ruleSet, form: form, document: document, sectionStarts: binder.sectionStarts,
                explaining: explainingRules)
            engine.apply(to: answers, asOf: asOf, parameters: parameters, findings: &findings, outcomes: &outcomes)
        }
        return (answers, findings, outcomes ?? [])
    }

    /// Reads and validates a file; a file that cannot be read is a rejected submission that says why. `reader`,
    /// when given, reads it (a batch's task reads its files through one, each opened in its folder), and `room` lends
    /// the arrays its document is read into.
    public func evaluate(
        path: String, asOf: Day, formID: String? = nil,
        parametersFor: (FormDefinition) -> [String: Value] = { _ in [:] }, reader: FolderReader? = nil,
        room: DocumentRoom? = nil
    ) -> Evaluation {
        let limit = IntakeLimits.submission.maxBytes
        switch reader?.read(path, limit: limit) ?? FileBytes.read(path, limit: limit) {
        case .failure(let failure):
            let finding = Finding(
                rule: "intake.file", severity: .error, path: "", message: "Cannot read the file: \(failure.reason).",
                mark: SourceMark(file: path, line: 1, column: 1))
            return Evaluation(
                file: path, received: [], form: nil, ruleSetHash: nil, asOf: asOf, findings: [finding], answers: nil)
        case .success(let file):
            return evaluate(
                file.bytes, file: path, size: file.size, asOf: asOf, formID: formID, parametersFor: parametersFor,
                room: room)
        }
    }

    /// The form a document names in `form:` (or the expected one, when it names none).
    private func identifyForm(_ document: Document, expected: String?) -> FormLookup {
        let root = 0
        func refuse(_ rule: String, _ message: String, _ position: TextPosition) -> FormLookup {
            .refused(Finding(rule: rule, severity: .error, path: "", message: message, mark: document.mark(position)))
        }
        var known: [String] { catalog.forms.keys.sorted() }
        guard document.kind(root) == .mapping else {
            return refuse(
                "form.shape",
                "A submission must be a group of 'key: value' lines starting with 'form: <id>', not \(document.kindDescription(root)).",
                document.start(root))
        }
        let named = document.value(forKey: "form", in: root)
        if let named, document.nodes[named].isCollection || document.isNull(named) {
            return refuse(
                "form.unknown", "'form' must be the id of a form, like 'form: \(known.first ?? "id")'.",
                document.start(named))
        }
        // The form named, found by comparing its id's bytes where they are stored: no string made for every file.
        if let named, let form = catalog.forms.values.first(where: { document.text(named, equals: $0.id) }),
            expected == nil || expected == form.id
        {
            return .found(form)
        }
        guard let id = named.map({ document.text($0) }) ?? expected else {
            return refuse(
                "form.missing",
                "The file does not say which form it answers: add 'form: <id>' at the top. The forms are: "
                    + "\(known.joined(separator: ", ")).", document.start(root))
        }
        if let expected, id != expected, let named {
            return refuse(
                "form.mismatch", "This file answers the form '\(id)', not '\(expected)'.", document.start(named))
        }
        guard let form = catalog.forms[id] else {
            return refuse(
                "form.unknown",
                "There is no form '\(id)'.\(Suggestion.didYouMean(id, in: known)) The forms are: \(known.joined(separator: ", ")).",
                document.start(named ?? root))
        }
        return .found(form)
    }

    /// A form found for a document, or the finding that says why none was.
    private enum FormLookup {
        case found(FormDefinition)
        case refused(Finding)
    }
}
