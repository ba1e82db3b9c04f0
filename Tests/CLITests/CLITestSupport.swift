import Foundation
import TestSupport
import Testing

/// What a run of the `safeguard` binary printed, and how it exited.
struct CommandResult {
    let stdout: String
    let stderr: String
    let status: Int32
}

/// Runs the built `safeguard` binary the way a user does, in the repository's root unless told otherwise.
enum Safeguard {
    /// The arguments that open the round of returns most tests store into: s11-2025-26, due 30 September 2026.
    static let openRound = [
        "collection", "open", "s11-2025-26", "--form", "section11-school-return", "--period-start", "2025-09-01",
        "--period-end", "2026-08-31", "--due", "2026-09-30",
    ]

    /// The binary, built by `swift build` next to the test bundle.
    static let binary: URL = {
        let tests = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var folder = tests.deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: folder.appendingPathComponent("safeguard").path),
            folder.path != "/"
        {
            folder = folder.deletingLastPathComponent()
        }
        let candidate = folder.appendingPathComponent("safeguard")
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        return URL(fileURLWithPath: Paths.root + "/.build/debug/safeguard")
    }()

    /// Runs `safeguard arguments...` and waits for it. Output goes to files, so no pipe can fill and block.
    static func run(
        _ arguments: [String], in directory: String? = nil, environment: [String: String] = [:],
        asNobody: Bool = false
    ) throws -> CommandResult {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent(
            "safeguard-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("stdout")
        let errURL = scratch.appendingPathComponent("stderr")
        try Data().write(to: outURL)
        try Data().write(to: errURL)
        let out = try FileHandle(forWritingTo: outURL)
        let err = try FileHandle(forWritingTo: errURL)
        let process = Process()
        if asNobody {
            process.executableURL = URL(fileURLWithPath: setpriv)
            process.arguments = ["--reuid=65534", "--regid=65534", "--clear-groups", binary.path] + arguments
        } else {
            process.executableURL = binary
            process.arguments = arguments
        }
        process.currentDirectoryURL = URL(fileURLWithPath: directory ?? Paths.root)
        var variables = ProcessInfo.processInfo.environment
        variables["SAFEGUARD_DATABASE"] = nil
        variables["SAFEGUARD_USER"] = nil
        for (key, value) in environment { variables[key] = value }
        process.environment = variables
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try out.close()
        try err.close()
        return CommandResult(
            stdout: try String(contentsOf: outURL, encoding: .utf8),
            stderr: try String(contentsOf: errURL, encoding: .utf8),
            status: process.terminationStatus)
    }

    /// util-linux's `setpriv`, which runs a command as another user: root ignores file modes, so a test of what
    /// a user may not write runs the binary as `nobody` when the tests run as root.
    static let setpriv = "/usr/bin/setpriv"

    /// A new empty folder for a test, removed by the caller.
    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "safeguard-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }
}
