/// A value during evaluation: an answer, a parameter, or what an expression computed.
public enum Value: Sendable, Equatable {
    /// No answer: the field was left empty, its answer was invalid, or it does not apply.
    case absent
    /// true or false.
    case boolean(Bool)
    /// A number.
    case number(Double)
    /// Text, including a choice's value.
    case text(String)
    /// A date.
    case date(Day)
    /// A list: a multi-choice answer, a repeat's items, a list parameter.
    case list([Value])
    /// One item of a repeat.
    case record(Record)
    /// A table parameter.
    case map([String: Value])

    /// True unless absent.
    public var isPresent: Bool {
        if case .absent = self { return false }
        return true
    }

    /// The value where a yes-no is needed: true only for `true`; an unanswered yes-no counts as false.
    var isTrue: Bool {
        if case .boolean(true) = self { return true }
        return false
    }
}

/// One item of a repeat: its sub-fields' values in definition order, and where each was written.
public struct Record: Sendable, Equatable {
    /// The sub-fields' values, in the order of the repeat's definition.
    public var values: [Value]
    /// Where each sub-field's answer was written, when it was.
    public var positions: [TextPosition?]
    /// Where the item starts.
    public var start: TextPosition?

    /// Creates a record.
    public init(values: [Value], positions: [TextPosition?], start: TextPosition?) {
        self.values = values
        self.positions = positions
        self.start = start
    }
}
