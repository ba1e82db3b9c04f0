/// A form someone has started in the portal and not yet submitted: their answers so far, as a submission's JSON.
public struct DraftRecord: Codable, Sendable, Equatable {
    /// The row id.
    public var id: Int64?
    /// Whose draft.
    public var accountID: Int64
    /// The form.
    public var formID: String
    /// The answers so far, as the JSON a submission file would hold.
    public var answers: String
    /// When it was last saved.
    public var updatedAt: String

    /// Creates a record; `id` is nil until it is stored.
    public init(
        id: Int64?, accountID: Int64, formID: String, answers: String, updatedAt: String
    ) {
        self.id = id
        self.accountID = accountID
        self.formID = formID
        self.answers = answers
        self.updatedAt = updatedAt
    }
}
