import FormEngine
import Testing

@Suite("The source line under a finding, with a caret under its column")
struct SourceExcerptTests {
    private func excerpt(_ text: String, line: Int, column: Int) -> String? {
        SourceExcerpt.lines(in: Array(text.utf8), line: line, column: column)
    }

    @Test("a short line of plain text is shown as it is, the caret under the column")
    func plain() {
        #expect(excerpt("a: 1\nlevel: basic\n", line: 2, column: 8) == "    level: basic\n           ^")
        #expect(excerpt("a: 1\n", line: 3, column: 1) == nil)
    }

    @Test("columns count characters, not bytes; tabs and control characters show as spaces")
    func characters() {
        #expect(excerpt("a: 1\nname: Zoë Brontë\n", line: 2, column: 12) == "    name: Zoë Brontë\n               ^")
        #expect(excerpt("k:\tv\u{1}x\n", line: 1, column: 6) == "    k: v x\n         ^")
    }

    @Test("a line longer than 100 characters is cut around the column")
    func long() {
        let line = String(repeating: "a", count: 60) + "é" + String(repeating: "b", count: 89)
        let cut = String(repeating: "a", count: 10) + "é" + String(repeating: "b", count: 89)
        #expect(excerpt(line + "\n", line: 1, column: 120) == "    \(cut)\n    \(String(repeating: " ", count: 69))^")
        let plain = String(repeating: "x", count: 150)
        #expect(
            excerpt("a: 1\n" + plain, line: 2, column: 1) == "    \(String(repeating: "x", count: 100))\n    ^")
    }

    @Test("a blank line is shown only when the caret is at its start")
    func blank() {
        #expect(excerpt("      \n", line: 1, column: 3) == nil)
        let spaces = String(repeating: " ", count: 120)
        #expect(excerpt(spaces + "\n", line: 1, column: 5) == nil)
        #expect(excerpt(spaces + "\n", line: 1, column: 1) == "    \(String(repeating: " ", count: 100))\n    ^")
    }
}
