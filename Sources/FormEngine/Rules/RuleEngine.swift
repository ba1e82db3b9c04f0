/// Applies a rule set to a submission's bound answers: each rule (for each item of its `for-each`)
/// whose `when` holds is checked, and a failed check is a finding carrying the values it saw.
struct RuleEngine {
    let ruleSet: RuleSet
    let form: FormDefinition
    let document: Document
    let sectionStarts: [TextPosition?]
    /// Whether a finding carries the values its check read.
    let explaining: Bool

    /// Adds the findings of every rule that fires to `findings`; says how often each rule fired and passed.
    func apply(to answers: Answers, asOf: Day, parameters: [String: Value], findings: inout [Finding])
        -> [RuleOutcome]
    {
        var context = EvaluationContext(
            answers: answers, asOf: asOf, parameters: ruleSet.parameterValues(replacing: parameters),
            namedExpressions: ruleSet.namedValues, slots: 1)
        var outcomes: [RuleOutcome] = []
        outcomes.reserveCapacity(ruleSet.rules.count)
        for rule in ruleSet.rules {
            var outcome = RuleOutcome()
            for variant in rule.variants {
                guard let each = variant.each else {
                    check(rule, variant, item: nil, in: &context, answers: answers, outcome: &outcome, to: &findings)
                    continue
                }
                guard case .list(let items) = answers[each.section, each.field] else { continue }
                for (index, item) in items.enumerated() {
                    guard case .record(let record) = item else { continue }
                    context.locals[0] = item
                    let current = (record: record, index: index, repeatField: each)
                    check(
                        rule, variant, item: current, in: &context, answers: answers, outcome: &outcome,
                        to: &findings)
                }
                context.locals[0] = .absent
            }
            outcomes.append(outcome)
        }
        return outcomes
    }

    /// Checks one rule variant (for one item); a failed check's finding is appended to `findings` in place, not
    /// handed back to be copied in.
    private func check(
        _ rule: Rule, _ variant: RuleVariant, item: (record: Record, index: Int, repeatField: FieldLocation)?,
        in context: inout EvaluationContext, answers: Answers, outcome: inout RuleOutcome,
        to findings: inout [Finding]
    ) {
        if let when = variant.when, !when.holds(in: &context) { return }
        if variant.check.holds(in: &context) {
            outcome.passed += 1
            return
        }
        outcome.fired += 1
        var message = variant.message.render(in: &context, lists: form.lists)
        if let item {
            let repeatField = form.field(at: item.repeatField)
            message = "\(repeatField.label), \(repeatField.itemLabel ?? "item") \(item.index + 1): \(message)"
        }
        let (path, position) = place(variant.target, item: item, answers: answers)
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
        _ target: FindingTarget, item: (record: Record, index: Int, repeatField: FieldLocation)?, answers: Answers
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
