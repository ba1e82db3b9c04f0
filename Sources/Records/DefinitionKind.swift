/// What a kept definition file is.
public enum DefinitionKind: String, Sendable, Codable, CaseIterable {
    /// A form definition.
    case form
    /// A rule set.
    case rules
}
