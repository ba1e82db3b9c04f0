import FormEngine
import Testing

@Suite("Text helpers: white space in messages and answers")
struct TextHelperTests {
    @Test(
        "each run of white space becomes one space, none at either end; text with single spaces is kept as it is",
        arguments: [
            ("Needs an answer.", "Needs an answer."), ("  two  spaces  ", "two spaces"),
            ("a\nfolded\n  line", "a folded line"),
            ("tab\there", "tab here"), ("", ""), (" ", ""), ("x", "x"), ("é  ü\n", "é ü"),
            ("no\u{00A0}break", "no break"), ("a\r\nb", "a b"), ("ends ", "ends"),
        ])
    func collapsing(text: String, expected: String) {
        #expect(text.collapsingWhitespace == expected)
    }

    @Test("trimming keeps the inside and drops white space at the ends, ASCII or not")
    func trimming() {
        #expect("  yes ".trimmingWhitespace == "yes")
        #expect("yes".trimmingWhitespace == "yes")
        #expect("\u{00A0}é x\u{2003}".trimmingWhitespace == "é x")
        #expect(" \n\t ".trimmingWhitespace == "")
    }
}
