/// A named value a rule set's rules read as `params.<name>`: a threshold, a period, a list, a table.
///
/// Parameters are where the facts a policy officer may need to change live (DOMAIN.md marks the
/// unconfirmed ones); each says where its value comes from.
public struct RuleParameter: Sendable {
    /// The name rules use after `params.`.
    public let name: String
    /// The value.
    public let value: Value
    /// The value's type, inferred from it or from the choice list it names.
    public let type: ValueType
    /// Where the value comes from.
    public let source: String
    /// Where the parameter is defined.
    public let mark: SourceMark
}
