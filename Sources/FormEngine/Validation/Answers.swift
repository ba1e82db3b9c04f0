/// A submission's answers bound to its form: one value per field of each section, in definition order.
///
/// A field left empty, answered with something that is not of its type, or answered where it does
/// not apply holds `.absent`. A repeat holds a list of records; a multi-choice a list of texts.
public struct Answers: Sendable, Equatable {
    /// The values, by section then field index.
    public var values: [[Value]]
    /// Where each answer was written, by section then field index.
    public var positions: [[TextPosition?]]

    /// Creates answers.
    public init(values: [[Value]], positions: [[TextPosition?]]) {
        self.values = values
        self.positions = positions
    }
}
