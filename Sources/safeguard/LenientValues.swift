import ArgumentParser
import FormEngine
import Records
import UseCases

extension RawRepresentable where RawValue == String, Self: CaseIterable {
    /// The case whose value `text` names as people write it: in any case, with spaces or underscores for hyphens
    /// (`Grant with conditions`, `NO_CHANGE`, `Licensing`); nil for anything else.
    init?(lenient text: String) {
        let written = text.trimmingWhitespace.lowercased().map { $0 == " " || $0 == "_" ? "-" : $0 }
        guard let match = Self.allCases.first(where: { $0.rawValue == String(written) }) else { return nil }
        self = match
    }
}

extension LicensingOutcome: ExpressibleByArgument {
    public init?(argument: String) { self.init(lenient: argument) }
}

extension DBSCheckResult: ExpressibleByArgument {
    public init?(argument: String) { self.init(lenient: argument) }
}

extension Role: ExpressibleByArgument {
    public init?(argument: String) { self.init(lenient: argument) }
}

extension SubmissionSource: ExpressibleByArgument {
    public init?(argument: String) { self.init(lenient: argument) }
}

extension ReportKind: ExpressibleByArgument {
    public init?(argument: String) { self.init(lenient: argument) }
}

extension AuditAction: ExpressibleByArgument {
    public init?(argument: String) { self.init(lenient: argument) }
}

extension DecisionGrounds: ExpressibleByArgument {
    public init?(argument: String) { self.init(lenient: argument) }
}
