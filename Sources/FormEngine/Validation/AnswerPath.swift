/// Where an answer is, as positions in its form: a section, then in turn a field of it and a number (an item of a
/// repeat, or a choice of a multi-choice), down to a field of an item and a choice of it. Plain numbers, so
/// passing one around costs nothing; the JSON Pointer (`/cse/sessions/0/date`) is written only for a finding.
struct AnswerPath: Sendable {
    /// The section, or -1 for the submission as a whole.
    private var section: Int32
    private var steps: (Int32, Int32, Int32, Int32) = (-1, -1, -1, -1)
    private var count: Int8 = 0

    /// The whole submission.
    static let submission = AnswerPath(section: -1)

    /// A section, or one of its fields.
    init(section: Int, field: Int? = nil) {
        self.section = Int32(section)
        if let field { self = appending(field) }
    }

    /// One step further in: after a field, an item or choice number; after a number, a field of that item.
    func appending(_ step: Int) -> AnswerPath {
        var path = self
        switch count {
        case 0: path.steps.0 = Int32(step)
        case 1: path.steps.1 = Int32(step)
        case 2: path.steps.2 = Int32(step)
        case 3: path.steps.3 = Int32(step)
        default: preconditionFailure("no form nests answers deeper than a choice of a field of an item")
        }
        path.count += 1
        return path
    }

    /// The place, among all the form's fields in the order of `Answers`, of the section's field the path leads to
    /// or into.
    func answerIndex(in form: FormDefinition) -> Int {
        form.answerOffsets[Int(section)] + Int(steps.0)
    }

    /// How messages name the field the path leads to (or the field it is a choice or an item of): its label, and
    /// for a field of a repeat's item, the item (`"Date delivered" (session 2)`).
    func fieldName(in form: FormDefinition) -> FieldName {
        let field = form.sections[Int(section)].fields[Int(steps.0)]
        guard field.type == .repeat, count >= 3 else { return FieldName(label: field.label, item: nil) }
        let item = ItemName.numbered(field.itemLabel ?? "item", Int(steps.1) + 1)
        return FieldName(label: field.fields[Int(steps.2)].label, item: item)
    }

    /// The JSON Pointer of the answer in `form`, with `key` after it for a key the form does not have.
    func pointer(in form: FormDefinition, then key: String? = nil) -> String {
        var tokens: [String] = []
        if section >= 0 {
            let owner = form.sections[Int(section)]
            tokens.append(owner.id)
            var fields = owner.fields
            let all = [steps.0, steps.1, steps.2, steps.3].prefix(Int(count))
            for (index, step) in all.enumerated() {
                if index % 2 == 0 {
                    tokens.append(fields[Int(step)].id)
                    fields = fields[Int(step)].fields
                } else {
                    tokens.append(String(step))
                }
            }
        }
        if let key { tokens.append(key) }
        return JSONPointer.make(tokens)
    }
}
