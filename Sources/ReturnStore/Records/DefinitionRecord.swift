import Foundation
import GRDB

/// A form or rule file exactly as an evaluation used it, kept by its SHA-256 so the evaluation can be replayed.
public struct DefinitionRecord: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    /// The table.
    public static let databaseTableName = "definition"
    /// The SHA-256 of `content`.
    public var hash: String
    /// `form` or `rules`.
    public var kind: String
    /// The form the file defines or has the rules of.
    public var formID: String
    /// The file's name when it was first used.
    public var fileName: String
    /// The file's bytes.
    public var content: Data
    /// When an evaluation first used it.
    public var firstUsedAt: String
}
