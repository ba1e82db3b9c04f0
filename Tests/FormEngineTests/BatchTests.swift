import FormEngine
import Foundation
import Testing

@Suite("Batches: many files checked on every core, handed over in order")
struct BatchTests {
    static let validator = everyTypeValidator

    /// `count` submissions in a new folder: every third has a count out of range, every fifth cannot be read.
    static func folder(of count: Int) throws -> [String] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("batch-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return try (0..<count).map { index in
            let path = folder + "/\(String(format: "%03d", index)).yaml"
            let count = index % 3 == 0 ? 99 : 5
            let text =
                index % 5 == 0
                ? "form: every-type\nall: [\n"
                : "form: every-type\nall:\n  driver: PATEL702238AP9AB\n  items: [{name: one}]\n  count: \(count)\n"
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            return path
        }
    }

    @Test("every file's result, in the order of the paths, across many chunks, as each alone gives it")
    func order() async throws {
        let paths = try Self.folder(of: 47)
        defer { try? FileManager.default.removeItem(atPath: (paths[0] as NSString).deletingLastPathComponent) }
        let asOf = Day(iso: "2026-07-15")!
        var handed: [[Evaluation]] = []
        await Self.validator.evaluate(paths: paths, asOf: asOf, chunkSize: 4) { handed.append($0) }
        #expect(handed.map(\.count) == Array(repeating: 4, count: 11) + [3])
        let all = handed.flatMap { $0 }
        #expect(all.map(\.file) == paths)
        for (evaluation, path) in zip(all, paths) {
            let alone = Self.validator.evaluate(path: path, asOf: asOf)
            #expect(evaluation.findings == alone.findings, "\(path)")
        }
        #expect(all.filter { $0.findings.contains { $0.rule == "field.max" } }.count == 12)
        #expect(all.filter { $0.findings.contains { $0.rule == "intake.syntax" } }.count == 10)
    }

    @Test("chunks of one file each, fewer files than cores or more, each file's result as it alone gives it")
    func singleFiles() async throws {
        let paths = try Self.folder(of: 5)
        defer { try? FileManager.default.removeItem(atPath: (paths[0] as NSString).deletingLastPathComponent) }
        let asOf = Day(iso: "2026-07-15")!
        for count in [1, 2, 3, 5] {
            var handed: [[Evaluation]] = []
            await Self.validator.evaluate(paths: Array(paths.prefix(count)), asOf: asOf, chunkSize: 1) {
                handed.append($0)
            }
            #expect(handed.map(\.count) == Array(repeating: 1, count: count))
            #expect(handed.flatMap { $0 }.map(\.file) == Array(paths.prefix(count)))
            for (evaluation, path) in zip(handed.flatMap { $0 }, paths) {
                #expect(evaluation.findings == Self.validator.evaluate(path: path, asOf: asOf).findings, "\(path)")
            }
        }
    }

    @Test("an error while handing a chunk over stops the batch: no later chunk is handed over")
    func stops() async throws {
        struct Stop: Error {}
        let paths = try Self.folder(of: 30)
        defer { try? FileManager.default.removeItem(atPath: (paths[0] as NSString).deletingLastPathComponent) }
        var handed = 0
        await #expect(throws: Stop.self) {
            try await Self.validator.evaluate(paths: paths, asOf: Day(iso: "2026-07-15")!, chunkSize: 5) { _ in
                handed += 1
                if handed == 2 { throw Stop() }
            }
        }
        #expect(handed == 2)
    }
}
