import Foundation
import GRDB
import TestSupport
import Testing

@Suite("safeguard demo and report, in a new folder")
struct DemoAndReportCommandTests {
    /// Runs `safeguard` in `folder`, with the project's forms and rules.
    static func run(_ arguments: [String], in folder: URL) throws -> CommandResult {
        try Safeguard.run(
            arguments + ["--forms", Paths.root + "/Forms", "--rules", Paths.root + "/Rules"], in: folder.path)
    }

    @Test("demo makes the county, the default database and both reports, and says where they are")
    func demo() throws {
        let folder = try Safeguard.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Self.run(["demo"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            result.stdout.hasPrefix(
                "Made a county of 120 schools and 300 drivers in demo-county/ and stored it in safeguard.sqlite"))
        #expect(result.stdout.contains("Section 11 returns: CSE and Missing education\n"))
        #expect(result.stdout.contains("Gaps in provision, ranked"))
        #expect(result.stdout.contains("Taxi and private hire drivers\n"))
        #expect(result.stdout.contains("Drivers needing action"))
        #expect(
            result.stdout.contains(
                "The reports, with their charts, are in reports/schools.html and reports/licensing.html"))
        for file in ["safeguard.sqlite", "reports/schools.html", "reports/licensing.html", "demo-county/register.csv"] {
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(file).path), "\(file)")
        }
        let html = try String(contentsOf: folder.appendingPathComponent("reports/schools.html"), encoding: .utf8)
        #expect(
            html.contains("<svg")
                && html.contains("<figcaption>Share of schools that returned, by district</figcaption>"))

        let again = try Self.run(["demo"], in: folder)
        #expect(again.status == 0, "a demo's own database is replaced")
        #expect(again.stdout == result.stdout, "the same seed, the same county, the same reports")

        let csv = try Self.run(
            ["report", "schools", "--as-of", "2026-10-31", "--format", "csv", "--table", "by-district"], in: folder)
        let rows = csv.stdout.split(separator: "\r\n").map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
        let header = try #require(rows.first)
        #expect(header.first == "District", "printed to the terminal, no byte order mark")
        for row in rows.dropFirst() {
            // A share is a number in the CSV (its column headed with %) and a percentage on the page.
            let shown = zip(header, row).map { column, value in
                column.hasSuffix("%") ? (value.isEmpty ? "-" : value + "%") : value
            }
            let cells = shown.map { "<td class=\"number\">\($0)</td>" }.dropFirst().joined()
            #expect(
                html.contains("<th scope=\"row\">\(row[0])</th>" + cells),
                "the HTML shows the CSV's figures for \(row[0])")
        }
    }

    @Test("each report demo prints comes with the command that prints it again, and that command does")
    func reproducible() throws {
        let folder = try Safeguard.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let demo = try Self.run(["demo", "--schools", "30", "--drivers", "40"], in: folder)
        let prefix = "This report again: safeguard "
        let commands = demo.stdout.components(separatedBy: "\n").filter { $0.hasPrefix(prefix) }
        #expect(
            commands == [
                prefix + "report schools --collection s11-2025-26 --as-of 2026-10-31",
                prefix + "report licensing --as-of 2026-10-31",
            ])
        guard commands.count == 2 else { return }
        let schoolsStart = try #require(demo.stdout.range(of: "Section 11 returns: CSE and Missing education\n"))
        let schoolsEnd = try #require(demo.stdout.range(of: commands[0]))
        let licensingEnd = try #require(demo.stdout.range(of: commands[1]))
        let printedSchools = String(demo.stdout[schoolsStart.lowerBound..<schoolsEnd.lowerBound])
        let printedLicensing = String(
            demo.stdout[demo.stdout.index(schoolsEnd.upperBound, offsetBy: 2)..<licensingEnd.lowerBound])
        func rerun(_ command: String) throws -> String {
            try Self.run(command.dropFirst(prefix.count).split(separator: " ").map(String.init), in: folder).stdout
        }
        #expect(try rerun(commands[1]) + "\n" == printedLicensing, "the licensing report, the same to the character")
        let schools = try rerun(commands[0])
        #expect(
            schools.hasPrefix(String(printedSchools.dropLast())),
            "the schools report, the same, then the list of every school the demo leaves out")
        #expect(schools.contains("Every school\n------------"))
        #expect(!demo.stdout.contains("Every school\n"), "no heading stands empty where its table is left out")
    }

    @Test("a past round is measured as of its due date unless --as-of says otherwise, and the subtitle says which")
    func pastRoundMeasuredOnItsDueDate() throws {
        let folder = try Safeguard.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try Self.run(["demo", "--schools", "30", "--drivers", "40"], in: folder)
        let past = try Self.run(["report", "schools", "--collection", "s11-2024-25"], in: folder)
        #expect(past.status == 0, "\(past.stderr)")
        #expect(
            past.stdout.contains(
                "Collection s11-2024-25 (2024-09-01 to 2025-08-31, due 2025-09-30); measures as of 2025-09-30, the "
                    + "collection's due date\n"))
        let again = try Self.run(["report", "schools", "--collection", "s11-2024-25"], in: folder)
        #expect(again.stdout == past.stdout, "the same report whenever it is run")
        let asked = try Self.run(
            ["report", "schools", "--collection", "s11-2024-25", "--as-of", "2026-01-15"], in: folder)
        #expect(asked.stdout.contains("due 2025-09-30); measures as of 2026-01-15\n"))
    }

    @Test("the schools report shows every measure by district across every round, with small charts in HTML")
    func trends() throws {
        let folder = try Safeguard.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try Self.run(["demo", "--schools", "30", "--drivers", "10"], in: folder)
        let json = try Self.run(["report", "schools", "--as-of", "2026-10-31", "--format", "json"], in: folder)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let tables = try #require(object["tables"] as? [[String: Any]])
        let trends = try #require(tables.first { $0["id"] as? String == "trends" })
        #expect(trends["columns"] as? [String] == ["District", "Measure", "s11-2024-25", "s11-2025-26"])
        let rows = try #require(trends["rows"] as? [[String: Any]])
        #expect(Set(rows.compactMap { $0["District"] as? String }).contains("County"))
        #expect(rows.count == Set(rows.compactMap { $0["District"] as? String }).count * 11, "11 measures a district")
        let blocks = try #require(object["blocks"] as? [[String: Any]])
        let charts = blocks.compactMap { $0["trend"] as? [String: Any] }
        #expect(charts.map { $0["measure"] as? String } == ["Returned %", "Pupil CSE %", "Any QA %"])
        // The county's returned % this round is the by-district table's.
        let county = try #require(
            rows.first { $0["District"] as? String == "County" && $0["Measure"] as? String == "Returned %" })
        let byDistrict = try #require(
            tables.first { $0["id"] as? String == "by-district" }?["rows"] as? [[String: Any]])
        let countyNow = try #require(byDistrict.first { $0["District"] as? String == "County" })
        #expect(
            (county["s11-2025-26"] as? [String: Any])?["percent"] as? Double
                == (countyNow["Returned %"] as? [String: Any])?["percent"] as? Double)

        _ = try Self.run(
            ["report", "schools", "--as-of", "2026-10-31", "--format", "html", "--out", "schools.html"], in: folder)
        let html = try String(contentsOf: folder.appendingPathComponent("schools.html"), encoding: .utf8)
        #expect(html.contains("<div class=\"multiples\">"))
        #expect(html.contains("aria-label=\"County: s11-2024-25: "), "each small chart says its values in words")
        let text = try Self.run(["report", "schools", "--as-of", "2026-10-31"], in: folder).stdout
        #expect(text.contains("Trends by district, round by round"))
    }

    @Test("a mistyped command or option gets the nearest; every bad option at once; the command's own usage")
    func helpfulCommandLine() throws {
        let folder = try Safeguard.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let command = try Self.run(["reprot", "schools"], in: folder)
        #expect(command.status == 64)
        #expect(command.stderr.hasPrefix("Error: 'reprot' is not a command. Did you mean 'report'?\n"))
        let options = try Self.run(
            ["report", "schools", "--distrct", "corby", "--format", "xml", "--tabel", "gaps"], in: folder)
        #expect(options.status == 64)
        #expect(options.stderr.contains("Error: Unknown option '--distrct'. Did you mean '--district'?\n"))
        #expect(options.stderr.contains("Error: The value 'xml' is invalid for '--format <format>'"))
        #expect(options.stderr.contains("Error: Unknown option '--tabel'. Did you mean '--table'?\n"))
        #expect(!options.stderr.contains("nexpected argument"), "an unknown option's value is not a mistake of its own")
        #expect(options.stderr.contains("Usage: safeguard report"), "the report command's usage: \(options.stderr)")
        _ = try Self.run(["demo", "--schools", "10", "--drivers", "5"], in: folder)
        let late = try Self.run(["report", "schools", "--as-of", "2026-13-45"], in: folder)
        #expect(late.status == 64)
        #expect(
            late.stderr.contains("Usage: safeguard report"),
            "found while running, still the command's usage: \(late.stderr)")
    }

    @Test("outside a checkout the shipped forms and rules are read, and said; a --forms folder not there is not found")
    func shippedDefinitions() throws {
        let folder = try Safeguard.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let checked = try Safeguard.run(["forms", "check"], in: folder.path)
        #expect(checked.status == 0, "\(checked.stderr)")
        #expect(
            checked.stderr.contains("note: there is no ./Forms here, so the forms shipped with safeguard are read: "))
        #expect(checked.stdout.contains("form 'section11-school-return'"))
        let missing = try Safeguard.run(["forms", "check", "--forms", "nowhere"], in: folder.path)
        #expect(missing.status == 64)
        #expect(
            missing.stderr.contains(
                "The forms folder 'nowhere' was not found. Give the folder that holds them with --forms."))
        #expect(!missing.stderr.contains("broken"))
    }

    @Test("an older database's report facts are kept once, with a note first, and its reports come out the same")
    func reportFactsFilled() throws {
        let folder = try Safeguard.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try Self.run(["demo"], in: folder).status == 0)
        let asked = ["report", "schools", "--as-of", "2026-10-31", "--format", "json"]
        let kept = try Self.run(asked, in: folder)
        #expect(kept.status == 0 && !kept.stderr.contains("report facts"), "\(kept.stderr)")
        // The database as Safeguarding left it before it kept report facts: none, and every version to fill.
        let database = try DatabaseQueue(path: folder.appendingPathComponent("safeguard.sqlite").path)
        try database.write { db in
            try db.execute(sql: "DELETE FROM returnFact; DELETE FROM driverFact")
            try db.execute(sql: "INSERT INTO factBackfill SELECT 0, max(id) FROM submission")
        }
        try database.close()
        let filled = try Self.run(asked, in: folder)
        #expect(filled.status == 0, "\(filled.stderr)")
        #expect(
            filled.stderr.contains(
                "note: keeping the report facts of the versions stored before this version of Safeguarding kept them"))
        #expect(filled.stdout == kept.stdout, "the same report from the facts filled from the stored answers")
        let again = try Self.run(["report", "licensing", "--as-of", "2026-10-31"], in: folder)
        #expect(again.status == 0 && !again.stderr.contains("report facts"), "once: \(again.stderr)")
    }

    @Test("demo leaves a database that is not the demo's alone")
    func notTheDemos() throws {
        let folder = try Safeguard.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try Self.run(
            ["register", "import", Paths.root + "/Examples/register/gias-extract.csv", "--by", "someone"],
            in: folder)
        let result = try Self.run(["demo"], in: folder)
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("error: safeguard.sqlite holds work that is not the demo's."))
    }

    @Test("report writes each format where it says")
    func formats() throws {
        let folder = try Safeguard.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try Self.run(["demo", "--schools", "30", "--drivers", "40"], in: folder)
        let csv = try Self.run(
            ["report", "licensing", "--as-of", "2026-10-31", "--format", "csv", "--out", "csv"], in: folder)
        #expect(
            csv.stdout
                == "wrote csv/licensing-by-district.csv\nwrote csv/licensing-referrals.csv\nwrote csv/licensing-actions.csv\n"
        )
        let markdown = try Self.run(["report", "schools", "--as-of", "2026-10-31", "--format", "markdown"], in: folder)
        #expect(markdown.stdout.hasPrefix("# Section 11 returns: CSE and Missing education\n"))
        let json = try Self.run(["report", "schools", "--format", "json", "--out", "schools.json"], in: folder)
        #expect(json.stdout == "wrote schools.json\n")
        let object =
            try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("schools.json")))
            as? [String: Any]
        #expect(object?["report"] as? String == "schools")
        let html = try Self.run(["report", "licensing", "--district", "corby", "--format", "html"], in: folder)
        #expect(html.stdout == "wrote reports/licensing.html\n")
        let page = try String(contentsOf: folder.appendingPathComponent("reports/licensing.html"), encoding: .utf8)
        #expect(!page.contains(">Kettering<"), "--district keeps to one district")
        let unknown = try Self.run(["report", "schools", "--format", "csv", "--table", "nonsense"], in: folder)
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("The tables are: by-district"))
        let audit = try Self.run(["audit"], in: folder)
        #expect(audit.stdout.contains("view  report schools: markdown, as of 2026-10-31"))
    }

    @Test("--district takes a district's value or its name in any case, for both reports; anything else exits 64")
    func district() throws {
        let folder = try Safeguard.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try Self.run(["demo", "--schools", "40", "--drivers", "60"], in: folder)
        func districts(_ arguments: [String]) throws -> [String] {
            let result = try Self.run(
                ["report"] + arguments + ["--as-of", "2026-10-31", "--format", "csv", "--table", "by-district"],
                in: folder)
            #expect(result.status == 0, "\(result.stderr)")
            return result.stdout.split(separator: "\r\n").dropFirst().map { String($0.split(separator: ",")[0]) }
        }
        #expect(try districts(["schools"]).count > 2, "the county, district by district")
        #expect(try districts(["schools", "--district", "corby"]) == ["Corby", "Total"])
        #expect(try districts(["schools", "--district", "CORBY"]) == ["Corby", "Total"])
        #expect(try districts(["licensing", "--district", "Corby"]) == ["Corby", "Total"])
        let markdown = try Self.run(
            ["report", "schools", "--district", "Corby", "--as-of", "2026-10-31", "--format", "markdown"], in: folder)
        #expect(markdown.stdout.contains("measures as of 2026-10-31; Corby only"))
        let typo = try Self.run(["report", "licensing", "--district", "corbie"], in: folder)
        #expect(typo.status == 64)
        #expect(
            typo.stderr.hasPrefix("error: 'corbie' is not a district. Did you mean 'corby'? The districts are: corby"))
        let table = try Self.run(["report", "schools", "--table", "by-district"], in: folder)
        #expect(table.status == 64 && table.stderr.contains("--table picks one table of a CSV report"))
        let none = try Self.run(["report", "schools", "--district", "Narnia"], in: folder)
        #expect(none.status == 64 && none.stderr.contains("'Narnia' is not a district. The districts are:"))
    }
}
