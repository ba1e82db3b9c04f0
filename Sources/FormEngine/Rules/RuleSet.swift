/// The rules of one form, loaded from `Rules/<form>.rules.yaml`: parameters, named values, rules and tests.
///
/// Immutable once loaded; checked against its form when it loads, so every path and type is known good. A class,
/// so that each submission checked shares it rather than copying its parts.
public final class RuleSet: Sendable {
    /// The form the rules are for.
    public let formID: String
    /// The file the rules were loaded from.
    public let file: String
    /// The SHA-256 of the file's bytes, recorded with every evaluation.
    public let hash: String
    /// The file's bytes, kept so the store can record the exact rules an evaluation used.
    public let bytes: [UInt8]
    /// The parameters, in the order written.
    public let parameters: [RuleParameter]
    /// The rules, in the order written.
    public let rules: [Rule]
    /// The tests.
    public let tests: [RuleTest]
    /// The named values (`let:`), in the order written.
    let namedValues: [Expression]
    /// The parameters' values as written, by index.
    private let defaultValues: [Value]

    /// Creates a rule set.
    init(
        formID: String, file: String, hash: String, bytes: [UInt8], parameters: [RuleParameter], rules: [Rule],
        tests: [RuleTest], namedValues: [Expression]
    ) {
        self.formID = formID
        self.file = file
        self.hash = hash
        self.bytes = bytes
        self.parameters = parameters
        self.rules = rules
        self.tests = tests
        self.namedValues = namedValues
        defaultValues = parameters.map(\.value)
    }

    /// The parameter values with some replaced, as a collection's period replaces the default one.
    ///
    /// A replacement must have the parameter's type; names the set does not have are ignored.
    func parameterValues(replacing replacements: [String: Value]) -> [Value] {
        guard !replacements.isEmpty else { return defaultValues }
        return parameters.map { parameter in
            guard let replacement = replacements[parameter.name], Self.sameKind(replacement, parameter.value) else {
                return parameter.value
            }
            return replacement
        }
    }

    private static func sameKind(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case (.boolean, .boolean), (.number, .number), (.text, .text), (.date, .date), (.list, .list), (.map, .map):
            return true
        default:
            return false
        }
    }
}
