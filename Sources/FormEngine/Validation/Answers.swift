/// A submission's answers bound to its form: one value per field of each section, in definition order.
///
/// A field left empty, answered with something that is not of its type, or answered where it does
/// not apply holds `.absent`. A repeat holds a list of records; a multi-choice a list of texts. Every section's
/// values are kept in one array, section after section (and their places in another), so that a submission's
/// answers are two arrays however many sections its form has.
public struct Answers: Sendable, Equatable {
    /// Where each section's fields start in `values` and `positions`; the last entry is the number of fields.
    private let offsets: [Int]
    /// The values, section after section.
    private var values: [Value]
    /// Where each answer was written, section after section.
    private var positions: [TextPosition?]

    /// No answers yet to the fields of `form`.
    init(unansweredIn form: FormDefinition) {
        offsets = form.answerOffsets
        values = [Value](filledWith: .absent, count: offsets[offsets.count - 1])
        positions = [TextPosition?](filledWith: nil, count: offsets[offsets.count - 1])
    }

    /// Answers to no fields at all: what a variable holds while its answers are lent to an evaluation, so that the
    /// evaluation holds the only copy and changes it in place.
    static let none = Answers(offsets: [0], values: [], positions: [])

    private init(offsets: [Int], values: [Value], positions: [TextPosition?]) {
        self.offsets = offsets
        self.values = values
        self.positions = positions
    }

    /// The value of a section's field, by their indices.
    public subscript(section: Int, field: Int) -> Value {
        get { values[offsets[section] + field] }
        set { values[offsets[section] + field] = newValue }
    }

    /// True when a section's field has a value, read in place.
    func isPresent(section: Int, field: Int) -> Bool {
        values[offsets[section] + field].isPresent
    }

    /// Where the answer to a section's field was written, if it was.
    public func position(section: Int, field: Int) -> TextPosition? {
        positions[offsets[section] + field]
    }

    /// Notes where the answer to a section's field was written.
    mutating func setPosition(_ position: TextPosition, section: Int, field: Int) {
        positions[offsets[section] + field] = position
    }

    /// The values of one section's fields, in definition order.
    public func values(ofSection section: Int) -> ArraySlice<Value> {
        values[offsets[section]..<offsets[section + 1]]
    }
}
