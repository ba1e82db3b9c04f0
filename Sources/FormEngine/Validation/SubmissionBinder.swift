/// Binds a submission's document to its form: each answer read by its field's type and checked against
/// the field's limits. Every failure is a finding at the answer's line and column, in the user's words.
///
/// Reads the document's values where they are stored, by index (`Document+Values.swift`).
///
/// The logic that depends on other answers (`relevant`, `required`, `constraint`) runs afterwards, on
/// the bound answers: see `FieldLogic`.
final class SubmissionBinder {
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
    func bind() -> Answers {
        let root = 0
        var answers = Answers(unansweredIn: form)
        sectionStarts.reserveCapacity(form.sections.count)
        var sectionCursor = root + 1
        // The root's keys that name a section or the form; when fewer than all, the others are reported.
        var known = document.value(forKey: "form", in: root) == nil ? 0 : 1
        // Taken once, not read through the form for each section and answer: each read copies, counting references.
        let sectionKeys = form.sectionKeys
        let fieldKeys = form.fieldKeys
        for sectionIndex in form.sections.indices {
            // Read from the form where used, not bound for each section: a bound copy counts references.
            var section: SectionDefinition { form.sections[sectionIndex] }
            let node = value(answering: sectionIndex, of: sectionKeys, in: root, from: &sectionCursor)
            if node != nil { known += 1 }
            sectionStarts.append(node.flatMap { document.isNull($0) ? nil : document.start($0) })
            if let node, !document.isNull(node) {
                if document.kind(node) == .mapping {
                    var cursor = node + 1
                    var matched = 0
                    let fields = section.fields
                    let first = form.answerOffsets[sectionIndex]
                    for index in fields.indices {
                        guard let answer = value(answering: first + index, of: fieldKeys, in: node, from: &cursor)
                        else { continue }
                        matched += 1
                        guard !document.isNull(answer) else { continue }
                        answers.setPosition(document.start(answer), section: sectionIndex, field: index)
                        answers[sectionIndex, index] = bindValue(
                            fields[index], answer, path: AnswerPath(section: sectionIndex, field: index))
                    }
                    if matched < document.entryCount(node) {
                        reportUnknown(
                            node, fields: fields, path: AnswerPath(section: sectionIndex),
                            what: "the section \"\(section.title)\"")
                    }
                } else {
                    add(
                        .shape, AnswerPath(section: sectionIndex), document.start(node),
                        "The section \"\(section.title)\" must be a group of 'question: answer' lines, not \(document.kindDescription(node))."
                    )
                }
            }
        }
        if known < document.entryCount(root) { reportUnknownSections() }
        return answers
    }

    /// A finding for each key of the root that names neither a section nor the form, in the order written.
    private func reportUnknownSections() {
        for entry in document.entries(of: 0)
        where !document.text(entry.key, equals: "form")
            && !form.sections.contains(where: { document.text(entry.key, equals: $0.id) })
        {
            let key = document.text(entry.key)
            let suggestion = Suggestion.closest(to: key, in: form.sections.map(\.id))
            add(
                .unknown(key: key, suggestion: suggestion), .submission, document.start(entry.key),
                "'\(key)' is not a section of the form \"\(form.title)\"."
                    + Suggestion.didYouMean(key, in: form.sections.map(\.id))
                    + " Its answers are not read until the name is right.", key: key)
        }
    }

    /// Hands over the findings, leaving none: the caller's array is then the only one, and grows in place.
    func takeFindings() -> [Finding] {
        let taken = findings
        findings = []
        return taken
    }

    // MARK: - Values

    /// Inlined where it is called (`bind`, `bindRepeat`): the field is then read where the caller's list of fields
    /// holds it, not handed over as an argument, which counted a reference for each answer (applications, one core:
    /// 345 -> 339 ms, five rounds in turn).
    @inline(__always)
    private func bindValue(_ field: FieldDefinition, _ node: Int, path: AnswerPath) -> Value {
        switch field.type {
        case .repeat:
            return bindRepeat(field, node, path: path)
        case .multiChoice:
            var chosen: [Value] = []
            chosen.reserveCapacity(document.itemCount(ofListOrSingle: node))
            for (index, choice) in document.items(ofListOrSingle: node).enumerated() {
                guard document.kind(choice) != .mapping, document.kind(choice) != .sequence, !document.isNull(choice)
                else {
                    add(
                        .shape, path.appending(index), document.start(choice),
                        "Each choice of \(name(path)) must be a single value.", field: field)
                    continue
                }
                if let value = plainValue(field, choice) {
                    chosen.append(value)
                } else if let value = choose(
                    field, document.text(choice), node: choice, path: path.appending(index))
                {
                    chosen.append(.text(value))
                }
            }
            guard !chosen.isEmpty else { return .absent }
            checkItemCount(field, chosen.count, node: node, path: path, noun: "choice")
            return .list(chosen)
        default:
            if let value = plainValue(field, node) {
                return field.type.isOrdered ? checkBounds(field, value, node: node, path: path) : value
            }
            guard let text = document.scalarText(node) else {
                add(
                    .type(field.type), path, document.start(node),
                    "\(name(path)) must be a single answer, not \(document.kindDescription(node)).", field: field)
                return .absent
            }
            return bindScalar(field, text, node: node, path: path)
        }
    }

    private func bindScalar(_ field: FieldDefinition, _ text: String, node: Int, path: AnswerPath) -> Value {
        switch field.type {
        case .text, .longText:
            guard text.hasNonWhitespace else { return .absent }
            checkText(field, text, node: node, path: path)
            return .text(text)
        case .integer:
            guard let number = Int(text.trimmingWhitespace) else {
                add(
                    .type(.integer), path, document.start(node),
                    "\(name(path)) must be a whole number, like 25; \"\(text)\" is not.", field: field)
                return .absent
            }
            return checkBounds(field, .number(Double(number)), node: node, path: path)
        case .decimal:
            guard let number = Self.decimal(text.trimmingWhitespace) else {
                add(
                    .type(.decimal), path, document.start(node),
                    "\(name(path)) must be a number, like 2.5; \"\(text)\" is not.",
                    field: field)
                return .absent
            }
            return checkBounds(field, .number(number), node: node, path: path)
        case .yesNo:
            guard let flag = YesNo.parse(text.trimmingWhitespace) else {
                add(
                    .type(.yesNo), path, document.start(node),
                    "\(name(path)) must be yes or no; \"\(text)\" is not.",
                    field: field)
                return .absent
            }
            return .boolean(flag)
        case .date:
            guard let day = Day(iso: text.trimmingWhitespace) else {
                add(
                    .type(.date), path, document.start(node),
                    "\(name(path)) must be a real date written YYYY-MM-DD, like 2017-03-31; " + Self.dateAdvice(text),
                    field: field)
                return .absent
            }
            return checkBounds(field, .date(day), node: node, path: path)
        case .choice:
            return choose(field, text, node: node, path: path).map(Value.text) ?? .absent
        default:
            guard let format = field.type.identifierFormat else { return .text(text) }
            guard let normalized = format.normalize(text) else {
                let message = field.message ?? "\(name(path)) must be \(format.expectation); \"\(text)\" is not."
                add(.format(expected: format.expectation), path, document.start(node), message, field: field)
                return .absent
            }
            return .text(normalized)
        }
    }

    private func bindRepeat(_ field: FieldDefinition, _ node: Int, path: AnswerPath) -> Value {
        let noun = field.itemLabel ?? "item"
        guard document.kind(node) == .sequence else {
            add(
                .shape, path, document.start(node),
                "\(name(path)) must be a list of \(noun)s, each starting with '- ', not \(document.kindDescription(node))."
            )
            return .absent
        }
        var records: [Value] = []
        records.reserveCapacity(document.itemCount(ofListOrSingle: node))
        let subfields = field.fields
        let keys = form.subfieldKeys[path.answerIndex(in: form)]
        for (index, itemNode) in document.items(of: node).enumerated() {
            let itemPath = path.appending(index)
            var itemName: ItemName { .numbered(noun, index + 1) }
            guard document.kind(itemNode) == .mapping else {
                add(
                    .shape, itemPath, document.start(itemNode),
                    "Each \(noun) of \(name(path)) must be a group of 'question: answer' lines; \(itemName) is \(document.kindDescription(itemNode))."
                )
                continue
            }
            var values = [Value](filledWith: .absent, count: subfields.count)
            var positions = [TextPosition?](filledWith: nil, count: subfields.count)
            var cursor = itemNode + 1
            var matched = 0
            for subIndex in subfields.indices {
                guard let answer = value(answering: subIndex, of: keys, in: itemNode, from: &cursor) else { continue }
                matched += 1
                guard !document.isNull(answer) else { continue }
                positions[subIndex] = document.start(answer)
                values[subIndex] = bindValue(subfields[subIndex], answer, path: itemPath.appending(subIndex))
            }
            if matched < document.entryCount(itemNode) {
                reportUnknown(itemNode, fields: subfields, path: itemPath, what: "\(itemName) of \(name(path))")
            }
            records.append(.record(Record(values: values, positions: positions, start: document.start(itemNode))))
        }
        guard !records.isEmpty else { return .absent }
        checkItemCount(field, records.count, node: node, path: path, noun: noun)
        return .list(records)
    }

    // MARK: - Checks

    private func choose(_ field: FieldDefinition, _ text: String, node: Int, path: AnswerPath) -> String? {
        guard let list = field.choices else { return nil }
        if let option = list.option(matching: text.trimmingWhitespace) { return option.value }
        let choices =
            list.options.count <= 16
            ? " Choose \(Wording.alternatives(list.options.map { "'\($0.value)'" }))."
            : Suggestion.didYouMean(text, in: list.options.map(\.value))
        add(
            .choice(given: text, choices: list.options.map(\.value)), path, document.start(node),
            "\(name(path)): \"\(text)\" is not one of the choices.\(choices)",
            field: field)
        return nil
    }

    private func checkText(_ field: FieldDefinition, _ text: String, node: Int, path: AnswerPath) {
        // Counting Characters reads the whole text; a text with no more bytes than the limit is within it.
        let bytes = text.utf8.count
        let length = (field.minLength == nil && (field.maxLength ?? 0) >= bytes) ? bytes : text.count
        if let minimum = field.minLength, length < minimum {
            add(
                .minLength(minimum), path, document.start(node),
                "\(name(path)) must be at least \(Wording.count(minimum, "character")); it has \(length).", field: field
            )
        }
        if let maximum = field.maxLength, length > maximum {
            add(
                .maxLength(maximum), path, document.start(node),
                "\(name(path)) must be \(Wording.count(maximum, "character")) or fewer; it has \(length).", field: field
            )
        }
        if let pattern = field.pattern, !pattern.matches(text) {
            add(
                .pattern, path, document.start(node),
                field.message ?? "\(name(path)) is not in the form it should be: \"\(text)\".", field: field)
        }
    }

    func checkBounds(_ field: FieldDefinition, _ value: Value, node: Int, path: AnswerPath) -> Value {
        let isDate: Bool
        if case .date = value { isDate = true } else { isDate = false }
        if let minimum = field.min, Self.order(value, minimum) < 0 {
            let limit = isDate ? "on or after \(minimum.text)" : "\(minimum.text) or more"
            add(
                .min(minimum), path, document.start(node),
                "\(name(path)) must be \(limit); \(ValueText.plain(value)) is not.",
                field: field)
        }
        if let maximum = field.max, Self.order(value, maximum) > 0 {
            let limit = isDate ? "on or before \(maximum.text)" : "\(maximum.text) or less"
            add(
                .max(maximum), path, document.start(node),
                "\(name(path)) must be \(limit); \(ValueText.plain(value)) is not.",
                field: field)
        }
        return value
    }

    private func checkItemCount(_ field: FieldDefinition, _ count: Int, node: Int, path: AnswerPath, noun: String) {
        if let minimum = field.minItems, count < minimum {
            add(
                .minItems(minimum), path, document.start(node),
                "\(name(path)) needs at least \(Wording.count(minimum, noun)); it has \(count).", field: field)
        }
        if let maximum = field.maxItems, count > maximum {
            add(
                .maxItems(maximum), path, document.start(node),
                "\(name(path)) takes at most \(Wording.count(maximum, noun)); it has \(count).", field: field)
        }
    }

    /// The value of the key at `key` of `keys` (a section's or a field's id) in the mapping `node`. Looked for
    /// first at `cursor`, the key after the last one found, since answers mostly come in the form's order; keys are
    /// unique, so each entry answers at most one section or field.
    private func value(answering key: Int, of keys: KeyTable, in node: Int, from cursor: inout Int) -> Int? {
        let end = Int(document.nodes[node].next)
        let found =
            cursor < end && document.text(cursor, equals: key, of: keys)
            ? cursor : document.entries(of: node).first(where: { document.text($0.key, equals: key, of: keys) })?.key
        guard let found else { return nil }
        cursor = Int(document.nodes[found + 1].next)
        return found + 1
    }

    /// How messages name the field at `path`.
    private func name(_ path: AnswerPath) -> FieldName { path.fieldName(in: form) }

    /// A finding for each entry of the mapping `node` that answers none of the fields, in the order written.
    private func reportUnknown(
        _ node: Int, fields: [FieldDefinition], path: AnswerPath, what: @autoclosure () -> String
    ) {
        for entry in document.entries(of: node)
        where !fields.contains(where: { document.text(entry.key, equals: $0.id) }) {
            let key = document.text(entry.key)
            add(
                .unknown(key: key, suggestion: Suggestion.closest(to: key, in: fields.map(\.id))), path,
                document.start(entry.key),
                "'\(key)' is not a question in \(what())."
                    + Suggestion.didYouMean(key, in: fields.map(\.id))
                    + " Its answer is not read until the name is right.", key: key)
        }
    }

    private func add(
        _ check: FieldCheck, _ path: AnswerPath, _ position: TextPosition, _ message: String,
        field: FieldDefinition? = nil, key: String? = nil
    ) {
        findings.append(
            Finding(
                rule: check.rule, severity: .error, path: path.pointer(in: form, then: key), message: message,
                mark: document.mark(position), ruleMark: field?.mark, check: check))
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
