import FormEngine
import Testing

@Suite("Intake: reading YAML and JSON with marks")
struct IntakeTests {
    @Test("every value carries the line and column where it starts, from 1")
    func marks() throws {
        let document = try readDocument("form: x\ndbs:\n  issue_date: 2017-03-31\n  level:   enhanced\n")
        let dbs = try #require(document.root["dbs"])
        let issue = try #require(dbs["issue_date"])
        #expect(issue.start == TextPosition(line: 3, column: 15))
        #expect(document.mark(issue.start).description == "test.yaml:3:15")
        #expect(dbs["level"]?.start == TextPosition(line: 4, column: 12))
        #expect(dbs.entries?.map(\.keyStart) == [TextPosition(line: 3, column: 3), TextPosition(line: 4, column: 3)])
    }

    @Test("a document made from a tree gives the same tree back, with its marks")
    func treeRoundTrip() throws {
        let read = try readDocument(
            "form: x\nlist: [a, 'b', \"\"]\nnested:\n  - {k: ~, l: [1, 2]}\n  - text: |\n      two\n      lines\nlast: é\n"
        )
        let made = Document(file: "made.yaml", root: read.root)
        #expect(made.file == "made.yaml")
        #expect(describe(made.root) == describe(read.root))
        #expect(made.root["nested"]?.items?[1]["text"]?.scalar?.text == "two\nlines\n")
        #expect(made.root["nested"]?.items?[0]["k"]?.isNull == true)
        #expect(made.root["list"]?.items?[1].scalar == Scalar(text: "b", isPlain: false))
    }

    /// A tree written out with every text, quoting and start: two trees alike give the same description.
    private func describe(_ node: Node) -> String {
        let at = "@\(node.start.line):\(node.start.column)"
        switch node.content {
        case .scalar(let scalar): return "\(scalar.isPlain ? "plain" : "quoted")(\(scalar.text.debugDescription))\(at)"
        case .sequence(let items): return "[" + items.map(describe).joined(separator: ", ") + "]\(at)"
        case .mapping(let entries):
            return "{"
                + entries.map { "\($0.key)@\($0.keyStart.line):\($0.keyStart.column): \(describe($0.value))" }
                .joined(separator: ", ") + "}\(at)"
        }
    }

    @Test("scalars keep their text: no, 0123 and dates are not converted by YAML's implicit typing")
    func scalarsKeepText() throws {
        let document = try readDocument("a: no\nb: 0123\nc: 2017-03-31\nd: 1e3\ne: 'quoted'\n")
        #expect(document.root["a"]?.scalar == Scalar(text: "no", isPlain: true))
        #expect(document.root["b"]?.scalar?.text == "0123")
        #expect(document.root["c"]?.scalar?.text == "2017-03-31")
        #expect(document.root["d"]?.scalar?.text == "1e3")
        #expect(document.root["e"]?.scalar == Scalar(text: "quoted", isPlain: false))
    }

    @Test("an empty value, ~ and null are unanswered; a quoted 'null' is text")
    func nulls() throws {
        let document = try readDocument("a:\nb: ~\nc: null\nd: 'null'\ne: \"\"\n")
        #expect(document.root["a"]?.isNull == true)
        #expect(document.root["b"]?.isNull == true)
        #expect(document.root["c"]?.isNull == true)
        #expect(document.root["d"]?.isNull == false)
        #expect(document.root["e"]?.isNull == false)
    }

    @Test("JSON reads like YAML, with marks")
    func json() throws {
        let document = try readDocument(#"{"form": "x", "dbs": {"issue_date":"2017-03-31", "points": [1,2]}}"#)
        let dbs = try #require(document.root["dbs"])
        #expect(dbs["issue_date"]?.scalar?.text == "2017-03-31")
        #expect(dbs["issue_date"]?.start == TextPosition(line: 1, column: 36))
        #expect(dbs["points"]?.items?.count == 2)
    }

    @Test("a block scalar keeps its lines and starts at its indicator")
    func blockScalar() throws {
        let document = try readDocument("notes: |\n  line one\n  line two\n")
        #expect(document.root["notes"]?.scalar?.text == "line one\nline two\n")
        #expect(document.root["notes"]?.start == TextPosition(line: 1, column: 8))
    }

    @Test("a UTF-8 byte order mark is accepted")
    func byteOrderMark() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("a: 1\n".utf8)
        guard case .success(let document) = Intake.read(bytes, file: "bom.yaml") else {
            Issue.record("a file with a UTF-8 byte order mark was refused")
            return
        }
        #expect(document.root["a"]?.scalar?.text == "1")
    }

    @Test("columns count characters, not bytes")
    func columnsCountCharacters() throws {
        let document = try readDocument("name: Zoë Brontë\nnext: x\ncafé: ünïcode\n")
        #expect(document.root["café"]?.start == TextPosition(line: 3, column: 7))
    }

    @Test(
        "malformed YAML is refused at the place of the problem, with advice",
        arguments: [
            ("a: b: c\n", 1, 5, "must be in quotes"),
            ("a:\n  - 1\n - 2\n", 3, 2, "indentation"),
            ("a: \"unterminated\n", 2, 1, "Close every quote"),
            ("a: [1, 2\n", 2, 1, "not valid YAML"),
            ("a: {b: 1\n", 2, 1, "not valid YAML"),
            ("a: 1\n\tb: 2\n", 2, 1, "tabs"),
            ("- a\nb: 1\n", 2, 1, "not valid YAML"),
            ("a: @x\n", 1, 4, "not valid YAML"),
        ])
    func malformed(text: String, line: Int, column: Int, advice: String) throws {
        let refused = try #require(refusal(text))
        #expect(refused.rule == "intake.syntax")
        #expect(refused.mark.line == line)
        #expect(refused.mark.column == column)
        #expect(refused.message.contains(advice), "\(refused.message)")
    }

    @Test("an empty file, or one holding only a comment, holds no answers")
    func empty() throws {
        for text in ["", "   \n", "# nothing here\n", "---\n"] {
            let refused = try #require(refusal(text))
            #expect(refused.rule == "intake.empty")
            #expect(refused.mark == SourceMark(file: "test.yaml", line: 1, column: 1))
        }
    }

    @Test("truncated documents are refused, never crash", arguments: 1..<60)
    func truncated(length: Int) {
        let full = "form: taxi\ndbs:\n  issue_date: '2017-03-31'\n  lists: [children, adults]\n"
        let bytes = Array(Array(full.utf8).prefix(length))
        switch Intake.read(bytes, file: "cut.yaml") {
        case .success(let document): #expect(document.root.entries != nil || document.root.scalar != nil)
        case .failure(let refused): #expect(refused.mark.line >= 1 && refused.mark.column >= 1)
        }
    }
}
