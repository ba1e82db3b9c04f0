import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

@Suite("A database the user may only read")
struct ReadOnlyDatabaseTests {
    @Test("serves the commands that read it, refuses those that would change it, and says so")
    func readOnly() throws {
        let folder = try Safeguard.temporaryFolder()
        let database = folder.appendingPathComponent("safeguard.sqlite").path
        let elsewhere = try Safeguard.temporaryFolder()
        defer {
            chmod(folder.path, 0o755)
            try? FileManager.default.removeItem(at: folder)
            try? FileManager.default.removeItem(at: elsewhere)
        }
        let stored = try Safeguard.run(
            [
                "submit", "--quiet", "--as-of", "2026-10-20", "Examples/applications/carl-mason-refer.json",
                "--database", database,
            ])
        #expect(stored.status == 0)
        let asRoot = getuid() == 0
        if asRoot && !FileManager.default.isExecutableFile(atPath: Safeguard.setpriv) {
            print("skipped: the tests run as root, and \(Safeguard.setpriv) (util-linux) is not there to run as nobody")
            return
        }
        if asRoot && !Self.othersCanReach(Paths.root + "/Forms") {
            print("skipped: nobody cannot reach the checkout at \(Paths.root) (a folder above it is private)")
            return
        }
        let auditBefore = try Safeguard.run(["audit", "--database", database]).stdout
        chmod(database, 0o444)
        chmod(folder.path, 0o555)
        chmod(elsewhere.path, 0o777)
        func reader(_ arguments: [String]) throws -> CommandResult {
            try Safeguard.run(arguments + ["--database", database], asNobody: asRoot)
        }

        let note =
            "note: \(database) is read-only for you: commands that read it work, those that change it are "
            + "refused, and what you read is not recorded in its audit log.\n"
        let history = try reader(["history", "MASON904171CM9PQ"])
        #expect(history.status == 0 && history.stdout.hasPrefix("submission 1: taxi-driver-application"))
        #expect(history.stderr == note)
        let report = try reader(["report", "licensing", "--format", "json", "--as-of", "2026-10-20"])
        #expect(report.status == 0 && report.stdout.hasPrefix("{\"report\":\"licensing\""))
        #expect(try reader(["audit"]).stdout == auditBefore)
        #expect(try reader(["users", "list"]).status == 0)
        let out = elsewhere.appendingPathComponent("export.jsonl").path
        let export = try reader(["export", "--out", out])
        #expect(export.status == 0 && export.stdout == "wrote \(out)\n", "export elsewhere")

        let submit = try reader(["submit", "--as-of", "2026-10-20", "Examples/applications/carl-mason-refer.json"])
        #expect(submit.status == 1)
        #expect(
            submit.stderr.hasSuffix(
                "error: \(database) is read-only for you, and this command changes it. Ask for write access to it "
                    + "and its folder, or work on a copy.\n"))
        chmod(folder.path, 0o755)
        chmod(database, 0o644)
        #expect(try Safeguard.run(["audit", "--database", database]).stdout == auditBefore, "nothing was written")
    }

    /// True when a user other than the owner can reach the path: every folder above it can be passed through, and
    /// it can be read.
    static func othersCanReach(_ path: String) -> Bool {
        var url = URL(fileURLWithPath: path).standardizedFileURL
        guard let mode = try? FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int,
            mode & 0o004 != 0
        else { return false }
        while url.path != "/" {
            url.deleteLastPathComponent()
            guard let mode = try? FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int,
                mode & 0o001 != 0
            else { return false }
        }
        return true
    }
}
