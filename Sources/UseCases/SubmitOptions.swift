import FormEngine
import Records

/// What the sender says about the submissions they send.
public struct SubmitOptions: Sendable {
    /// The collection (round of returns) they belong to, by name; nil for the newest for their form.
    public var collection: String?
    /// Store a school's return even when its URN is not an open school in the register.
    public var allowsUnregistered: Bool
    /// Where they came from.
    public var source: SubmissionSource
    /// The evaluation date; nil for today.
    public var asOf: Day?
    /// The day they were really received, when not today: returns that came by email and were entered later.
    public var receivedOn: Day?
    /// False when a submission with errors is to be refused rather than stored: a form being filled in, whose
    /// errors can be put right before it is sent.
    public var keepsRejected: Bool

    /// Options; by default the newest collection, today, and rejected submissions stored (they are still received).
    public init(
        collection: String? = nil, allowsUnregistered: Bool = false, source: SubmissionSource, asOf: Day? = nil,
        receivedOn: Day? = nil, keepsRejected: Bool = true
    ) {
        self.collection = collection
        self.allowsUnregistered = allowsUnregistered
        self.source = source
        self.asOf = asOf
        self.receivedOn = receivedOn
        self.keepsRejected = keepsRejected
    }
}
