/// Why `Intake` would not read a document: what rule of the limits it broke, where, and what to do.
public struct IntakeRefusal: Error, Sendable, Equatable {
    /// A stable identifier such as `intake.alias`, used as the finding's rule.
    public var rule: String
    /// A sentence for the person who wrote the file: what is wrong and what to do.
    public var message: String
    /// Where the problem is.
    public var mark: SourceMark

    /// Creates a refusal.
    public init(rule: String, message: String, mark: SourceMark) {
        self.rule = rule
        self.message = message
        self.mark = mark
    }
}
