/// A driver's record handed from one district to another: the next application from the receiving district
/// continues the driver's versions, where otherwise it would be refused as another district's driver.
public struct TransferRecord: Codable, Sendable, Equatable {
    /// The row id.
    public var id: Int64?
    /// The form of the applications transferred.
    public var formID: String
    /// The driver number.
    public var subjectKey: String
    /// The latest version when the transfer was recorded: the transfer lets a new version replace this one.
    public var afterSubmission: Int64
    /// The district the driver is handed from.
    public var fromDistrict: String?
    /// The district the driver is handed to.
    public var toDistrict: String
    /// Why, in words.
    public var note: String?
    /// Who recorded it.
    public var recordedBy: String
    /// When.
    public var recordedAt: String

    /// Creates a record; `id` is nil until it is stored.
    public init(
        id: Int64?, formID: String, subjectKey: String, afterSubmission: Int64, fromDistrict: String?,
        toDistrict: String, note: String?, recordedBy: String, recordedAt: String
    ) {
        self.id = id
        self.formID = formID
        self.subjectKey = subjectKey
        self.afterSubmission = afterSubmission
        self.fromDistrict = fromDistrict
        self.toDistrict = toDistrict
        self.note = note
        self.recordedBy = recordedBy
        self.recordedAt = recordedAt
    }
}
