/// What the names in an expression can mean where it stands.
struct ExpressionScope: Sendable {
    /// The form's sections and fields, with their types.
    let layout: FormLayout
    /// The rule set's parameters, by name: their index in the evaluation's parameter values, and type.
    var parameters: [String: (index: Int, type: ValueType)] = [:]
    /// The rule set's named values (`let:`), by name.
    var namedValues: [String: (index: Int, type: ValueType)] = [:]
    /// For the logic of a field inside a repeat: the slot holding the current item, and its shape.
    var siblings: (slot: Int, shape: RecordShape)?
    /// Names bound before the expression runs, such as a rule's `for-each` item, each in its slot.
    var boundLocals: [(name: String, type: ValueType, slot: Int)] = []
    /// False in a form, which has no parameters.
    var hasParameters: Bool

    /// A scope over a form alone, for its fields' `required`, `relevant` and `constraint`.
    init(layout: FormLayout) {
        self.layout = layout
        self.hasParameters = false
    }

    /// A scope over a form and a rule set's parameters and named values.
    init(
        layout: FormLayout, parameters: [String: (index: Int, type: ValueType)],
        namedValues: [String: (index: Int, type: ValueType)]
    ) {
        self.layout = layout
        self.parameters = parameters
        self.namedValues = namedValues
        self.hasParameters = true
    }
}

/// A form's sections and fields with their value types: all the type checker needs of a form.
struct FormLayout: Sendable {
    /// One section: its id and its fields' ids and types.
    struct Section: Sendable {
        let id: String
        let fields: [(id: String, type: ValueType)]
    }

    /// The sections, in order.
    let sections: [Section]
    /// The choice lists, by id.
    let lists: [String: ChoiceList]

    /// The index of a section.
    func section(_ id: String) -> Int? { sections.firstIndex(where: { $0.id == id }) }

    /// The index and type of a field of a section.
    func field(_ id: String, inSection section: Int) -> (index: Int, type: ValueType)? {
        guard let index = sections[section].fields.firstIndex(where: { $0.id == id }) else { return nil }
        return (index, sections[section].fields[index].type)
    }
}
