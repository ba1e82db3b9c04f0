import Foundation
import StoreKinds
import Testing

@Suite("safeguard store copy: a database into another, and back, verified")
struct StoreCopyTests {
    @Test(
        "the demo county copied into the other store and back: the same rows, hashes and reports; a full target refused",
        arguments: StoreKind.available)
    func roundTrip(_ kind: StoreKind) async throws {
        let folder = try await kind.newFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // The demo county in SQLite, copied into this kind's store, then into a new SQLite file.
        let original = folder.appendingPathComponent("original.sqlite").path
        let demo = try Safeguard.run([
            "demo", "--schools", "24", "--drivers", "60", "--database", original, "--out",
            folder.appendingPathComponent("county").path,
        ])
        #expect(demo.status == 0, "\(demo.stderr)")
        let middle =
            kind == .sqlite ? folder.appendingPathComponent("middle.sqlite").path : StoreKind.database(for: folder)
        let back = folder.appendingPathComponent("back.sqlite").path
        let there = try Safeguard.run(["store", "copy", original, middle])
        #expect(there.status == 0, "\(there.stderr)")
        let again = try Safeguard.run(["store", "copy", middle, back])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(there.stdout == again.stdout, "each table's rows and hash are the same after both copies")
        #expect(there.stdout.contains("submission: ") && there.stdout.contains("audit: "))
        #expect(
            there.stdout.hasSuffix(
                "each table's count and hash are the same in both, and the copy's report "
                    + "facts are worked out from its stored answers.\n"))

        // The reports read from the copies (their facts worked out anew) are the reports of the original.
        for report in ["schools", "licensing"] {
            let arguments = ["report", report, "--as-of", "2026-10-31", "--format", "json", "--database"]
            let expected = try Safeguard.run(arguments + [original])
            #expect(expected.status == 0)
            #expect(try Safeguard.run(arguments + [middle]).stdout == expected.stdout, "\(report) from \(kind)")
            #expect(try Safeguard.run(arguments + [back]).stdout == expected.stdout, "\(report) copied back")
        }

        let full = try Safeguard.run(["store", "copy", original, middle])
        #expect(full.status == 1)
        #expect(full.stderr.contains("already holds records"), "\(full.stderr)")
    }
}
