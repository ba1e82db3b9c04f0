@testable import FormEngine
import Testing

@Suite("Paths put in order as `sorted()` puts them, faster for a folder's many files")
struct PathOrderTests {
    @Test("a folder's numbered files, names that are prefixes of others, and nested folders")
    func likeSorted() {
        let folder = "/tmp/county/applications/application-"
        let numbered = (0..<500).map { folder + String(($0 * 7919) % 500 + 100_000) + ".yaml" }
        let tricky = [
            "/a/b.yaml", "/a/b.yam", "/a/b", "/a/b/c.yaml", "/a/b-c.yaml", "/a/B.yaml", "/a/ba.yaml",
            "/a/b.yaml.yaml", "/a/12345678.yaml", "/a/12345678-corrected.yaml", "/a/1234567.yaml", "/a/123456789.yaml",
        ]
        for paths in [numbered, tricky, numbered + tricky, ["/only.yaml"], []] {
            #expect(PathOrder.sorted(paths) == paths.sorted())
        }
    }

    @Test("paths that are not ASCII keep the order of `<`, which is not that of their bytes")
    func unicode() {
        // "é" written as one scalar and as "e" with a combining accent: `<` compares them as equal scalars first.
        let paths = ["/r/\u{E9}cole.yaml", "/r/e\u{301}cole2.yaml", "/r/ecole.yaml", "/r/zoo.yaml", "/r/\u{C5}.yaml"]
        #expect(PathOrder.sorted(paths) == paths.sorted())
    }
}
