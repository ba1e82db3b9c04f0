import Foundation
import GRDB
@testable import SQLiteStore
import Records
import StoreKinds
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

@Suite("submit: batches, a SIGKILL mid-import, two writers at once", .serialized)
struct SubmitSafetyTests {
    /// Writes `count` complete applications, each for a different driver, and returns their paths.
    static func applications(_ count: Int, in folder: URL, from first: Int = 0) throws -> [String] {
        let template = try String(
            contentsOfFile: Paths.root + "/Examples/applications/amir-patel-renewal.yaml", encoding: .utf8)
        return try (first..<first + count).map { index in
            let month = String(format: "%02d", index % 12 + 1)
            let day = String(format: "%02d", (index / 12) % 28 + 1)
            let number = "DRIVR\((index / 336) % 10)\(month)\(day)\((index / 3360) % 10)AB9XY"
            let path = folder.appendingPathComponent("application-\(index).yaml").path
            try template.replacingOccurrences(of: "PATEL702238AP9AB", with: number).write(
                toFile: path, atomically: false, encoding: .utf8)
            return path
        }
    }

    @Test(
        "a SIGKILL during a 5,000-file submit leaves a database that opens and holds only whole submissions, every one reported"
    )
    func killMidImport() async throws {
        let folder = try Safeguard.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = try Self.applications(5_000, in: folder)
        let database = folder.appendingPathComponent("kill.sqlite").path
        let process = Process()
        process.executableURL = Safeguard.binary
        process.arguments = ["submit", "--quiet", "--as-of", "2026-10-20", "--database", database] + files
        process.currentDirectoryURL = URL(fileURLWithPath: Paths.root)
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        var text = ""
        while text.components(separatedBy: "stored as submission").count <= 200 {
            let data = output.fileHandleForReading.availableData
            if data.isEmpty { break }
            text += String(decoding: data, as: UTF8.self)
        }
        kill(process.processIdentifier, SIGKILL)
        text += String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal, "the import was killed before it finished")

        let reported = text.split(separator: "\n").compactMap { line -> Int64? in
            guard let range = line.range(of: "stored as submission ") else { return nil }
            return Int64(line[range.upperBound...].prefix { $0.isNumber })
        }
        #expect(reported.count >= 200 && reported.count < 5_000, "\(reported.count) reported")

        let store = try SQLiteStore.open(path: database)
        #expect(try await store.pool.read { try String.fetchOne($0, sql: "PRAGMA integrity_check") } == "ok")
        let stored = Set(try await store.latestSubmissionIDs(formID: nil))
        #expect(stored.isSuperset(of: reported), "every submission reported as stored is there")
        let halfWritten = try await store.pool.read { db in
            try Int.fetchOne(
                db,
                sql:
                    "SELECT count(*) FROM submission s WHERE NOT EXISTS (SELECT 1 FROM evaluation e WHERE e.submissionID = s.id)"
            )
        }
        #expect(halfWritten == 0, "no submission without its evaluation")
        let auditLines = try await store.pool.read {
            try Int.fetchOne($0, sql: "SELECT count(*) FROM audit WHERE action = 'submit'")
        }
        #expect(auditLines == stored.count, "each stored submission has its audit line, and no other")
    }

    @Test("two submit processes on the same database at once both succeed", arguments: StoreKind.available)
    func twoWriters(_ kind: StoreKind) async throws {
        let folder = try await kind.newFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = try Self.applications(400, in: folder)
        let second = try Self.applications(400, in: folder, from: 400)
        let database = StoreKind.database(for: folder)
        // Each process's standard error goes to a file of its own, so that a failure says what it was told.
        func start(_ files: [String], errors: URL) throws -> Process {
            let process = Process()
            process.executableURL = Safeguard.binary
            process.arguments = ["submit", "--quiet", "--as-of", "2026-10-20", "--database", database] + files
            process.currentDirectoryURL = URL(fileURLWithPath: Paths.root)
            process.standardOutput = FileHandle.nullDevice
            _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
            process.standardError = try FileHandle(forWritingTo: errors)
            try process.run()
            return process
        }
        let errors = [folder.appendingPathComponent("a.err"), folder.appendingPathComponent("b.err")]
        let a = try start(first, errors: errors[0])
        let b = try start(second, errors: errors[1])
        a.waitUntilExit()
        b.waitUntilExit()
        #expect(a.terminationStatus == 0, "\((try? String(contentsOf: errors[0], encoding: .utf8)) ?? "")")
        #expect(b.terminationStatus == 0, "\((try? String(contentsOf: errors[1], encoding: .utf8)) ?? "")")
        let store = try await kind.open(database)
        #expect(try await store.latestSubmissionIDs(formID: nil).count == 800)
    }
}
