/// How a message names a field: its label in quotes, and the repeat item it belongs to (`"Date delivered"
/// (session 2)`). Written out only when a message is: most answers are right, and need no name.
struct FieldName: CustomStringConvertible, Sendable {
    let label: String
    let item: ItemName?

    var description: String {
        guard let item else { return "\"\(label)\"" }
        return "\"\(label)\" (\(item))"
    }
}

/// A repeat item as messages name it: `session 2`.
struct ItemName: CustomStringConvertible, Sendable {
    let noun: String
    let number: Int

    /// The item numbered `number` (from 1) of a repeat whose items are called `noun`.
    static func numbered(_ noun: String, _ number: Int) -> ItemName { ItemName(noun: noun, number: number) }

    var description: String { "\(noun) \(number)" }
}
