import FormEngine
import Testing

@Suite("CSV: every field with the line and column it starts at, and a refusal that names where")
struct CSVReaderTests {
    /// Each row's fields as (text, line, column).
    static func fields(_ text: String) throws -> [[String]] {
        try CSVReader.rows(of: text, refusingNUL: true).get().map { row in
            row.map { "\($0.text)@\($0.line):\($0.column)" }
        }
    }

    @Test("quotes, doubled quotes, a line break inside quotes, CRLF and LF, a byte-order mark, letters beyond ASCII")
    func fieldsAndPlaces() throws {
        let text =
            "\u{FEFF}file,received_on\r\n\"a, b.yaml\",2026-07-22\nZoë.yaml,\"2026-07-\"\"10\"\"\"\n"
            + "\"multi\nline\",x\n\nlast,Ångström"
        #expect(
            try Self.fields(text) == [
                ["file@1:1", "received_on@1:6"],
                ["a, b.yaml@2:1", "2026-07-22@2:13"],
                ["Zoë.yaml@3:1", "2026-07-\"10\"@3:10"],
                ["multi\nline@4:1", "x@5:7"],
                ["last@7:1", "Ångström@7:6"],
            ])
        #expect(try Self.fields("a,\n,b\r\n") == [["a@1:1", "@1:3"], ["@2:1", "b@2:2"]])
        #expect(try Self.fields("x\"y,z") == [["x\"y@1:1", "z@1:5"]], "a quote inside a value is kept")
    }

    /// Where and why `text` is refused, as "line:column message", or nil when it is read.
    static func problem(_ text: String, refusingNUL: Bool = true) -> String? {
        guard case .failure(let problem) = CSVReader.rows(of: text, refusingNUL: refusingNUL) else { return nil }
        return "\(problem.line):\(problem.column) \(problem.message)"
    }

    @Test("a NUL character and a quote never closed are refused where they stand")
    func refusals() throws {
        #expect(
            Self.problem("ab\nçd\u{0}e")
                == "2:3 A NUL character (byte 0) is here: this is not a text file. Export it again as CSV.")
        #expect(Self.problem("a\u{0}b", refusingNUL: false) == nil)
        #expect(try CSVReader.rows(of: "a\u{0}b").get().map { $0.map(\.text) } == [["a\u{0}b"]])
        #expect(Self.problem("é,\"b\nc") == "1:3 This quoted value is never closed: add the closing '\"'.")
    }
}
