import FormEngine

/// A field check's finding in the words of a page where the question is asked, made from which check it was and
/// what it expected (`Finding.check`), in the GOV.UK Design System's way: "Enter ...", "Select ...", a date in
/// its three boxes. A finding of any other kind keeps the engine's message.
enum ErrorMessages {
    /// The message for a finding about a field of `form`.
    static func message(for finding: Finding, in form: FormDefinition) -> String {
        guard let check = finding.check, let field = field(at: finding.path, in: form) else { return finding.message }
        let label = field.label
        switch check {
        case .type(.date):
            return "\(label) must be a real date"
        case .required where field.type == .yesNo && field.constraint != nil && !label.hasSuffix("?"):
            // A statement to confirm, asked as one box: its own message, or the Design System's.
            return field.message ?? "Tick the box to confirm: \(label)"
        case .required where label.hasSuffix("?"):
            switch field.type {
            case .yesNo: return "Select yes or no for “\(label)”"
            case .choice, .multiChoice: return "Select an answer for “\(label)”"
            default: return "Enter an answer for “\(label)”"
            }
        case .required:
            let choosing = [.choice, .multiChoice, .yesNo].contains(field.type)
            return (choosing ? "Select " : "Enter ") + phrase(label)
        case .choice:
            return "Select \(phrase(label)) from the choices given"
        case .future(let asOf):
            return "\(label) must be today or in the past (on or before \(asOf.spoken))"
        default:
            return finding.message
        }
    }

    /// A label as the object of a sentence, as the Design System words it: "Type of school" becomes "the type of
    /// school", "Your name" "your name"; an abbreviation at the start keeps its capitals ("the DSL's email address").
    static func phrase(_ label: String) -> String {
        let first = label.prefix { $0 != " " }
        let lowered =
            first.count > 1 && first.allSatisfy({ !$0.isLowercase })
            ? label : label.prefix(1).lowercased() + label.dropFirst()
        let determiners = ["the ", "your ", "a ", "an ", "any ", "each ", "every "]
        return determiners.contains { lowered.hasPrefix($0) } ? lowered : "the " + lowered
    }

    /// The field (or a repeat's sub-field) a finding's JSON Pointer is about.
    private static func field(at pointer: String, in form: FormDefinition) -> FieldDefinition? {
        let tokens = pointer.split(separator: "/").map(String.init)
        guard tokens.count >= 2, let section = form.sections.first(where: { $0.id == tokens[0] }),
            let field = section.fields.first(where: { $0.id == tokens[1] })
        else { return nil }
        guard tokens.count == 4, field.type == .repeat else { return tokens.count == 2 ? field : nil }
        return field.fields.first { $0.id == tokens[3] }
    }
}
