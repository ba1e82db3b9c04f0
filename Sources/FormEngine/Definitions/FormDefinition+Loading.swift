extension FormDefinition {
    /// The keys a form file may have at its top.
    static let formKeys = [
        "form", "version", "title", "subject", "subject-key", "district-key", "meanings", "description", "source",
        "decisions", "lists", "sections",
    ]
    /// The keys a section may have.
    static let sectionKeys = ["id", "title", "hint", "source", "fields"]
    /// The keys a field may have.
    static let fieldKeys = [
        "id", "type", "label", "hint", "required", "relevant", "min", "max", "past", "min-length", "max-length",
        "pattern",
        "list", "constraint", "message", "fields", "min-items", "max-items", "item-label", "source", "kept",
        "autocomplete",
    ]

    /// The autofill purposes a person's own answer can have (the HTML tokens WCAG 1.3.5 names for text answers).
    static let autocompletePurposes = [
        "name", "honorific-prefix", "given-name", "additional-name", "family-name", "nickname", "organization-title",
        "organization", "street-address", "address-line1", "address-line2", "address-level2", "postal-code",
        "country-name", "bday", "tel", "email",
    ]

    /// Loads and lints a form file, reporting every problem in it at once.
    public static func load(bytes: [UInt8], file: String) -> Result<FormDefinition, DefinitionErrors> {
        switch DefinitionReader.open(bytes: bytes, file: file) {
        case .failure(let errors):
            return .failure(errors)
        case .success(let reader):
            var loader = FormLoader(reader: reader, bytes: bytes)
            if let form = loader.load(), reader.problems.isEmpty { return .success(form) }
            return .failure(DefinitionErrors(reader.problems))
        }
    }
}

/// The work of loading one form: structure first, then the expressions, which need the whole form's layout.
private struct FormLoader {
    /// An expression waiting for the layout: which field, which key, and where it is written.
    struct PendingLogic {
        let section: Int
        let field: Int
        let subfield: Int?
        let key: String
        let node: Node
    }

    let reader: DefinitionReader
    let bytes: [UInt8]
    var lists: [String: ChoiceList] = [:]
    var pending: [PendingLogic] = []

    init(reader: DefinitionReader, bytes: [UInt8]) {
        self.reader = reader
        self.bytes = bytes
    }

    mutating func load() -> FormDefinition? {
        let root = reader.root
        guard
            let top = reader.keyed(
                root, what: "a form", allowed: FormDefinition.formKeys,
                required: ["form", "version", "title", "subject", "subject-key", "sections"])
        else { return nil }
        let id = top.text("form")
        if let id { checkFormID(id, at: top["form"]!.start) }
        let version = top.text("version")
        let title = top.text("title")
        let subject = readSubject(top)
        let decisions = readDecisions(top["decisions"])
        if let listsNode = top["lists"] { readLists(listsNode) }
        let sections = readSections(top["sections"])
        let subjectKey = top["subject-key"].flatMap { resolveKey($0, named: "subject-key", sections: sections) }
        let districtKey = top["district-key"].flatMap { resolveKey($0, named: "district-key", sections: sections) }
        let meanings = readMeanings(
            top["meanings"], keyStart: top.keyStart("meanings") ?? top["subject"]?.start ?? root.start,
            subject: subject, sections: sections)
        let layout = FormLayout(
            sections: sections.map { section in
                FormLayout.Section(id: section.id, fields: section.fields.map { ($0.id, $0.valueType) })
            },
            lists: lists)
        let completed = compileLogic(into: sections, layout: layout)
        guard let id, let version, let title, let subject, let subjectKey else { return nil }
        return FormDefinition(
            id: id, version: version, title: title, subject: subject, subjectKey: subjectKey, districtKey: districtKey,
            meanings: meanings, decisions: decisions, lists: lists, sections: completed, file: reader.document.file,
            hash: SHA256.hex(bytes),
            bytes: bytes, layout: layout)
    }

    // MARK: - Top

    private func checkFormID(_ id: String, at position: TextPosition) {
        let valid =
            !id.isEmpty
            && id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
        if !valid {
            reader.problem(position, "The form id '\(id)' must hold only lowercase letters, digits and '-'.")
            return
        }
        let fileName = reader.document.file.split(separator: "/").last.map(String.init) ?? ""
        if fileName.hasSuffix(".yaml") && fileName != "\(id).yaml" {
            reader.problem(position, "The form '\(id)' must be in a file named '\(id).yaml', not '\(fileName)'.")
        }
    }

    private func readSubject(_ top: KeyedNode) -> Subject? {
        guard let text = top.text("subject") else { return nil }
        guard let subject = Subject(rawValue: text) else {
            reader.problem(
                top["subject"]!.start,
                "Unknown subject '\(text)': a form is about a \(Wording.alternatives(Subject.allCases.map(\.rawValue)))."
            )
            return nil
        }
        return subject
    }

    private func readDecisions(_ node: Node?) -> DecisionLabels {
        let defaults = DecisionLabels(rejected: "Rejected", referred: "Referred", accepted: "Accepted")
        guard let node,
            let keyed = reader.keyed(node, what: "'decisions'", allowed: Decision.allCases.map(\.rawValue))
        else { return defaults }
        return DecisionLabels(
            rejected: keyed.text("rejected") ?? defaults.rejected,
            referred: keyed.text("referred") ?? defaults.referred,
            accepted: keyed.text("accepted") ?? defaults.accepted)
    }

    private mutating func readLists(_ node: Node) {
        guard let entries = node.entries else {
            reader.problem(node.start, "'lists' must name each list: 'list-id: [choice, choice]'.")
            return
        }
        for entry in entries {
            guard let items = entry.value.items, !items.isEmpty else {
                reader.problem(entry.value.start, "The list '\(entry.key)' must be a sequence of one or more choices.")
                continue
            }
            var options: [ChoiceOption] = []
            for item in items {
                guard let option = readOption(item, list: entry.key) else { continue }
                if options.contains(where: { $0.value == option.value }) {
                    reader.problem(item.start, "The list '\(entry.key)' holds '\(option.value)' twice.")
                } else {
                    options.append(option)
                }
            }
            lists[entry.key] = ChoiceList(id: entry.key, options: options, mark: reader.mark(entry.keyStart))
        }
    }

    private func readOption(_ item: Node, list: String) -> ChoiceOption? {
        if let scalar = item.scalar, !scalar.isNull {
            return ChoiceOption(value: scalar.text, label: scalar.text)
        }
        guard
            let keyed = reader.keyed(
                item, what: "a choice of '\(list)'", allowed: ["value", "label"], required: ["value"]),
            let value = keyed.text("value")
        else { return nil }
        return ChoiceOption(value: value, label: keyed.text("label") ?? value)
    }

    // MARK: - Sections and fields

    private mutating func readSections(_ node: Node?) -> [SectionDefinition] {
        guard let node else { return [] }
        guard let items = node.items, !items.isEmpty else {
            reader.problem(node.start, "'sections' must be a sequence of one or more sections.")
            return []
        }
        var sections: [SectionDefinition] = []
        for item in items {
            guard
                let keyed = reader.keyed(
                    item, what: "a section", allowed: FormDefinition.sectionKeys, required: ["id", "title", "fields"]),
                let id = keyed.text("id")
            else { continue }
            guard reader.checkIdentifier(id, at: keyed["id"]!.start, what: "a section") else { continue }
            if let first = sections.first(where: { $0.id == id }) {
                reader.problem(
                    keyed["id"]!.start, "Two sections have the id '\(id)' (the first on line \(first.mark.line)).")
                continue
            }
            let fields = readFields(keyed["fields"], section: sections.count, path: "/\(id)", repeatIndex: nil)
            sections.append(
                SectionDefinition(
                    .init(
                        id: id, title: keyed.text("title") ?? id, hint: keyed.text("hint"),
                        source: keyed.text("source"), fields: fields, mark: reader.mark(item.start))))
        }
        return sections
    }

    /// Reads the fields of a section, or (when `repeatIndex` is set) the sub-fields of a repeat.
    private mutating func readFields(_ node: Node?, section: Int, path: String, repeatIndex: Int?) -> [FieldDefinition]
    {
        guard let node else { return [] }
        guard let items = node.items, !items.isEmpty else {
            reader.problem(node.start, "'fields' must be a sequence of one or more fields.")
            return []
        }
        var fields: [FieldDefinition] = []
        for item in items {
            let index = fields.count
            let location = repeatIndex.map { (field: $0, subfield: Optional(index)) } ?? (field: index, subfield: nil)
            guard let field = readField(item, section: section, location: location, path: path) else { continue }
            if let first = fields.first(where: { $0.id == field.id }) {
                reader.problem(
                    item.start, "Two fields here have the id '\(field.id)' (the first on line \(first.mark.line)).")
                continue
            }
            fields.append(field)
        }
        return fields
    }

    private mutating func readField(
        _ node: Node, section: Int, location: (field: Int, subfield: Int?), path: String
    ) -> FieldDefinition? {
        guard
            let keyed = reader.keyed(
                node, what: "a field", allowed: FormDefinition.fieldKeys, required: ["id", "type", "label"]),
            let id = keyed.text("id"), let typeName = keyed.text("type")
        else { return nil }
        guard reader.checkIdentifier(id, at: keyed["id"]!.start, what: "a field") else { return nil }
        guard let type = FieldType(rawValue: typeName) else {
            reader.problem(
                keyed["type"]!.start,
                "Unknown type '\(typeName)'.\(Suggestion.didYouMean(typeName, in: FieldType.allCases.map(\.rawValue))) "
                    + "The types are: \(FieldType.allCases.map(\.rawValue).joined(separator: ", ")).")
            return nil
        }
        checkKeysApply(keyed, type: type)
        let fieldPath = "\(path)/\(id)"

        var list: String?
        if type.usesList {
            list = keyed.text("list")
            if let name = list, lists[name] == nil {
                reader.problem(
                    keyed["list"]!.start,
                    "There is no list '\(name)' in 'lists'.\(Suggestion.didYouMean(name, in: lists.keys))")
            } else if list == nil {
                reader.problem(node.start, "A \(type.rawValue) field needs 'list': the name of its choice list.")
            }
        }
        let min = type.isOrdered ? readBound(keyed, "min", type: type) : nil
        let max = type.isOrdered ? readBound(keyed, "max", type: type) : nil
        if let min, let max, isAbove(min, max) {
            reader.problem(
                keyed["min"]!.start, "'min' (\(min.text)) is above 'max' (\(max.text)): no answer could pass.")
        }
        var past = false
        if type == .date, let pastNode = keyed["past"] {
            if let text = pastNode.scalar?.text, let flag = YesNo.parse(text) {
                past = flag
            } else {
                reader.problem(
                    pastNode.start,
                    "'past' is yes or no: yes for the date of something already done, which cannot be after the day "
                        + "the submission is checked.")
            }
        }
        let minLength = type.isFreeText ? readCount(keyed, "min-length") : nil
        let maxLength = type.isFreeText ? readCount(keyed, "max-length") : nil
        if let minLength, let maxLength, minLength > maxLength {
            reader.problem(
                keyed["min-length"]!.start, "'min-length' (\(minLength)) is above 'max-length' (\(maxLength)).")
        }
        let takesItems = type == .repeat || type == .multiChoice
        let minItems = takesItems ? readCount(keyed, "min-items") : nil
        let maxItems = takesItems ? readCount(keyed, "max-items") : nil
        if let minItems, let maxItems, minItems > maxItems {
            reader.problem(keyed["min-items"]!.start, "'min-items' (\(minItems)) is above 'max-items' (\(maxItems)).")
        }
        var pattern: TextPattern?
        if type.isFreeText, let source = keyed.text("pattern") {
            do {
                pattern = try TextPattern(source)
            } catch {
                reader.problem(keyed["pattern"]!.start, "The pattern is not a valid regular expression: \(error).")
            }
        }

        var subfields: [FieldDefinition] = []
        var shape: RecordShape?
        if type == .repeat {
            if location.subfield != nil {
                reader.problem(node.start, "A repeat cannot hold another repeat: give the inner one its own section.")
            } else if keyed["fields"] == nil {
                reader.problem(node.start, "A repeat needs 'fields': the questions asked for each item.")
            } else {
                subfields = readFields(keyed["fields"], section: section, path: fieldPath, repeatIndex: location.field)
                shape = RecordShape(path: fieldPath, fields: subfields.map { ($0.id, $0.valueType) })
            }
        }

        var required = Requirement.never
        if let requiredNode = keyed["required"] {
            if let text = requiredNode.scalar?.text, let fixed = YesNo.parse(text) {
                required = fixed ? .always : .never
            } else {
                queue(section, location, "required", requiredNode)
            }
        }
        for key in ["relevant", "constraint"] {
            if let logic = keyed[key] { queue(section, location, key, logic) }
        }

        return FieldDefinition(
            .init(
                id: id, type: type, label: keyed.text("label") ?? id, hint: keyed.text("hint"), required: required,
                relevant: nil, constraint: nil, message: keyed.text("message"), min: min, max: max, past: past,
                minLength: minLength, maxLength: maxLength, pattern: pattern, list: list,
                choices: list.flatMap { lists[$0] }, fields: subfields,
                minItems: minItems, maxItems: maxItems, itemLabel: keyed.text("item-label"),
                source: keyed.text("source"), kept: keyed.text("kept"),
                autocomplete: autocomplete(keyed), shape: shape, mark: reader.mark(node.start)))
    }

    private mutating func queue(_ section: Int, _ location: (field: Int, subfield: Int?), _ key: String, _ node: Node) {
        pending.append(
            PendingLogic(section: section, field: location.field, subfield: location.subfield, key: key, node: node))
    }

    /// The field's `autocomplete`, when it is one of the purposes; a problem at its line when it is not.
    private func autocomplete(_ keyed: KeyedNode) -> String? {
        guard let text = keyed.text("autocomplete") else { return nil }
        guard FormDefinition.autocompletePurposes.contains(text) else {
            if let position = keyed.keyStart("autocomplete") {
                reader.problem(
                    position,
                    "Unknown autocomplete '\(text)'.\(Suggestion.didYouMean(text, in: FormDefinition.autocompletePurposes)) "
                        + "The purposes are: \(FormDefinition.autocompletePurposes.joined(separator: ", ")).")
            }
            return nil
        }
        return text
    }

    /// Records a problem for each key that the field's type does not use.
    private func checkKeysApply(_ keyed: KeyedNode, type: FieldType) {
        let rules: [(keys: [String], applies: Bool, which: String)] = [
            (["list"], type.usesList, "choice and multi-choice fields"),
            (["min", "max"], type.isOrdered, "integer, decimal and date fields"),
            (["past"], type == .date, "date fields"),
            (["min-length", "max-length", "pattern"], type.isFreeText, "text and long-text fields"),
            (["autocomplete"], type == .text || type == .email || type == .phone, "text, email and phone fields"),
            (["fields", "item-label"], type == .repeat, "repeats"),
            (["min-items", "max-items"], type == .repeat || type == .multiChoice, "repeats and multi-choice fields"),
        ]
        for rule in rules where !rule.applies {
            for key in rule.keys {
                if let position = keyed.keyStart(key) {
                    reader.problem(position, "'\(key)' only applies to \(rule.which), not to a \(type.rawValue) field.")
                }
            }
        }
    }

    private func readBound(_ keyed: KeyedNode, _ key: String, type: FieldType) -> Bound? {
        guard let text = keyed.text(key) else { return nil }
        switch type {
        case .date:
            if let day = Day(iso: text) { return .date(day) }
            reader.problem(
                keyed[key]!.start, "'\(key)' of a date field must be a date written YYYY-MM-DD, not '\(text)'.")
        case .integer:
            if let value = Int(text) { return .number(Double(value)) }
            reader.problem(keyed[key]!.start, "'\(key)' of an integer field must be a whole number, not '\(text)'.")
        default:
            if let value = Double(text), value.isFinite { return .number(value) }
            reader.problem(keyed[key]!.start, "'\(key)' must be a number, not '\(text)'.")
        }
        return nil
    }

    private func readCount(_ keyed: KeyedNode, _ key: String) -> Int? {
        guard let value = keyed.integer(key) else { return nil }
        if value < 0 {
            reader.problem(keyed[key]!.start, "'\(key)' cannot be below 0.")
            return nil
        }
        return value
    }

    private func isAbove(_ a: Bound, _ b: Bound) -> Bool {
        switch (a, b) {
        case (.number(let x), .number(let y)): return x > y
        case (.date(let x), .date(let y)): return x > y
        default: return false
        }
    }

    /// The field a top key (`subject-key`, `district-key`) names as section.field: one with a single answer.
    private func resolveKey(_ node: Node, named key: String, sections: [SectionDefinition]) -> FieldLocation? {
        guard let text = node.scalar?.text else {
            reader.problem(node.start, "'\(key)' must name a field as section.field.")
            return nil
        }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2, let section = sections.firstIndex(where: { $0.id == parts[0] }),
            let field = sections[section].fields.firstIndex(where: { $0.id == parts[1] })
        else {
            reader.problem(node.start, "'\(key)' must name a field of the form as section.field; '\(text)' is not one.")
            return nil
        }
        let type = sections[section].fields[field].type
        if type == .repeat || type == .multiChoice {
            reader.problem(node.start, "'\(key)' must be a field with one answer, not a \(type.rawValue).")
            return nil
        }
        return FieldLocation(section: section, field: field)
    }

    // MARK: - Meanings

    /// The fields the form names for the meanings Safeguard's code reads (see `Meaning`): each name known and of the
    /// form's subject, each field there and of a type that can answer it, each choice the code compares with in its
    /// list. Which meanings a form must declare is the catalog's to check.
    private func readMeanings(
        _ node: Node?, keyStart: TextPosition, subject: Subject?, sections: [SectionDefinition]
    ) -> FormMeanings {
        let mark = reader.mark(keyStart)
        guard let node else { return FormMeanings(fields: [:], items: [:], mark: mark) }
        guard let entries = node.entries else {
            reader.problem(node.start, "'meanings' must name a field for each meaning: 'meaning: section.field'.")
            return FormMeanings(fields: [:], items: [:], mark: mark)
        }
        let known = Meaning.allCases.filter { subject == nil || $0.subject == subject }
        var fields: [Meaning: FieldLocation] = [:]
        var items: [(meaning: Meaning, id: String, node: Node)] = []
        for entry in entries {
            guard let meaning = Meaning(rawValue: entry.key) else {
                reader.problem(
                    entry.keyStart,
                    "Unknown meaning '\(entry.key)'.\(Suggestion.didYouMean(entry.key, in: known.map(\.rawValue))) "
                        + "The meanings of a \(subject?.rawValue ?? "form")'s form are: "
                        + "\(known.map(\.rawValue).joined(separator: ", ")).")
                continue
            }
            if let subject, meaning.subject != subject {
                reader.problem(
                    entry.keyStart,
                    "'\(meaning.rawValue)' is a meaning of \(meaning.subject.rawValue) forms; this form is about a \(subject.rawValue)."
                )
                continue
            }
            guard let text = entry.value.scalar?.text, !entry.value.isNull else {
                reader.problem(
                    entry.value.start,
                    "'\(meaning.rawValue)' must name \(meaning.isItem ? "a field of each sessions repeat" : "a field as section.field")."
                )
                continue
            }
            if meaning.isItem {
                items.append((meaning, text, entry.value))
                continue
            }
            let parts = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 2, let section = sections.firstIndex(where: { $0.id == parts[0] }),
                let index = sections[section].fields.firstIndex(where: { $0.id == parts[1] })
            else {
                reader.problem(
                    entry.value.start,
                    "'\(meaning.rawValue)' names '\(text)', which is not a field of the form: name it as section.field."
                        + Suggestion.didYouMean(text, in: sections.flatMap { s in s.fields.map { "\(s.id).\($0.id)" } })
                )
                continue
            }
            let field = sections[section].fields[index]
            guard check(field, answers: meaning, at: entry.value) else { continue }
            fields[meaning] = FieldLocation(section: section, field: index)
        }
        var itemFields: [Meaning: String] = [:]
        let repeats = fields.filter { $0.key.types == [.repeat] }.sorted { $0.key.rawValue < $1.key.rawValue }
        for item in items {
            var found = true
            for (repeatMeaning, location) in repeats {
                let holder = sections[location.section].fields[location.field]
                guard let field = holder.fields.first(where: { $0.id == item.id }) else {
                    reader.problem(
                        item.node.start,
                        "'\(item.meaning.rawValue)' names '\(item.id)', which is not a field of '\(holder.id)' "
                            + "(\(repeatMeaning.rawValue)).\(Suggestion.didYouMean(item.id, in: holder.fields.map(\.id)))"
                    )
                    found = false
                    continue
                }
                found = check(field, answers: item.meaning, at: item.node) && found
            }
            if found { itemFields[item.meaning] = item.id }
        }
        return FormMeanings(fields: fields, items: itemFields, mark: mark)
    }

    /// True when a field can answer a meaning: of one of its types, with every choice the code compares with.
    private func check(_ field: FieldDefinition, answers meaning: Meaning, at node: Node) -> Bool {
        guard meaning.types.contains(field.type) else {
            let types = meaning.types.map(\.rawValue).sorted()
            reader.problem(
                node.start,
                "'\(meaning.rawValue)' must be answered by a \(Wording.alternatives(types)) field; "
                    + "'\(field.id)' is a \(field.type.rawValue).")
            return false
        }
        let missing = meaning.choices.filter { value in field.choices?.options.contains { $0.value == value } != true }
        guard missing.isEmpty else {
            reader.problem(
                node.start,
                "'\(meaning.rawValue)' is compared with the choices \(meaning.choices.joined(separator: ", ")); "
                    + "the list of '\(field.id)' lacks \(missing.joined(separator: ", ")).")
            return false
        }
        return true
    }

    // MARK: - Logic

    /// Checks each queued expression against the complete layout and puts it in its field.
    private func compileLogic(into sections: [SectionDefinition], layout: FormLayout) -> [SectionDefinition] {
        var sections = sections
        for logic in pending {
            guard logic.section < sections.count, logic.field < sections[logic.section].fields.count else { continue }
            var scope = ExpressionScope(layout: layout)
            if logic.subfield != nil, let shape = sections[logic.section].fields[logic.field].shape {
                scope.siblings = (slot: 0, shape: shape)
            }
            guard let expression = reader.expression(logic.node, in: scope, expecting: .boolean, collectsTerms: true)
            else { continue }
            func apply(_ field: inout FieldDefinition) {
                switch logic.key {
                case "required": field.required = .when(expression)
                case "relevant": field.relevant = expression
                default: field.constraint = expression
                }
            }
            if let subfield = logic.subfield {
                guard subfield < sections[logic.section].fields[logic.field].fields.count else { continue }
                apply(&sections[logic.section].fields[logic.field].fields[subfield])
            } else {
                apply(&sections[logic.section].fields[logic.field])
            }
        }
        return sections
    }
}
