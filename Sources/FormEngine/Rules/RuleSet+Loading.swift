extension RuleSet {
    /// The keys a rule set file may have at its top.
    static let topKeys = ["rules-for", "source", "parameters", "let", "rules", "tests"]
    /// The keys a parameter may have.
    static let parameterKeys = ["value", "source", "list", "keys"]
    /// The keys a rule may have.
    static let ruleKeys = ["id", "title", "severity", "for-each", "when", "check", "path", "message", "source"]
    /// The keys a test may have.
    static let testKeys = ["name", "as_of", "answers", "file", "parameters", "expect"]
    /// The keys an expected finding may have.
    static let expectKeys = ["rule", "severity", "path"]

    /// Loads and checks a rule set against its form, reporting every problem in it at once.
    ///
    /// `forms` are the loaded forms by id; a test's answer `file` is read relative to the rule file's folder.
    /// Without `includingTests`, the tests are not read: a rule set replayed from the store has no test files.
    public static func load(
        bytes: [UInt8], file: String, forms: [String: FormDefinition], includingTests: Bool = true
    ) -> Result<RuleSet, DefinitionErrors> {
        switch DefinitionReader.open(bytes: bytes, file: file) {
        case .failure(let errors):
            return .failure(errors)
        case .success(let reader):
            var loader = RuleSetLoader(reader: reader, forms: forms, bytes: bytes, includingTests: includingTests)
            if let ruleSet = loader.load(), reader.problems.isEmpty { return .success(ruleSet) }
            return .failure(DefinitionErrors(reader.problems))
        }
    }
}

/// The work of loading one rule set: parameters, then named values, rules and tests in their scope.
private struct RuleSetLoader {
    let reader: DefinitionReader
    let forms: [String: FormDefinition]
    let bytes: [UInt8]
    let includingTests: Bool
    var form: FormDefinition?
    var parameters: [RuleParameter] = []
    var namedValues: [(name: String, expression: Expression)] = []

    init(reader: DefinitionReader, forms: [String: FormDefinition], bytes: [UInt8], includingTests: Bool) {
        self.reader = reader
        self.forms = forms
        self.bytes = bytes
        self.includingTests = includingTests
    }

    mutating func load() -> RuleSet? {
        guard
            let top = reader.keyed(
                reader.root, what: "a rule set", allowed: RuleSet.topKeys, required: ["rules-for", "rules"])
        else { return nil }
        guard let formID = top.text("rules-for") else { return nil }
        guard let form = forms[formID] else {
            reader.problem(
                top["rules-for"]!.start,
                "There is no form '\(formID)'.\(Suggestion.didYouMean(formID, in: forms.keys)) A rule set is for one of: "
                    + "\(forms.keys.sorted().joined(separator: ", ")).")
            return nil
        }
        self.form = form
        let fileName = reader.document.file.split(separator: "/").last.map(String.init) ?? ""
        if fileName != "\(formID).rules.yaml" {
            reader.problem(
                top["rules-for"]!.start,
                "The rules for '\(formID)' must be in a file named '\(formID).rules.yaml', not '\(fileName)'.")
        }
        if let node = top["parameters"] { readParameters(node, form: form) }
        if let node = top["let"] { readNamedValues(node, form: form) }
        let rules = readRules(top["rules"], form: form)
        let declared = top["rules"]?.items?.compactMap { $0["id"]?.scalar?.text } ?? []
        let tests = includingTests ? top["tests"].map { readTests($0, form: form, ruleIDs: declared) } ?? [] : []
        return RuleSet(
            formID: formID, file: reader.document.file, hash: SHA256.hex(bytes), bytes: bytes, parameters: parameters,
            rules: rules, tests: tests,
            namedValues: namedValues.map(\.expression))
    }

    private func scope(_ form: FormDefinition) -> ExpressionScope {
        var parameterTable: [String: (index: Int, type: ValueType)] = [:]
        for (index, parameter) in parameters.enumerated() { parameterTable[parameter.name] = (index, parameter.type) }
        var named: [String: (index: Int, type: ValueType)] = [:]
        for (index, value) in namedValues.enumerated() { named[value.name] = (index, value.expression.type) }
        return ExpressionScope(layout: form.layout, parameters: parameterTable, namedValues: named)
    }

    // MARK: - Parameters

    private mutating func readParameters(_ node: Node, form: FormDefinition) {
        guard let entries = node.entries else {
            reader.problem(node.start, "'parameters' must name each parameter: 'name: {value: ..., source: ...}'.")
            return
        }
        for entry in entries {
            guard reader.checkIdentifier(entry.key, at: entry.keyStart, what: "a parameter"),
                let keyed = reader.keyed(
                    entry.value, what: "the parameter '\(entry.key)'", allowed: RuleSet.parameterKeys,
                    required: ["value", "source"]),
                let valueNode = keyed["value"]
            else { continue }
            let list = keyed.text("list").flatMap { lookUpList($0, at: keyed["list"]!, form: form) }
            let keys = keyed.text("keys").flatMap { lookUpList($0, at: keyed["keys"]!, form: form) }
            guard let (value, type) = ParameterValue.read(valueNode, list: list, keys: keys, reader: reader) else {
                continue
            }
            parameters.append(
                RuleParameter(
                    name: entry.key, value: value, type: type, source: keyed.text("source") ?? "",
                    mark: reader.mark(entry.keyStart)))
        }
    }

    private func lookUpList(_ id: String, at node: Node, form: FormDefinition) -> ChoiceList? {
        guard let list = form.lists[id] else {
            reader.problem(node.start, "The form has no list '\(id)'.\(Suggestion.didYouMean(id, in: form.lists.keys))")
            return nil
        }
        return list
    }

    // MARK: - Named values

    private mutating func readNamedValues(_ node: Node, form: FormDefinition) {
        guard let entries = node.entries else {
            reader.problem(node.start, "'let' must name each value: 'name: expression'.")
            return
        }
        for entry in entries {
            guard reader.checkIdentifier(entry.key, at: entry.keyStart, what: "a named value") else { continue }
            if form.layout.section(entry.key) != nil || entry.key == "params" {
                reader.problem(entry.keyStart, "'\(entry.key)' is already the name of a section; choose another name.")
                continue
            }
            guard let expression = reader.expression(entry.value, in: scope(form)) else { continue }
            namedValues.append((entry.key, expression))
        }
    }

    // MARK: - Rules

    private func readRules(_ node: Node?, form: FormDefinition) -> [Rule] {
        guard let node else { return [] }
        guard let items = node.items else {
            reader.problem(node.start, "'rules' must be a sequence of rules, each starting with '- '.")
            return []
        }
        var rules: [Rule] = []
        for item in items {
            guard
                let keyed = reader.keyed(
                    item, what: "a rule", allowed: RuleSet.ruleKeys,
                    required: ["id", "title", "severity", "check", "message", "source"]),
                let id = keyed.text("id")
            else { continue }
            if let first = rules.first(where: { $0.id == id }) {
                reader.problem(
                    keyed["id"]!.start, "Two rules have the id '\(id)' (the first on line \(first.mark.line)).")
                continue
            }
            if ["field.", "intake.", "form."].contains(where: { id.hasPrefix($0) }) {
                reader.problem(
                    keyed["id"]!.start,
                    "A rule's id cannot start with 'field.', 'intake.' or 'form.': those name the built-in checks.")
                continue
            }
            let severityText = keyed.text("severity") ?? ""
            let severity = Severity(rawValue: severityText)
            if severity == nil {
                reader.problem(
                    keyed["severity"]!.start,
                    "Unknown severity '\(severityText)'. The severities are \(Wording.alternatives(Severity.allCases.map(\.rawValue)))."
                )
            }
            let variants = readVariants(keyed, form: form)
            guard let severity, let variants, let source = keyed.text("source"), let title = keyed.text("title") else {
                continue
            }
            rules.append(
                Rule(
                    id: id, title: title, severity: severity, source: source, mark: reader.mark(item.start),
                    variants: variants))
        }
        return rules
    }

    /// The rule compiled once per repeat its `for-each` names, or once; nil after a problem.
    private func readVariants(_ keyed: KeyedNode, form: FormDefinition) -> [RuleVariant]? {
        var sources: [(name: String, location: FieldLocation, shape: RecordShape)?] = [nil]
        if let eachNode = keyed["for-each"] {
            guard let parsed = readForEach(eachNode, form: form) else { return nil }
            sources = parsed.map { Optional($0) }
        }
        var variants: [RuleVariant] = []
        for source in sources {
            var ruleScope = scope(form)
            if let source { ruleScope.boundLocals = [(source.name, .record(source.shape), 0)] }
            let when = keyed["when"].flatMap { reader.expression($0, in: ruleScope, expecting: .boolean) }
            let whenIsSound = keyed["when"] == nil || when != nil
            let check = keyed["check"].flatMap {
                reader.expression($0, in: ruleScope, expecting: .boolean, collectsTerms: true)
            }
            let message = keyed["message"].flatMap { readMessage($0, scope: ruleScope) }
            var target: FindingTarget?
            if let pathNode = keyed["path"] {
                target = reader.expression(pathNode, in: ruleScope).flatMap {
                    readTarget($0, at: pathNode, each: source != nil)
                }
            } else if let check {
                target = defaultTarget(check, each: source != nil)
            }
            guard whenIsSound, let check, let message, let target else { return nil }
            variants.append(
                RuleVariant(each: source?.location, when: when, check: check, message: message, target: target))
        }
        return variants
    }

    /// `name in section.repeat[, section.repeat...]`: the repeats whose items the rule checks one by one.
    private func readForEach(_ node: Node, form: FormDefinition) -> [(
        name: String, location: FieldLocation, shape: RecordShape
    )]? {
        let text = node.scalar?.text ?? ""
        let halves = text.components(separatedByWord: " in ")
        let name = halves.first?.trimmingWhitespace ?? ""
        guard halves.count == 2, reader.checkIdentifier(name, at: node.start, what: "a for-each item") else {
            reader.problem(
                node.start, "'for-each' must be 'item in section.repeat', like 's in cse.sessions, missing.sessions'.")
            return nil
        }
        var sources: [(String, FieldLocation, RecordShape)] = []
        for path in halves[1].split(separator: ",").map({ $0.trimmingWhitespace }) {
            let parts = path.split(separator: ".").map(String.init)
            guard parts.count == 2, let section = form.layout.section(parts[0]),
                let field = form.sections[section].fields.firstIndex(where: { $0.id == parts[1] }),
                let shape = form.sections[section].fields[field].shape
            else {
                let repeats = form.sections.flatMap { section in
                    section.fields.filter { $0.type == .repeat }.map { "\(section.id).\($0.id)" }
                }
                reader.problem(
                    node.start,
                    "'\(path)' is not a repeat of the form.\(Suggestion.didYouMean(path, in: repeats)) The repeats are: \(repeats.joined(separator: ", "))."
                )
                return nil
            }
            sources.append((name, FieldLocation(section: section, field: field), shape))
        }
        return sources
    }

    private func readMessage(_ node: Node, scope: ExpressionScope) -> MessageTemplate? {
        guard let text = node.scalar?.text else {
            reader.problem(node.start, "'message' must be text.")
            return nil
        }
        switch MessageTemplate.split(text) {
        case .failure(let problem):
            reader.problem(
                reader.position(ofOffset: problem.range.lowerBound, inExpression: text, node: node), problem.message)
            return nil
        case .success(let pieces):
            var parts: [MessageTemplate.Part] = []
            var sound = true
            for piece in pieces {
                if !piece.isPlaceholder {
                    parts.append(.text(piece.text))
                } else if let expression = reader.expression(node, part: (piece.text, piece.offset), in: scope) {
                    parts.append(.value(expression))
                } else {
                    sound = false
                }
            }
            return sound ? MessageTemplate(parts: parts) : nil
        }
    }

    /// The target a `path:` expression names: a field, an item's field, or the item.
    private func readTarget(_ expression: Expression, at node: Node, each: Bool) -> FindingTarget? {
        if let target = target(of: expression.checked.compiled, each: each) { return target }
        reader.problem(
            node.start, "'path' must name an answer, like 'dbs.issue_date'\(each ? ", or the item's 's.date'" : "").")
        return nil
    }

    /// Where a rule points when it has no `path`: the first answer its check reads outside a lambda, or
    /// failing that the first field it reads anywhere.
    private func defaultTarget(_ check: Expression, each: Bool) -> FindingTarget {
        for term in check.checked.terms {
            if let target = target(of: term.compiled, each: each) { return target }
        }
        if let location = firstField(in: check.checked.compiled) { return .field(location) }
        return each ? .item : .submission
    }

    /// The first section field an expression reads, depth first.
    private func firstField(in compiled: CompiledExpression) -> FieldLocation? {
        switch compiled {
        case .field(let section, let field), .presentField(let section, let field):
            return FieldLocation(section: section, field: field)
        case .constant, .local, .parameter, .named, .asOf:
            return nil
        case .member(let base, _), .not(let base), .negate(let base), .callOne(_, let base):
            return firstField(in: base)
        case .matches(let base, _):
            return firstField(in: base)
        case .and(let a, let b), .or(let a, let b), .compare(_, let a, let b), .arithmetic(_, let a, let b),
            .index(let a, let b), .contains(let a, let b), .callTwo(_, let a, let b):
            return firstField(in: a) ?? firstField(in: b)
        case .iterate(_, let list, _, let body):
            return firstField(in: list) ?? firstField(in: body)
        case .list(let items), .call(_, let items):
            return items.lazy.compactMap { firstField(in: $0) }.first
        }
    }

    private func target(of compiled: CompiledExpression, each: Bool) -> FindingTarget? {
        switch compiled {
        case .field(let section, let field): return .field(FieldLocation(section: section, field: field))
        case .member(.local(0), let index) where each: return .itemField(index)
        case .local(0) where each: return .item
        default: return nil
        }
    }

    // MARK: - Tests

    private func readTests(_ node: Node, form: FormDefinition, ruleIDs: [String]) -> [RuleTest] {
        guard let items = node.items else {
            reader.problem(node.start, "'tests' must be a sequence of tests, each starting with '- '.")
            return []
        }
        var tests: [RuleTest] = []
        for item in items {
            guard
                let keyed = reader.keyed(
                    item, what: "a test", allowed: RuleSet.testKeys, required: ["name", "as_of", "expect"])
            else { continue }
            let name = keyed.text("name") ?? ""
            let asOfText = keyed.text("as_of") ?? ""
            let asOf = Day(iso: asOfText)
            if asOf == nil, let asOfNode = keyed["as_of"] {
                reader.problem(asOfNode.start, "'as_of' must be a date written YYYY-MM-DD, not '\(asOfText)'.")
            }
            let answers = readAnswers(keyed, form: form)
            let overrides = readOverrides(keyed["parameters"])
            let expect = readExpectations(keyed["expect"], ruleIDs: ruleIDs)
            guard let asOf, let answers, let overrides, let expect else { continue }
            tests.append(
                RuleTest(
                    name: name, asOf: asOf, answers: answers, parameters: overrides, expect: expect,
                    mark: reader.mark(item.start)))
        }
        return tests
    }

    private func readAnswers(_ keyed: KeyedNode, form: FormDefinition) -> Document? {
        switch (keyed["answers"], keyed.text("file")) {
        case (let answers?, nil):
            guard answers.entries != nil else {
                reader.problem(answers.start, "'answers' must be a group of sections, like 'dbs: {level: enhanced}'.")
                return nil
            }
            return Document(file: reader.document.file, root: answers)
        case (nil, let name?):
            let folder = reader.document.file.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(
                separator: "/")
            let path = folder.isEmpty ? name : folder + "/" + name
            switch FileBytes.read(path, limit: IntakeLimits.submission.maxBytes) {
            case .failure(let failure):
                reader.problem(
                    keyed["file"]!.start, "The test's answers cannot be read from '\(path)': \(failure.reason).")
                return nil
            case .success(let file):
                switch Intake.read(file.bytes, file: path, size: file.size) {
                case .failure(let refusal):
                    reader.problem(
                        keyed["file"]!.start,
                        "The test's answers in '\(path)' cannot be read: \(refusal.mark): \(refusal.message)")
                    return nil
                case .success(let document):
                    if let named = document.root["form"]?.scalar?.text, named != form.id {
                        reader.problem(keyed["file"]!.start, "'\(path)' answers the form '\(named)', not '\(form.id)'.")
                        return nil
                    }
                    return document
                }
            }
        default:
            reader.problem(keyed.node.start, "A test needs its answers: either 'answers' or 'file', not both.")
            return nil
        }
    }

    private func readOverrides(_ node: Node?) -> [String: Value]? {
        guard let node else { return [:] }
        guard let entries = node.entries else {
            reader.problem(node.start, "A test's 'parameters' must name each parameter it changes.")
            return nil
        }
        var overrides: [String: Value] = [:]
        var sound = true
        for entry in entries {
            guard let parameter = parameters.first(where: { $0.name == entry.key }) else {
                reader.problem(
                    entry.keyStart,
                    "There is no parameter '\(entry.key)'.\(Suggestion.didYouMean(entry.key, in: parameters.map(\.name)))"
                )
                sound = false
                continue
            }
            let list = parameter.type.choiceList.flatMap { form?.lists[$0] }
            guard let (value, type) = ParameterValue.read(entry.value, list: list, keys: nil, reader: reader) else {
                sound = false
                continue
            }
            guard type.fits(parameter.type) else {
                reader.problem(entry.value.start, "The parameter '\(entry.key)' is a \(parameter.type), not a \(type).")
                sound = false
                continue
            }
            overrides[entry.key] = value
        }
        return sound ? overrides : nil
    }

    /// The expected findings of a test; each must name a rule the set declares (loaded or not) or a built-in check.
    private func readExpectations(_ node: Node?, ruleIDs: [String]) -> [ExpectedFinding]? {
        guard let node else { return nil }
        guard let items = node.items else {
            reader.problem(
                node.start,
                "'expect' must be a sequence of findings, like [{rule: x, severity: error}], or [] for none.")
            return nil
        }
        var expected: [ExpectedFinding] = []
        var sound = true
        for item in items {
            guard
                let keyed = reader.keyed(
                    item, what: "an expected finding", allowed: RuleSet.expectKeys, required: ["rule", "severity"]),
                let rule = keyed.text("rule"), let severityText = keyed.text("severity")
            else {
                sound = false
                continue
            }
            let builtIn = ["field.", "intake.", "form."].contains(where: { rule.hasPrefix($0) })
            if !builtIn && !ruleIDs.contains(rule) {
                reader.problem(
                    keyed["rule"]!.start,
                    "There is no rule '\(rule)' in this set.\(Suggestion.didYouMean(rule, in: ruleIDs))")
                sound = false
            }
            guard let severity = Severity(rawValue: severityText) else {
                reader.problem(keyed["severity"]!.start, "Unknown severity '\(severityText)'.")
                sound = false
                continue
            }
            expected.append(ExpectedFinding(rule: rule, severity: severity, path: keyed.text("path")))
        }
        return sound ? expected : nil
    }
}

extension String {
    /// The text split at each occurrence of `separator`.
    func components(separatedByWord separator: String) -> [String] {
        let characters = Array(self)
        let needle = Array(separator)
        var parts: [String] = []
        var current: [Character] = []
        var index = 0
        while index < characters.count {
            if index + needle.count <= characters.count, Array(characters[index..<index + needle.count]) == needle {
                parts.append(String(current))
                current = []
                index += needle.count
            } else {
                current.append(characters[index])
                index += 1
            }
        }
        parts.append(String(current))
        return parts
    }
}
