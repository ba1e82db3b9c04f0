/// Runs each field's `relevant`, `required` and `constraint` on the bound answers, in the form's order.
///
/// A field that does not apply has its answer set aside (absent to everything after it), and an answer
/// given to it is reported as a warning (`field.not-applicable`), never dropped in silence. A later
/// field's logic sees the answers as they stand after the earlier fields' relevance.
struct FieldLogic {
    let form: FormDefinition
    let document: Document
    let asOf: Day
    let sectionStarts: [TextPosition?]
    /// The findings so far (the binder's), with the logic's added after them.
    private(set) var findings: [Finding]

    init(
        form: FormDefinition, document: Document, asOf: Day, sectionStarts: [TextPosition?], findings: [Finding]
    ) {
        self.form = form
        self.document = document
        self.asOf = asOf
        self.sectionStarts = sectionStarts
        self.findings = findings
    }

    /// Hands over the findings, leaving none: the caller's array is then the only one, and grows in place.
    mutating func takeFindings() -> [Finding] {
        let taken = findings
        findings = []
        return taken
    }

    /// Applies the logic of every field to `answers`.
    mutating func apply(to answers: inout Answers) {
        // One context for every field, holding the answers as they stand: the only copy, so that setting an
        // answer aside changes it in place.
        var context = EvaluationContext(answers: answers, asOf: asOf, slots: 1)
        answers = .none
        defer { answers = context.answers }
        let offsets = form.answerOffsets
        for s in 0..<offsets.count - 1 {
            for f in 0..<offsets[s + 1] - offsets[s] {
                let checks = form.fieldChecks[offsets[s] + f]
                // Most fields have nothing to check, or only that an answer is there (and it is).
                if checks.isEmpty || checks == .required && context.answers.isPresent(section: s, field: f) {
                    continue
                }
                let field = form.sections[s].fields[f]
                let given = context.answers.position(section: s, field: f)
                let verdict = check(
                    field, checks, answer: context.answers[s, f], given: given != nil,
                    in: &context, repeatField: nil, path: AnswerPath(section: s, field: f),
                    place: given ?? sectionStarts[s] ?? document.rootStart)
                if verdict == .setAside { context.answers[s, f] = .absent }
                if checks.contains(.items), case .list(var items) = context.answers[s, f] {
                    let changed = applyToItems(
                        field, &items, checks: form.subfieldChecks[offsets[s] + f], in: &context,
                        path: AnswerPath(section: s, field: f))
                    if changed { context.answers[s, f] = .list(items) }
                    context.locals[0] = .absent
                }
            }
        }
    }

    /// Applies the logic of each item's sub-fields; true when it set an answer aside.
    private mutating func applyToItems(
        _ repeatField: FieldDefinition, _ items: inout [Value], checks: [FieldChecks],
        in context: inout EvaluationContext, path: AnswerPath
    ) -> Bool {
        var changed = false
        for index in items.indices {
            guard case .record(var record) = items[index] else { continue }
            // The item the sub-fields' logic reads (`.` in their expressions): set again whenever it changes.
            context.locals[0] = items[index]
            var itemChanged = false
            for subIndex in checks.indices {
                if checks[subIndex].isEmpty || checks[subIndex] == .required && record.values[subIndex].isPresent {
                    continue
                }
                let place = record.positions[subIndex] ?? record.start ?? document.rootStart
                let verdict = check(
                    repeatField.fields[subIndex], checks[subIndex], answer: record.values[subIndex],
                    given: record.positions[subIndex] != nil, in: &context, repeatField: repeatField,
                    path: path.appending(index).appending(subIndex), place: place)
                if verdict == .setAside {
                    // At once: the sub-fields after it see the item as it now stands.
                    record.values[subIndex] = .absent
                    context.locals[0] = .record(record)
                    itemChanged = true
                }
            }
            if itemChanged {
                items[index] = .record(record)
                changed = true
            }
        }
        return changed
    }

    private enum Verdict { case keep, setAside }

    private mutating func check(
        _ field: FieldDefinition, _ checks: FieldChecks, answer: Value, given: Bool,
        in context: inout EvaluationContext, repeatField: FieldDefinition?, path: AnswerPath, place: TextPosition
    ) -> Verdict {
        let isPresent = answer.isPresent
        // A field with no logic needs only its presence checked.
        guard checks.contains(.logic) || (!isPresent && !given) else { return .keep }
        // Written out only for a finding: most answers are right.
        var name: FieldName { path.fieldName(in: form) }
        var pointer: String { path.pointer(in: form) }
        var mark: SourceMark { document.mark(place) }

        // `x?.holds(...) == false` rather than `if let x = ..., !x.holds(...)`: a bound copy of the expression counts a
        // reference, for each field of each file; the expression is bound only when its finding is written.
        if field.relevant?.holds(in: &context) == false, let relevant = field.relevant {
            if given {
                let because = explanation(relevant, &context, repeatField: repeatField)
                findings.append(
                    Finding(
                        rule: FieldCheck.notApplicable.rule, severity: .warning, path: pointer,
                        message:
                            "\(name) does not apply, because \(because.sentence); its answer is kept but not used.",
                        mark: mark, values: because.values, ruleMark: relevant.mark, check: .notApplicable))
            }
            return .setAside
        }
        if !isPresent && !given {
            switch field.required {
            case .never:
                break
            case .always:
                findings.append(
                    Finding(
                        rule: FieldCheck.required.rule, severity: .error, path: pointer,
                        message: "\(name) needs an answer.", mark: mark, ruleMark: field.mark, check: .required))
            case .when(let condition):
                if condition.holds(in: &context) {
                    let because = explanation(condition, &context, repeatField: repeatField)
                    findings.append(
                        Finding(
                            rule: FieldCheck.required.rule, severity: .error, path: pointer,
                            message: "\(name) needs an answer, because \(because.sentence).", mark: mark,
                            values: because.values, ruleMark: condition.mark, check: .required))
                }
            }
        }
        if field.past, case .date(let day) = answer, asOf < day {
            findings.append(
                Finding(
                    rule: FieldCheck.future(asOf: asOf).rule, severity: .error, path: pointer,
                    message: "\(name) is \(day.spoken), after the day this is checked (\(asOf.spoken)). It is the date "
                        + "of something already done: check it.",
                    mark: mark, values: [("as_of()", .string(asOf.iso))], ruleMark: field.mark,
                    check: .future(asOf: asOf)))
        }
        if isPresent, field.constraint?.holds(in: &context) == false, let constraint = field.constraint {
            let because = explanation(constraint, &context, repeatField: repeatField)
            findings.append(
                Finding(
                    rule: FieldCheck.constraint.rule, severity: .error, path: pointer,
                    message: field.message
                        ?? "\(name) does not meet its condition: \(constraint.text.collapsingWhitespace).",
                    mark: mark, values: because.values, ruleMark: constraint.mark, check: .constraint))
        }
        return .keep
    }

    /// Why a condition came out as it did, in words: `"Subscribed to the DBS Update Service?" is no`.
    private func explanation(
        _ expression: Expression, _ context: inout EvaluationContext, repeatField: FieldDefinition?
    ) -> (sentence: String, values: [(name: String, value: JSONValue)]) {
        let terms = expression.explain(in: &context)
        var clauses: [String] = []
        for term in terms {
            guard let label = label(of: term.text, repeatField: repeatField) else { continue }
            clauses.append("\"\(label)\" is \(ValueText.plain(term.value, type: term.type, lists: form.lists))")
        }
        let sentence =
            clauses.isEmpty ? "of its condition (\(expression.text.collapsingWhitespace))" : Wording.all(clauses)
        return (sentence, terms.map { ($0.text, $0.value.json) })
    }

    /// The label of the field an expression's term names, when it names one.
    private func label(of text: String, repeatField: FieldDefinition?) -> String? {
        let parts = text.split(separator: ".").map(String.init)
        if parts.count == 2, let section = form.sections.first(where: { $0.id == parts[0] }),
            let field = section.fields.first(where: { $0.id == parts[1] })
        {
            return field.label
        }
        if parts.count == 1, let sibling = repeatField?.fields.first(where: { $0.id == parts[0] }) {
            return sibling.label
        }
        return nil
    }
}
