import FormEngine
import Foundation

/// One version of one submission, exactly as received and as bound. Never changed once stored: a
/// resubmission for the same subject (and collection) is a new record that `supersedes` this one.
public struct SubmissionRecord: Codable, Sendable, Equatable {
    /// The submission number people are given.
    public var id: Int64?
    /// `school` or `driver`.
    public var subjectKind: Subject
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
    public var source: SubmissionSource
    /// Who submitted it.
    public var submitter: String
    /// When it was received.
    public var receivedAt: String
    /// The earlier version this one replaces.
    public var supersedes: Int64?

    /// Creates a record; `id` is nil until it is stored.
    public init(
        id: Int64?, subjectKind: Subject, subjectKey: String, district: String?, collectionID: Int64?, formID: String,
        formVersion: String, formHash: String, fileName: String, received: Data, bound: String,
        source: SubmissionSource, submitter: String, receivedAt: String, supersedes: Int64?
    ) {
        self.id = id
        self.subjectKind = subjectKind
        self.subjectKey = subjectKey
        self.district = district
        self.collectionID = collectionID
        self.formID = formID
        self.formVersion = formVersion
        self.formHash = formHash
        self.fileName = fileName
        self.received = received
        self.bound = bound
        self.source = source
        self.submitter = submitter
        self.receivedAt = receivedAt
        self.supersedes = supersedes
    }
}
