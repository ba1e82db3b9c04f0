/// Applies a rule set to a submission's bound answers: each rule (for each item of its `for-each`)
/// whose `when` holds is checked, and a failed check is a finding carrying the values it saw.
struct RuleEngine {
    let ruleSet: RuleSet
    let form: FormDefinition
    let document: Document
    let sectionStarts: [TextPosition?]
    /// Whether a finding carries the values its check read.
    let explaining: Bool

    /// The repeat item a `for-each` finding is about: its values and positions, its index, and the repeat's field.
    private typealias FindingItem = (record: Record, index: Int, repeatField: FieldLocation)

    /// Adds the findings of every rule that fires to `findings`; when `outcomes` is not nil, adds to it how often each
    /// rule fired and passed.
    func apply(
        to answers: Answers, asOf: Day, parameters: [String: Value], findings: inout [Finding],
        outcomes: inout [RuleOutcome]?
    ) {
        var context = EvaluationContext(
            answers: answers, asOf: asOf, parameters: ruleSet.parameterValues(replacing: parameters),
            namedExpressions: ruleSet.namedValues, slots: 1)
        outcomes?.reserveCapacity(ruleSet.rules.count)
        // Each rule and variant is lent to its checks without counting a reference to it (`_withUnsafeGuaranteedRef`):
        // the rule set holds them all while this runs, and the copy a `for rule in` loop makes counted references
        // for every rule of every file, an eighth of all that `validate` counted (`Benchmarks/profile`'s harness).
        for ruleIndex in ruleSet.rules.indices {
            Unmanaged.passUnretained(ruleSet.rules[ruleIndex])._withUnsafeGuaranteedRef { rule in
                var outcome = RuleOutcome()
                for variantIndex in rule.variants.indices {
                    Unmanaged.passUnretained(rule.variants[variantIndex])._withUnsafeGuaranteedRef { variant in
                        guard let each = variant.each else {
                            check(rule, variant, item: nil, in: &context, outcome: &outcome, to: &findings)
                            return
                        }
                        guard case .list(let items) = answers[each.section, each.field] else { return }
                        for index in items.indices {
                            guard case .record = items[index] else { continue }
                            context.locals[0] = items[index]
                            check(rule, variant, item: index, in: &context, outcome: &outcome, to: &findings)
                        }
                        context.locals[0] = .absent
                    }
                }
                outcomes?.append(outcome)
            }
        }
    }

    /// Checks one rule variant (for the item at `item` of its `for-each`, held in the context's first local); a
    /// failed check's finding is appended to `findings` in place, not handed back to be copied in. The item is read
    /// back from the context only for a finding: most checks pass, and copying it for each would count references.
    private func check(
        _ rule: Rule, _ variant: RuleVariant, item: Int?, in context: inout EvaluationContext,
        outcome: inout RuleOutcome, to findings: inout [Finding]
    ) {
        // Read in place through `?.`: binding it (`if let when = variant.when`) copied it, counting a reference.
        if variant.when?.holds(in: &context) == false { return }
        if variant.check.holds(in: &context) {
            outcome.passed += 1
            return
        }
        outcome.fired += 1
        var message = variant.message.render(in: &context, lists: form.lists)
        var current: FindingItem?
        if let item, let each = variant.each, case .record(let record) = context.locals[0] {
            current = (record, item, each)
            let repeatField = form.field(at: each)
            message = "\(repeatField.label), \(repeatField.itemLabel ?? "item") \(item + 1): \(message)"
        }
        let (path, position) = place(variant.target, item: current, answers: context.answers)
        let values =
            explaining
            ? variant.check.explain(in: &context).map { term in (name: term.text, value: term.value.json) } : []
        findings.append(
            Finding(
                rule: rule.id, severity: rule.severity, path: path, message: message,
                mark: document.mark(position ?? document.rootStart), values: values, ruleMark: rule.mark,
                source: rule.source))
    }

    /// The JSON Pointer and the position of the answer a finding points at.
    private func place(
        _ target: FindingTarget, item: FindingItem?, answers: Answers
    ) -> (String, TextPosition?) {
        switch target {
        case .submission:
            return ("", nil)
        case .field(let location):
            let section = form.sections[location.section]
            let pointer = JSONPointer.make([section.id, section.fields[location.field].id])
            return (
                pointer,
                answers.position(section: location.section, field: location.field) ?? sectionStarts[location.section]
            )
        case .item, .itemField:
            guard let item else { return ("", nil) }
            let section = form.sections[item.repeatField.section]
            let repeatField = section.fields[item.repeatField.field]
            var tokens = [section.id, repeatField.id, String(item.index)]
            var position = item.record.start
            if case .itemField(let index) = target {
                tokens.append(repeatField.fields[index].id)
                position = item.record.positions[index] ?? item.record.start
            }
            return (JSONPointer.make(tokens), position)
        }
    }
}
