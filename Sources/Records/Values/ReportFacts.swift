import FormEngine

/// The facts the reports need from one stored submission, written in the same transaction as it, so that no report
/// reads or parses stored answers.
public enum ReportFacts: Sendable, Equatable {
    /// A school's return.
    case school(ReturnFacts)
    /// A driver's application.
    case driver(DriverFacts)

    /// The facts of answers as bound to `form`, by what the form is about.
    public init(answers: Node, form: FormDefinition) {
        switch form.subject {
        case .school: self = .school(ReturnFacts(answers: answers, reading: ReturnReading(form: form)))
        case .driver: self = .driver(DriverFacts(answers: answers, form: form))
        }
    }
}
