/// Where a submission came from, who made it, and to which collection: what the store records with it.
public struct SubmissionContext: Sendable {
    /// The collection it is made to, if any; its period is the rule parameters it was checked with.
    public var collection: CollectionRecord?
    /// Where it came from.
    public var source: SubmissionSource
    /// Who submitted it.
    public var submitter: String
    /// When true, a school's return whose URN is not an open school in the register is stored anyway.
    public var allowsUnregistered: Bool
    /// When it was really received, if not now (ISO 8601): a return that came by email before it was entered.
    public var receivedAt: String?

    /// Creates a context.
    public init(
        collection: CollectionRecord?, source: SubmissionSource, submitter: String, allowsUnregistered: Bool = false,
        receivedAt: String? = nil
    ) {
        self.collection = collection
        self.source = source
        self.submitter = submitter
        self.allowsUnregistered = allowsUnregistered
        self.receivedAt = receivedAt
    }
}
