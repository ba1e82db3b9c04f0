@testable import FormEngine
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
        for path in paths { expectSame(path, limit: 20, reader: reader) }
        #expect((try? reader.read(root.path + "/b/long.yaml", limit: 20).get().size) == 50)
        #expect((try? reader.read(root.path + "/missing.yaml", limit: 20).get()) == nil)
    }

    @Test("read without asking the size first: empty, short, at and past the room kept, a named pipe, a device")
    func withoutSize() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("folder-reader-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let room = FolderReader.roomSize
        let sizes = [0, 1, 1000, room - 1, room, room + 1, 3 * room]
        for size in sizes {
            let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 7) }
            try Data(bytes).write(to: root.appendingPathComponent("\(size).yaml"))
        }
        #expect(mkfifo(root.path + "/pipe.yaml", 0o600) == 0)
        let paths = sizes.map { root.path + "/\($0).yaml" } + [root.path + "/pipe.yaml", "/dev/null", "/dev/zero"]
        let reader = FolderReader()
        for limit in [10, room, 4 * room] {
            for path in paths { expectSame(path, limit: limit, reader: reader) }
        }
        #expect((try? reader.read(root.path + "/1000.yaml", limit: room).get().bytes.count) == 1000)
        #expect((try? reader.read(root.path + "/\(3 * room).yaml", limit: 4 * room).get().size) == 3 * room)
        let pipe = reader.read(root.path + "/pipe.yaml", limit: room)
        #expect((try? pipe.get()) == nil)
        if case .failure(let failure) = pipe { #expect(failure.reason == "is a named pipe, not a file") }
        #expect((try? reader.read("/dev/zero", limit: room).get()) == nil)
    }

    /// Expects `reader` to read `path` as `FileBytes.read` does: the same bytes and size, or the same failure.
    private func expectSame(
        _ path: String, limit: Int, reader: FolderReader, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let alone = FileBytes.read(path, limit: limit)
        let kept = reader.read(path, limit: limit)
        switch (alone, kept) {
        case (.success(let a), .success(let b)):
            #expect(a.bytes == b.bytes && a.size == b.size, "\(path), limit \(limit)", sourceLocation: sourceLocation)
        case (.failure(let a), .failure(let b)):
            #expect(a == b, "\(path), limit \(limit)", sourceLocation: sourceLocation)
        default:
            Issue.record("\(path), limit \(limit): \(alone) against \(kept)", sourceLocation: sourceLocation)
        }
    }
}
