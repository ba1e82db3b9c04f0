import FormEngine
import TestSupport
import Testing

/// Inputs Benchmarks/fuzz found that crashed or hung the pipeline, each kept here once fixed. Each goes through
/// what the fuzz target does: evaluated with no form named and as each form, then written as text and JSON.
@Suite("Inputs the fuzzer found")
struct FuzzRegressionTests {
    static let found: [(name: String, bytes: [UInt8])] = [
        // A lone byte that cannot start UTF-8: the UTF-16 hint read a second byte that was not there
        // (`a && b || c` read as `(a && b) || c`); a heap overflow under AddressSanitizer.
        ("one invalid byte", [0xA0]),
        ("one 0xFE byte", [0xFE]),
        ("one 0xFF byte", [0xFF]),
    ]

    @Test("each is refused with a finding, and prints", arguments: found.map(\.name))
    func refusedCleanly(name: String) throws {
        let bytes = try #require(Self.found.first { $0.name == name }?.bytes)
        let validator = Validator(catalog: catalog)
        for formID in [nil] + catalog.forms.keys.sorted() {
            let evaluation = validator.evaluate(
                bytes, file: "fuzz.yaml", asOf: Day(iso: "2026-10-31")!, formID: formID)
            #expect(evaluation.decision == .rejected)
            #expect(evaluation.findings.first?.rule == "intake.encoding")
            #expect(evaluation.text().contains("fuzz.yaml:1:1: error: The file is not valid UTF-8"))
            #expect(!evaluation.json.text.isEmpty)
        }
    }

    @Test("stored JSON ending in a backslash inside an unclosed string is not JSON (it read past the end)")
    func storedJSONTrailingBackslash() {
        // Found by Benchmarks/fuzz (run 3): a quote, " forer" and 39 backslashes. The escape after the last
        // backslash was the terminator, and the reader stepped over it: a heap overflow.
        #expect(StoredJSON.read("\" forer" + String(repeating: "\\", count: 39)) == nil)
        #expect(StoredJSON.read("{\"a\": \"x\\") == nil)
        #expect(StoredJSON.read("\"\\") == nil)
        #expect(StoredJSON.read("\"ok\\\\\"")?.scalar?.text == "ok\\")
    }
}
