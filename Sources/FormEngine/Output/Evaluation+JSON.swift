extension Evaluation {
    /// The submission as `validate --format json` and the API print it (DESIGN.md, "Command line").
    public var json: JSONValue {
        .object([
            ("file", .string(file)),
            ("form", form.map { .string($0.id) } ?? .null),
            ("form_version", form.map { .string($0.version) } ?? .null),
            ("form_hash", form.map { .string($0.hash) } ?? .null),
            ("rules_hash", ruleSetHash.map { .string($0) } ?? .null),
            ("as_of", .string(asOf.iso)),
            ("decision", .string(decision.rawValue)),
            ("decision_label", .string(decisionLabel)),
            ("findings", .array(findings.map(\.json))),
        ])
    }

    /// The whole output of a run: `{"as_of": ..., "submissions": [...]}`.
    public static func json(_ evaluations: [Evaluation], asOf: Day) -> JSONValue {
        .object([("as_of", .string(asOf.iso)), ("submissions", .array(evaluations.map(\.json)))])
    }
}

extension Finding {
    /// The finding as JSON: rule, severity, path, line, column, message, values, and where the rule is.
    public var json: JSONValue {
        .object([
            ("rule", .string(rule)),
            ("severity", .string(severity.rawValue)),
            ("path", .string(path)),
            ("line", mark.map { .number(Double($0.line)) } ?? .null),
            ("column", mark.map { .number(Double($0.column)) } ?? .null),
            ("message", .string(message)),
            ("values", .object(values.map { ($0.name, $0.value) })),
            ("rule_location", ruleMark.map { .string($0.description) } ?? .null),
            ("source", source.map { .string($0) } ?? .null),
        ])
    }
}
