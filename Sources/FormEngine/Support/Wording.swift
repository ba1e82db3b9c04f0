/// Small helpers that put lists of things into English for messages.
public enum Wording {
    /// "a", "a or b", "a, b or c".
    public static func alternatives(_ items: [String]) -> String { series(items, conjunction: "or") }

    /// "a", "a and b", "a, b and c".
    public static func all(_ items: [String]) -> String { series(items, conjunction: "and") }

    private static func series(_ items: [String], conjunction: String) -> String {
        switch items.count {
        case 0: return ""
        case 1: return items[0]
        default: return items.dropLast().joined(separator: ", ") + " \(conjunction) " + items[items.count - 1]
        }
    }

    /// "1 error", "2 errors".
    public static func count(_ number: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(number) \(number == 1 ? singular : plural ?? singular + "s")"
    }
}
