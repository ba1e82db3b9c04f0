import Foundation

/// A form or rule file exactly as an evaluation used it, kept by its SHA-256 so the evaluation can be replayed.
public struct DefinitionRecord: Codable, Sendable, Equatable {
    /// The SHA-256 of `content`.
    public var hash: String
    /// `form` or `rules`.
    public var kind: DefinitionKind
    /// The form the file defines or has the rules of.
    public var formID: String
    /// The file's name when it was first used.
    public var fileName: String
    /// The file's bytes.
    public var content: Data
    /// When an evaluation first used it.
    public var firstUsedAt: String

    /// Creates a record; `id` is nil until it is stored.
    public init(
        hash: String, kind: DefinitionKind, formID: String, fileName: String, content: Data, firstUsedAt: String
    ) {
        self.hash = hash
        self.kind = kind
        self.formID = formID
        self.fileName = fileName
        self.content = content
        self.firstUsedAt = firstUsedAt
    }
}
