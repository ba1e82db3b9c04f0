import Foundation
import GRDB

/// One version of one submission, exactly as received and as bound. Never changed once stored: a
/// resubmission for the same subject (and collection) is a new record that `supersedes` this one.
public struct SubmissionRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    /// The table.
    public static let databaseTableName = "submission"
    /// The submission number people are given.
    public var id: Int64?
    /// `school` or `driver`.
    public var subjectKind: String
    /// The URN or driver number.
    public var subjectKey: String
    /// The subject's district, when known.
    public var district: String?
    /// The collection it was made to, if any.
    public var collectionID: Int64?
    /// The form it answers.
    public var formID: String
    /// The form's version.
    public var formVersion: String
    /// The SHA-256 of the form file it was bound to.
    public var formHash: String
    /// The file name or source label it came from.
    public var fileName: String
    /// The bytes exactly as received.
    public var received: Data
    /// The answers as bound to the form, as JSON.
    public var bound: String
    /// `file`, `portal`, `api` or `batch`.
    public var source: String
    /// Who submitted it.
    public var submitter: String
    /// When it was received.
    public var receivedAt: String
    /// The earlier version this one replaces.
    public var supersedes: Int64?

    /// Records the row id after an insert.
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
