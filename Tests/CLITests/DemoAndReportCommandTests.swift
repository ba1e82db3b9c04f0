import Foundation
import Testing

@Suite("safeguard demo and report, in a new folder")
struct DemoAndReportCommandTests {
    /// Runs `safeguard` in `folder`, with the project's forms and rules.
    static func run(_ arguments: [String], in folder: URL) throws -> CommandResult {
        try Safeguard.run(
            arguments + ["--forms", Safeguard.root + "/Forms", "--rules", Safeguard.root + "/Rules"], in: folder.path)
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

    @Test("demo leaves a database that is not the demo's alone")
    func notTheDemos() throws {
        let folder = try Safeguard.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try Self.run(
            ["register", "import", Safeguard.root + "/Examples/register/gias-extract.csv", "--by", "someone"],
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
