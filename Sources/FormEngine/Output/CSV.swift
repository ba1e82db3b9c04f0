/// Writes CSV as RFC 4180 defines it: comma-separated, CRLF line ends, a field quoted when it holds a comma,
/// a quote or a line break, and quotes inside doubled. Values are written exactly as given.
public enum CSV {
    /// One record, ending in CRLF.
    public static func line(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\r\n"
    }

    /// One field, quoted when it must be.
    public static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingAll("\"", with: "\"\"") + "\""
    }
}
