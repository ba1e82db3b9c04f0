/// What a register import changed.
public struct RegisterImport: Sendable, Equatable {
    /// Schools new to the register.
    public var added = 0
    /// Schools whose details changed, or that reopened.
    public var updated = 0
    /// Schools closed: marked Closed in the extract, or no longer in it.
    public var closed = 0
    /// Schools already in the register as the extract describes them.
    public var unchanged = 0

    /// Creates counts.
    public init(added: Int = 0, updated: Int = 0, closed: Int = 0, unchanged: Int = 0) {
        self.added = added
        self.updated = updated
        self.closed = closed
        self.unchanged = unchanged
    }
}
