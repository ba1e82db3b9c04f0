import GapReports
import Testing

@Suite("A report's CSV opens in a spreadsheet as text, never as a formula")
struct CSVSafetyTests {
    @Test(
        "text that Excel or LibreOffice would run gets a leading apostrophe; numbers, shares and changes are numbers")
    func formulasMadeInert() {
        let table = ReportTable(
            id: "t", caption: "Hostile names", columns: ["Name", "Count", "Change"],
            rows: [
                [.text("=HYPERLINK(\"http://example.org\",\"click\")"), .count(3), .change(-3.5)],
                [.text("+44 1604 000000"), .count(-1), .change(2)],
                [.text("@SUM(A1:A2)"), .count(0), .empty],
                [.text("-2+3"), .share(part: 1, whole: 4), .change(nil)],
                [.text("Oakfield Primary School"), .count(12), .change(0)],
            ])
        let lines = CSVRenderer.render(table).split(separator: "\r\n").map(String.init)
        #expect(
            lines == [
                "Name,Count %,Change (pts)",
                "\"'=HYPERLINK(\"\"http://example.org\"\",\"\"click\"\")\",3,-3.5",
                "'+44 1604 000000,-1,+2",
                "'@SUM(A1:A2),0,",
                "'-2+3,25,",
                "Oakfield Primary School,12,0",
            ])
    }
}
