/// A submission stored before its facts were kept (an older database), with what is needed to fill them.
public struct UnfilledSubmission: Sendable {
    /// The submission number.
    public let id: Int64
    /// Its form.
    public let formID: String
    /// Its answers as bound, as JSON.
    public let bound: String

    /// Creates one.
    public init(id: Int64, formID: String, bound: String) {
        self.id = id
        self.formID = formID
        self.bound = bound
    }
}
