import FormEngine
import Foundation
import TestSupport
import Testing

@Suite("Stored JSON is read back as Intake reads it")
struct StoredJSONTests {
    /// Two trees alike: the same shape, keys, texts and quoting.
    func same(_ a: Node, _ b: Node) -> Bool {
        switch (a.content, b.content) {
        case (.scalar(let x), .scalar(let y)): return Array(x.text.utf8) == Array(y.text.utf8) && x.isPlain == y.isPlain
        case (.sequence(let x), .sequence(let y)): return x.count == y.count && zip(x, y).allSatisfy { same($0, $1) }
        case (.mapping(let x), .mapping(let y)):
            return x.count == y.count && zip(x, y).allSatisfy { $0.key == $1.key && same($0.value, $1.value) }
        default: return false
        }
    }

    @Test("every naughty string, number, yes-no and null, nested, reads the same as through libyaml")
    func matchesIntake() throws {
        struct Fixture: Decodable { let strings: [String] }
        let data = try Data(contentsOf: URL(fileURLWithPath: Paths.root + "/Tests/Fixtures/naughty-strings.json"))
        let strings = try JSONDecoder().decode(Fixture.self, from: data).strings
        for text in strings {
            let value = JSONValue.object([
                ("text", .string(text)), ("number", .number(-12.5)), ("whole", .number(42)), ("yes", .bool(true)),
                ("no", .bool(false)), ("none", .null),
                ("list", .array([.string(text), .object([("inner", .string(text))]), .array([])])),
                ("empty", .object([])),
                ("key " + text, .string("value")),
            ])
            let json = value.text
            let stored = try #require(StoredJSON.read(json), "\(text.debugDescription)")
            guard case .success(let read) = Intake.read(Array(json.utf8), file: "x.json", limits: .definition) else {
                Issue.record("libyaml cannot read \(json.debugDescription)")
                continue
            }
            #expect(same(stored, read.root), "\(text.debugDescription)")
        }
    }

    @Test("a string is written with each character JSON or YAML cannot take raw escaped, and the rest as it is")
    func escapes() {
        let cases: [(String, String)] = [
            ("plain text, 12 words", #""plain text, 12 words""#),
            ("say \"no\" \\ back", #""say \"no\" \\ back""#),
            ("line\nnext\r\ttab", #""line\nnext\r\ttab""#),
            ("\u{0}\u{8}\u{C}\u{1F}\u{7F}", #""\u0000\u0008\u000c\u001f\u007f""#),
            ("C1 \u{80}\u{85}\u{9F} kept \u{A0}é", "\"C1 \\u0080\\u0085\\u009f kept \u{A0}é\""),
            ("\u{2027}\u{2028}\u{2029}\u{202A}", "\"\u{2027}\\u2028\\u2029\u{202A}\""),
            ("\u{FFFD}\u{FFFE}\u{FFFF}\u{1F600}", "\"\u{FFFD}\\ufffe\\uffff\u{1F600}\""),
            ("", #""""#),
        ]
        for (text, json) in cases {
            #expect(JSONValue.string(text).text == json, "\(text.debugDescription)")
            #expect(StoredJSON.read(json)?.scalar?.text == text, "\(text.debugDescription)")
        }
        #expect(
            JSONValue.object([("k\"ey", .array([.number(1.5), .number(-3), .bool(true), .null]))]).text
                == #"{"k\"ey":[1.5,-3,true,null]}"#)
    }

    @Test("what is not JSON is nil")
    func notJSON() {
        for text in [
            "", "{", "{\"a\": 1", "[1, 2", "{\"a\" 1}", "\"open", "{\"a\": 1} x", "{a: 1}", "[1,]x", "\"\\u12\"",
        ] {
            #expect(StoredJSON.read(text) == nil, "\(text.debugDescription)")
        }
        #expect(StoredJSON.read(" {\"a\": [1, \"two\", null]} \n")?["a"]?.items?.count == 3)
    }

    @Test("whole numbers are written in the digits Swift prints them in, from the smallest to the largest")
    func wholeNumbers() {
        for number in [0, 7, -7, 10, 86, 100, 23_548, -1_000_000, 999_999_999_999_999, Int.max, Int.min] {
            var output: [UInt8] = Array("x".utf8)
            JSONValue.writeInteger(number, to: &output)
            #expect(String(decoding: output, as: UTF8.self) == "x\(number)")
        }
        #expect(JSONValue.number(42).text == "42" && JSONValue.number(-3).text == "-3")
        #expect(JSONValue.number(86.3).text == "86.3" && JSONValue.number(.nan).text == "null")
    }
}
