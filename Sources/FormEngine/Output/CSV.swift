/// Writes CSV as RFC 4180 defines it: comma-separated, CRLF line ends, a field quoted when it holds a comma,
/// a quote or a line break, and quotes inside doubled. Values are written exactly as given.
public enum CSV {
    /// The UTF-8 byte order mark a CSV file starts with, so that Excel reads it as UTF-8 (names with accents and
    /// curly apostrophes) rather than in the machine's code page.
    public static let byteOrderMark = "\u{FEFF}"

    /// One record, ending in CRLF.
    public static func line(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\r\n"
    }

    /// Text that a spreadsheet will show and not run: a value starting with `=`, `+`, `-`, `@`, a tab or a
    /// carriage return is a formula to Excel and LibreOffice, so it gets a leading `'` (OWASP, "CSV Injection").
    public static func inert(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return text }
        return "'" + text
    }

    /// One field, quoted when it must be.
    public static func field(_ text: String) -> String {
        // Bytes, not Characters: "\r\n" is one Character, equal to neither "\r" nor "\n".
        guard text.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return text }
        return "\"" + text.replacingAll("\"", with: "\"\"") + "\""
    }
}
