import FormEngine
import Testing

@Suite("Intake: the limits on untrusted input, each just under and just over")
struct IntakeLimitTests {
    @Test("anchors and aliases are refused at the anchor")
    func anchors() throws {
        let refused = try #require(refusal("a: &x 1\nb: *x\n"))
        #expect(refused.rule == "intake.anchor")
        #expect(refused.mark == SourceMark(file: "test.yaml", line: 1, column: 4))
        let alias = try #require(refusal("a: 1\nb: *x\n"))
        #expect(alias.rule == "intake.syntax" || alias.rule == "intake.alias")
    }

    @Test("a billion-laughs alias bomb is refused at once, without expanding anything")
    func aliasBomb() throws {
        var text = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        for level in 1...9 {
            let previous = Character(UnicodeScalar(UInt8(ascii: "a") + UInt8(level - 1)))
            let name = Character(UnicodeScalar(UInt8(ascii: "a") + UInt8(level)))
            text += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]\n"
        }
        let clock = ContinuousClock()
        var refused: IntakeRefusal?
        let elapsed = clock.measure { refused = refusal(text) }
        #expect(refused?.rule == "intake.anchor")
        #expect(elapsed < .seconds(1), "refusing an alias bomb must not take long; it took \(elapsed)")
    }

    @Test("custom tags are refused; YAML's own core tags are accepted and ignored")
    func tags() throws {
        let refused = try #require(refusal("a: !ruby/object:Gem::Installer x\n"))
        #expect(refused.rule == "intake.tag")
        #expect(refused.mark.column == 4)
        #expect(refused.message.contains("!ruby/object:Gem::Installer"))
        let python = try #require(refusal("a: !!python/object/apply:os.system ['ls']\n"))
        #expect(python.rule == "intake.tag")
        let document = try readDocument("a: !!str 0123\nb: !!int 7\n")
        #expect(document.root["a"]?.scalar == Scalar(text: "0123", isPlain: false))
    }

    @Test("a key given twice in one mapping is refused at the second, naming the first")
    func duplicateKeys() throws {
        let refused = try #require(refusal("dbs:\n  level: basic\n  level: enhanced\n"))
        #expect(refused.rule == "intake.duplicate-key")
        #expect(refused.mark == SourceMark(file: "test.yaml", line: 3, column: 3))
        #expect(refused.message.contains("first on line 2"))
        let json = try #require(refusal(#"{"a": 1, "a": 2}"#))
        #expect(json.rule == "intake.duplicate-key")
    }

    @Test("duplicates are found in large mappings too")
    func duplicateKeysInLargeMapping() throws {
        let text = (0..<100).map { "k\($0): v\n" }.joined() + "k57: again\n"
        let refused = try #require(refusal(text))
        #expect(refused.rule == "intake.duplicate-key")
        #expect(refused.mark.line == 101)
        #expect(refused.message.contains("first on line 58"))
        // Twenty keys: the sixteenth and later are indexed as they come, the first fifteen when the sixteenth does.
        let early = (0..<20).map { "k\($0):\n  inner: [1, {k3: 2}]\n" }.joined() + "k3: again\n"
        let second = try #require(refusal(early))
        #expect(second.rule == "intake.duplicate-key")
        #expect(second.mark.line == 41)
        #expect(second.message.contains("first on line 7"))
    }

    @Test("keys of the same length and first and last letters are told apart; a repeat among them is still found")
    func duplicateKeysAlike() throws {
        let document = try readDocument("abc: 1\naxc: 2\nabbc: 3\n\"\": 4\n")
        #expect(document.root["axc"]?.scalar?.text == "2")
        #expect(document.root["abc"]?.scalar?.text == "1")
        #expect(document.root[""]?.scalar?.text == "4")
        let refused = try #require(refusal("abc: 1\naxc: 2\nabc: 3\n"))
        #expect(refused.rule == "intake.duplicate-key")
        #expect(refused.mark.line == 3 && refused.message.contains("first on line 1"))
        let empty = try #require(refusal("\"\": 1\nb: 2\n\"\": 3\n"))
        #expect(empty.rule == "intake.duplicate-key" && empty.mark.line == 3)
    }

    @Test("the same key in mappings at different levels, or in two items, is no duplicate")
    func sameKeyElsewhere() throws {
        let document = try readDocument(
            "a:\n  a: 1\n  b: {a: 2, b: 3}\nb:\n  - {a: 4}\n  - {a: 5, b: [a, a]}\nc: a\n")
        #expect(document.root["a"]?["b"]?["b"]?.scalar?.text == "3")
        #expect(document.root["b"]?.items?[1]["a"]?.scalar?.text == "5")
        #expect(document.root["c"]?.scalar?.text == "a")
    }

    @Test("nesting: 32 levels are read, 33 are refused at the 33rd")
    func depth() throws {
        let ok = String(repeating: "[", count: 32) + "1" + String(repeating: "]", count: 32)
        _ = try readDocument(ok)
        let deep = String(repeating: "[", count: 33) + "1" + String(repeating: "]", count: 33)
        let refused = try #require(refusal(deep))
        #expect(refused.rule == "intake.depth")
        #expect(refused.mark.column == 33)
        let veryDeep = String(repeating: "[", count: 100_000)
        #expect(refusal(veryDeep)?.rule == "intake.depth")
    }

    @Test("1 MiB is read; one byte more is refused")
    func size() throws {
        let header = "notes: |\n"
        let line = "  " + String(repeating: "x", count: 97) + "\n"
        var text = header
        while text.utf8.count + line.utf8.count <= 1 << 20 { text += line }
        text += String(repeating: " ", count: (1 << 20) - text.utf8.count)
        #expect(text.utf8.count == 1 << 20)
        switch Intake.read(
            text, file: "big.yaml",
            limits: IntakeLimits(maxBytes: 1 << 20, maxDepth: 32, maxNodes: 10_000, maxStringLength: 2_000_000))
        {
        case .success: break
        case .failure(let refused): Issue.record("a document of exactly 1 MiB was refused: \(refused.message)")
        }
        let refused = try #require(refusal(text + "x"))
        #expect(refused.rule == "intake.size")
        #expect(refused.message.contains("the limit is 1.0 MiB"))
    }

    @Test("10,000 nodes are read; one more is refused, at that node")
    func nodes() throws {
        // A sequence of n scalars is n + 1 nodes.
        let ok = "[" + Array(repeating: "1", count: 9_999).joined(separator: ",") + "]"
        _ = try readDocument(ok)
        let over = "[" + Array(repeating: "1", count: 10_000).joined(separator: ",") + "]"
        let refused = try #require(refusal(over))
        #expect(refused.rule == "intake.nodes")
        #expect(refused.mark.column == 2 * 10_000)
    }

    @Test("a return with 100,000 repeat items is refused by the node limit")
    func hugeRepeat() throws {
        var text = "form: section11-school-return\ncse:\n  sessions:\n"
        text.reserveCapacity(3_000_000)
        for _ in 0..<100_000 { text += "    - {date: 2026-01-01}\n" }
        let refused = try #require(refusal(Array(text.utf8)))
        #expect(refused.rule == "intake.size" || refused.rule == "intake.nodes")
        let smaller = "form: x\ncse:\n  sessions:\n" + String(repeating: "    - {date: 2026-01-01}\n", count: 4_000)
        #expect(refusal(smaller)?.rule == "intake.nodes")
    }

    @Test("a string of 10,000 characters is read; 10,001 is refused")
    func stringLength() throws {
        let ok = "a: " + String(repeating: "é", count: 10_000)
        _ = try readDocument(ok)
        let refused = try #require(refusal("a: " + String(repeating: "é", count: 10_001)))
        #expect(refused.rule == "intake.string-length")
        #expect(refused.mark.column == 4)
        let key = try #require(refusal(String(repeating: "k", count: 10_001) + ": 1"))
        #expect(key.rule == "intake.string-length")
    }

    @Test("invalid UTF-8 is refused at the bad byte's line and column")
    func invalidUTF8() throws {
        let bytes = Array("name: ok\nnext: ab".utf8) + [0xC3, 0x28] + Array("\n".utf8)
        let refused = try #require(refusal(bytes))
        #expect(refused.rule == "intake.encoding")
        #expect(refused.mark == SourceMark(file: "test.yaml", line: 2, column: 9))
        for bad: [UInt8] in [[0xFF], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82]] {
            #expect(refusal(Array("a: ".utf8) + bad)?.rule == "intake.encoding")
        }
        // Found wherever it falls among runs of ASCII (read eight bytes at a time), at its own column.
        for run in 0..<17 {
            let padded = Array(("a: " + String(repeating: "x", count: run)).utf8) + [0xFF] + Array("yyyyyyyyyy\n".utf8)
            let found = try #require(refusal(padded))
            #expect(found.rule == "intake.encoding")
            #expect(found.mark == SourceMark(file: "test.yaml", line: 1, column: 4 + run))
        }
    }

    @Test("UTF-16 is refused with advice to save as UTF-8")
    func utf16() throws {
        let bytes: [UInt8] = [0xFF, 0xFE] + Array("a: 1".utf8).flatMap { [$0, 0] }
        let refused = try #require(refusal(bytes))
        #expect(refused.rule == "intake.encoding")
        #expect(refused.message.contains("UTF-16"))
    }

    @Test("control characters are refused")
    func controlCharacters() throws {
        let refused = try #require(refusal(Array("a: 1".utf8) + [0] + Array("\n".utf8)))
        #expect(refused.rule == "intake.encoding")
        #expect(refused.mark == SourceMark(file: "test.yaml", line: 1, column: 5))
    }

    @Test("a second document is refused at its start")
    func documents() throws {
        let refused = try #require(refusal("a: 1\n---\nb: 2\n"))
        #expect(refused.rule == "intake.documents")
        #expect(refused.mark.line == 2)
    }

    @Test("a mapping or list used as a key is refused")
    func complexKey() throws {
        let refused = try #require(refusal("? [a, b]\n: 1\n"))
        #expect(refused.rule == "intake.complex-key")
        #expect(refused.message == "A key must be a single name, not a list.")
        let mapping = try #require(refusal("a: 1\n? {b: 2}\n: 3\n"))
        #expect(mapping.message == "A key must be a single name, not a group of answers (key: value lines).")
        #expect(mapping.mark == SourceMark(file: "test.yaml", line: 2, column: 3))
    }

    @Test("random bytes never crash the reader", arguments: 0..<200)
    func randomBytes(seed: Int) {
        var generator = SplitMix(seed: UInt64(seed))
        let alphabet = Array("ab:- \n\t[]{},'\"&*!|>#%@`?0123456789é".utf8) + [0x00, 0xFF, 0xC3]
        let bytes = (0..<Int(generator.next() % 300)).map { _ in
            alphabet[Int(generator.next() % UInt64(alphabet.count))]
        }
        switch Intake.read(bytes, file: "fuzz.yaml") {
        case .success(let document): #expect(document.file == "fuzz.yaml")
        case .failure(let refused):
            #expect(refused.mark.line >= 1 && refused.mark.column >= 1 && !refused.message.isEmpty)
        }
    }
}

/// A small seeded random number generator, so the random tests repeat exactly.
struct SplitMix: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
