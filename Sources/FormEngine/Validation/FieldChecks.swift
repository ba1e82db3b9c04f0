/// What field logic must do for one field, known when its form loads: so that the logic passes over the many fields
/// with nothing to do without reading their definitions.
struct FieldChecks: OptionSet, Sendable {
    let rawValue: UInt8

    /// The field has a `relevant`, a `constraint` or a `required` condition to evaluate, or a date that must be past.
    static let logic = FieldChecks(rawValue: 1)
    /// An answer is always required.
    static let required = FieldChecks(rawValue: 2)
    /// A repeat with a sub-field that has logic or is always required.
    static let items = FieldChecks(rawValue: 4)

    /// The checks of `field`.
    init(of field: FieldDefinition) {
        var checks: FieldChecks = []
        switch field.required {
        case .always: checks.insert(.required)
        case .when: checks.insert(.logic)
        case .never: break
        }
        if field.relevant != nil || field.constraint != nil || field.past { checks.insert(.logic) }
        if field.type == .repeat, field.fields.contains(where: { !FieldChecks(of: $0).isEmpty }) {
            checks.insert(.items)
        }
        self = checks
    }

    /// The checks with these bits (as `OptionSet` needs).
    init(rawValue: UInt8) {
        self.rawValue = rawValue
    }
}
