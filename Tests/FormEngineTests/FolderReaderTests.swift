import FormEngine
import Foundation
import Testing

@Suite("Files read in their folder, kept open from file to file, as each alone reads")
struct FolderReaderTests {
    @Test("files of one folder and of another, a missing file, a missing folder, a folder, a relative path")
    func likeFileBytes() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("folder-reader-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("b"), withIntermediateDirectories: true)
        try Data("one".utf8).write(to: root.appendingPathComponent("one.yaml"))
        try Data("two\n".utf8).write(to: root.appendingPathComponent("two.yaml"))
        try Data(repeating: 65, count: 50).write(to: root.appendingPathComponent("b/long.yaml"))
        let paths = [
            root.path + "/one.yaml", root.path + "/two.yaml", root.path + "/b/long.yaml", root.path + "/one.yaml",
            root.path + "/missing.yaml", root.path + "/none/x.yaml", root.path + "/b", root.path + "/b/",
            "Examples/returns/oakfield-primary.yaml", "Package.swift", "/",
        ]
        let reader = FolderReader()
        for path in paths {
            let alone = FileBytes.read(path, limit: 20)
            let kept = reader.read(path, limit: 20)
            switch (alone, kept) {
            case (.success(let a), .success(let b)):
                #expect(a.bytes == b.bytes && a.size == b.size, "\(path)")
            case (.failure(let a), .failure(let b)):
                #expect(a == b, "\(path)")
            default:
                Issue.record("\(path): \(alone) against \(kept)")
            }
        }
        #expect((try? reader.read(root.path + "/b/long.yaml", limit: 20).get().size) == 50)
        #expect((try? reader.read(root.path + "/missing.yaml", limit: 20).get()) == nil)
    }
}
