/// Binds a submission's document to its form: each answer read by its field's type and checked against
/// the field's limits. Every failure is a finding at the answer's line and column, in the user's words.
///
/// The logic that depends on other answers (`relevant`, `required`, `constraint`) runs afterwards, on
/// the bound answers: see `FieldLogic`.
struct SubmissionBinder {
    let form: FormDefinition
    let document: Document
    private(set) var findings: [Finding] = []
    /// Where each section's answers start, when the submission has the section.
    private(set) var sectionStarts: [TextPosition?] = []

    init(form: FormDefinition, document: Document) {
        self.form = form
        self.document = document
    }

    /// The answers, with a finding for each answer that is not what its field takes.
    mutating func bind() -> Answers {
        let root = document.root
        var values: [[Value]] = []
        var positions: [[TextPosition?]] = []
        let entries = root.entries ?? []
        for entry in entries where entry.key != "form" && !form.sections.contains(where: { $0.id == entry.key }) {
            add(
                "field.unknown", .error, .submission, entry.keyStart,
                "'\(entry.key)' is not a section of the form \"\(form.title)\"."
                    + Suggestion.didYouMean(entry.key, in: form.sections.map(\.id))
                    + " Its answers are not read until the name is right.", key: entry.key)
        }
        for (sectionIndex, section) in form.sections.enumerated() {
            var sectionValues = [Value](repeating: .absent, count: section.fields.count)
            var sectionPositions = [TextPosition?](repeating: nil, count: section.fields.count)
            let node = root[section.id]
            sectionStarts.append(node.flatMap { $0.isNull ? nil : $0.start })
            if let node, !node.isNull {
                if let answers = node.entries {
                    var cursor = 0
                    var matched = 0
                    for (index, field) in section.fields.enumerated() {
                        guard let entry = Self.entry(answering: field, in: answers, from: &cursor) else { continue }
                        matched += 1
                        let answer = answers[entry].value
                        guard !answer.isNull else { continue }
                        sectionPositions[index] = answer.start
                        sectionValues[index] = bindValue(
                            field, answer, path: AnswerPath(section: sectionIndex, field: index), item: nil)
                    }
                    if matched < answers.count {
                        reportUnknown(
                            answers, fields: section.fields, path: AnswerPath(section: sectionIndex),
                            what: "the section \"\(section.title)\"")
                    }
                } else {
                    add(
                        "field.type", .error, AnswerPath(section: sectionIndex), node.start,
                        "The section \"\(section.title)\" must be a group of 'question: answer' lines, not \(node.kindDescription)."
                    )
                }
            }
            values.append(sectionValues)
            positions.append(sectionPositions)
        }
        return Answers(values: values, positions: positions)
    }

    // MARK: - Values

    private mutating func bindValue(_ field: FieldDefinition, _ node: Node, path: AnswerPath, item: ItemName?) -> Value
    {
        let name = FieldName(label: field.label, item: item)
        switch field.type {
        case .repeat:
            return bindRepeat(field, node, path: path, name: name)
        case .multiChoice:
            let items = node.items ?? [node]
            var chosen: [Value] = []
            for (index, choice) in items.enumerated() {
                guard let text = choice.scalar?.text, !choice.isNull else {
                    add(
                        "field.type", .error, path.appending(index), choice.start,
                        "Each choice of \(name) must be a single value.", field: field)
                    continue
                }
                if let value = choose(field, text, node: choice, path: path.appending(index), name: name) {
                    chosen.append(.text(value))
                }
            }
            guard !chosen.isEmpty else { return .absent }
            checkItemCount(field, chosen.count, node: node, path: path, name: name, noun: "choice")
            return .list(chosen)
        default:
            guard let scalar = node.scalar else {
                add(
                    "field.type", .error, path, node.start,
                    "\(name) must be a single answer, not \(node.kindDescription).", field: field)
                return .absent
            }
            return bindScalar(field, scalar.text, node: node, path: path, name: name)
        }
    }

    private mutating func bindScalar(
        _ field: FieldDefinition, _ text: String, node: Node, path: AnswerPath, name: FieldName
    )
        -> Value
    {
        switch field.type {
        case .text, .longText:
            guard text.hasNonWhitespace else { return .absent }
            checkText(field, text, node: node, path: path, name: name)
            return .text(text)
        case .integer:
            guard let number = Int(text.trimmingWhitespace) else {
                add(
                    "field.type", .error, path, node.start,
                    "\(name) must be a whole number, like 25; \"\(text)\" is not.", field: field)
                return .absent
            }
            return checkBounds(field, .number(Double(number)), node: node, path: path, name: name)
        case .decimal:
            guard let number = Self.decimal(text.trimmingWhitespace) else {
                add(
                    "field.type", .error, path, node.start, "\(name) must be a number, like 2.5; \"\(text)\" is not.",
                    field: field)
                return .absent
            }
            return checkBounds(field, .number(number), node: node, path: path, name: name)
        case .yesNo:
            guard let flag = YesNo.parse(text.trimmingWhitespace) else {
                add(
                    "field.type", .error, path, node.start, "\(name) must be yes or no; \"\(text)\" is not.",
                    field: field)
                return .absent
            }
            return .boolean(flag)
        case .date:
            guard let day = Day(iso: text.trimmingWhitespace) else {
                add(
                    "field.type", .error, path, node.start,
                    "\(name) must be a real date written YYYY-MM-DD, like 2017-03-31; " + Self.dateAdvice(text),
                    field: field)
                return .absent
            }
            return checkBounds(field, .date(day), node: node, path: path, name: name)
        case .choice:
            return choose(field, text, node: node, path: path, name: name).map(Value.text) ?? .absent
        default:
            guard let format = field.type.identifierFormat else { return .text(text) }
            guard let normalized = format.normalize(text) else {
                let message = field.message ?? "\(name) must be \(format.expectation); \"\(text)\" is not."
                add("field.format", .error, path, node.start, message, field: field)
                return .absent
            }
            return .text(normalized)
        }
    }

    private mutating func bindRepeat(_ field: FieldDefinition, _ node: Node, path: AnswerPath, name: FieldName) -> Value
    {
        let noun = field.itemLabel ?? "item"
        guard let items = node.items else {
            add(
                "field.type", .error, path, node.start,
                "\(name) must be a list of \(noun)s, each starting with '- ', not \(node.kindDescription).")
            return .absent
        }
        var records: [Value] = []
        for (index, itemNode) in items.enumerated() {
            let itemPath = path.appending(index)
            let itemName = ItemName.numbered(noun, index + 1)
            guard let answers = itemNode.entries else {
                add(
                    "field.type", .error, itemPath, itemNode.start,
                    "Each \(noun) of \(name) must be a group of 'question: answer' lines; \(itemName) is \(itemNode.kindDescription)."
                )
                continue
            }
            var values = [Value](repeating: .absent, count: field.fields.count)
            var positions = [TextPosition?](repeating: nil, count: field.fields.count)
            var cursor = 0
            var matched = 0
            for (subIndex, subfield) in field.fields.enumerated() {
                guard let entry = Self.entry(answering: subfield, in: answers, from: &cursor) else { continue }
                matched += 1
                let answer = answers[entry].value
                guard !answer.isNull else { continue }
                positions[subIndex] = answer.start
                values[subIndex] = bindValue(subfield, answer, path: itemPath.appending(subIndex), item: itemName)
            }
            if matched < answers.count {
                reportUnknown(answers, fields: field.fields, path: itemPath, what: "\(itemName) of \(name)")
            }
            records.append(.record(Record(values: values, positions: positions, start: itemNode.start)))
        }
        guard !records.isEmpty else { return .absent }
        checkItemCount(field, records.count, node: node, path: path, name: name, noun: noun)
        return .list(records)
    }

    // MARK: - Checks

    private mutating func choose(
        _ field: FieldDefinition, _ text: String, node: Node, path: AnswerPath, name: FieldName
    )
        -> String?
    {
        guard let list = field.list.flatMap({ form.lists[$0] }) else { return nil }
        if let option = list.option(matching: text.trimmingWhitespace) { return option.value }
        let choices =
            list.options.count <= 16
            ? " Choose \(Wording.alternatives(list.options.map { "'\($0.value)'" }))."
            : Suggestion.didYouMean(text, in: list.options.map(\.value))
        add(
            "field.list", .error, path, node.start, "\(name): \"\(text)\" is not one of the choices.\(choices)",
            field: field)
        return nil
    }

    private mutating func checkText(
        _ field: FieldDefinition, _ text: String, node: Node, path: AnswerPath, name: FieldName
    ) {
        // Counting Characters reads the whole text; a text with no more bytes than the limit is within it.
        let bytes = text.utf8.count
        let length = (field.minLength == nil && (field.maxLength ?? 0) >= bytes) ? bytes : text.count
        if let minimum = field.minLength, length < minimum {
            add(
                "field.min-length", .error, path, node.start,
                "\(name) must be at least \(Wording.count(minimum, "character")); it has \(length).", field: field)
        }
        if let maximum = field.maxLength, length > maximum {
            add(
                "field.max-length", .error, path, node.start,
                "\(name) must be \(Wording.count(maximum, "character")) or fewer; it has \(length).", field: field)
        }
        if let pattern = field.pattern, !pattern.matches(text) {
            add(
                "field.pattern", .error, path, node.start,
                field.message ?? "\(name) is not in the form it should be: \"\(text)\".", field: field)
        }
    }

    private mutating func checkBounds(
        _ field: FieldDefinition, _ value: Value, node: Node, path: AnswerPath, name: FieldName
    ) -> Value {
        let isDate: Bool
        if case .date = value { isDate = true } else { isDate = false }
        if let minimum = field.min, Self.order(value, minimum) < 0 {
            let limit = isDate ? "on or after \(minimum.text)" : "\(minimum.text) or more"
            add(
                "field.min", .error, path, node.start, "\(name) must be \(limit); \(ValueText.plain(value)) is not.",
                field: field)
        }
        if let maximum = field.max, Self.order(value, maximum) > 0 {
            let limit = isDate ? "on or before \(maximum.text)" : "\(maximum.text) or less"
            add(
                "field.max", .error, path, node.start, "\(name) must be \(limit); \(ValueText.plain(value)) is not.",
                field: field)
        }
        return value
    }

    private mutating func checkItemCount(
        _ field: FieldDefinition, _ count: Int, node: Node, path: AnswerPath, name: FieldName, noun: String
    ) {
        if let minimum = field.minItems, count < minimum {
            add(
                "field.min-items", .error, path, node.start,
                "\(name) needs at least \(Wording.count(minimum, noun)); it has \(count).", field: field)
        }
        if let maximum = field.maxItems, count > maximum {
            add(
                "field.max-items", .error, path, node.start,
                "\(name) takes at most \(Wording.count(maximum, noun)); it has \(count).", field: field)
        }
    }

    /// The entry that answers a field. Looked for first where the last one was found, since answers mostly come
    /// in the form's order; keys are unique, so each entry answers at most one field.
    private static func entry(answering field: FieldDefinition, in entries: [Entry], from cursor: inout Int) -> Int? {
        let found =
            cursor < entries.count && entries[cursor].key == field.id
            ? cursor : entries.firstIndex(where: { $0.key == field.id })
        if let found { cursor = found + 1 }
        return found
    }

    /// A finding for each entry that answers none of the fields, in the order written.
    private mutating func reportUnknown(
        _ entries: [Entry], fields: [FieldDefinition], path: AnswerPath, what: @autoclosure () -> String
    ) {
        for entry in entries where !fields.contains(where: { $0.id == entry.key }) {
            add(
                "field.unknown", .error, path, entry.keyStart,
                "'\(entry.key)' is not a question in \(what())."
                    + Suggestion.didYouMean(entry.key, in: fields.map(\.id))
                    + " Its answer is not read until the name is right.", key: entry.key)
        }
    }

    private mutating func add(
        _ rule: String, _ severity: Severity, _ path: AnswerPath, _ position: TextPosition, _ message: String,
        field: FieldDefinition? = nil, key: String? = nil
    ) {
        findings.append(
            Finding(
                rule: rule, severity: severity, path: path.pointer(in: form, then: key), message: message,
                mark: document.mark(position), ruleMark: field?.mark))
    }

    // MARK: - Helpers

    /// A decimal written plainly: digits, an optional point and digits, an optional sign. No exponents, no NaN.
    static func decimal(_ text: String) -> Double? {
        var body = Substring(text)
        if body.first == "-" || body.first == "+" { body = body.dropFirst() }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), !parts[0].isEmpty || parts.count == 2,
            parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }), parts.contains(where: { !$0.isEmpty })
        else { return nil }
        return Double(text)
    }

    /// Advice for a date that is not YYYY-MM-DD: how to write a day/month/year date the ISO way.
    static func dateAdvice(_ text: String) -> String {
        let parts = text.trimmingWhitespace.split(whereSeparator: { $0 == "/" || $0 == "." || $0 == "-" })
        if parts.count == 3, let day = Int(parts[0]), let month = Int(parts[1]), let year = Int(parts[2]),
            parts[2].count == 4, let real = Day(year: year, month: month, day: day)
        {
            return "write \"\(text)\" as \(real.iso)."
        }
        return "\"\(text)\" is not."
    }

    private static func order(_ value: Value, _ bound: Bound) -> Int {
        switch (value, bound) {
        case (.number(let a), .number(let b)): return a < b ? -1 : (a > b ? 1 : 0)
        case (.date(let a), .date(let b)): return a < b ? -1 : (a > b ? 1 : 0)
        default: return 0
        }
    }
}
