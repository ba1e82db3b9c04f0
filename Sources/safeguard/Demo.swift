import ArgumentParser
import FormEngine
import Foundation
import PostgreSQLStore
import GapReports
import Records
import SampleCounty
import UseCases

/// `safeguard demo`: a sample county, stored and reported on, in one command.
struct Demo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Make a sample county, store it in the default database, and print and write both gap reports.",
        discussion: """
            Writes the county's files to demo-county/, the database to ./safeguard.sqlite (or --database), and the \
            reports to reports/schools.html and reports/licensing.html. A database made by an earlier demo is replaced; \
            any other database is left alone and the demo stops.
            """
    )

    @OptionGroup var common: CommonOptions

    @Option(help: "How many schools.")
    var schools: Int = 120
    @Option(help: "How many drivers.")
    var drivers: Int = 300
    @Option(help: "The sample's seed.")
    var seed: UInt64 = 2016
    @Option(help: "The folder for the county's files.")
    var out: String = "demo-county"

    /// A path as a shell reads it back: in single quotes when it holds anything but letters, digits and `/._-`.
    static func quoted(_ path: String) -> String {
        let plain = path.unicodeScalars.allSatisfy {
            CharacterSet.alphanumerics.contains($0) && $0.isASCII || "/._-".unicodeScalars.contains($0)
        }
        return plain ? path : "'" + path.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    func run() async throws {
        let path = common.databasePath
        if common.isPostgreSQL {
            // A PostgreSQL database is not a file the demo can remove: it takes an empty one.
            guard try await common.safeguarding().isEmpty() else {
                throw Refusal.notEmptyDatabase(PostgreSQLStore.hidingPassword(path)).commandLineError
            }
        } else if FileManager.default.fileExists(atPath: path) {
            guard try await common.safeguarding().holdsOnlyADemo() else {
                throw Refusal.notDemoDatabase(path).commandLineError
            }
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        let options = SampleCounty.Options(schools: schools, drivers: drivers, seed: seed)
        let demo = try await carryOut { try await common.safeguarding().demo(options, into: out) }
        let load = demo.load
        printOut(
            "Made a county of \(Wording.count(schools, "school")) and \(Wording.count(drivers, "driver")) in \(out)/ and stored it in \(path): "
                + "\(load.register.added) schools in the register, \(load.returns) returns over two years, "
                + "\(load.applications) applications, \(load.decisions) licensing decisions, \(load.checks) DBS checks.\n\n"
        )
        let database = common.database.map { " --database \(Self.quoted($0))" } ?? ""
        printOut(TextRenderer.render(demo.schools, omitting: ["schools"]) + "\n")
        printOut(
            "This report again: safeguard report schools --collection \(demo.collection) --as-of \(demo.asOf.iso)"
                + database + "\n\n")
        printOut(TextRenderer.render(demo.licensing) + "\n")
        printOut("This report again: safeguard report licensing --as-of \(demo.asOf.iso)" + database + "\n\n")
        try FileManager.default.createDirectory(atPath: "reports", withIntermediateDirectories: true)
        for (document, file) in [(demo.schools, "reports/schools.html"), (demo.licensing, "reports/licensing.html")] {
            guard FileBytes.write(Array(HTMLRenderer.render(document).utf8), to: file) else {
                printError("\(file): error: the file cannot be written.")
                throw ExitCode(1)
            }
        }
        printOut(
            "The reports, with their charts, are in reports/schools.html and reports/licensing.html: open them in a browser.\n"
                + "Try next: safeguard report schools --as-of \(options.asOf.iso) --format markdown, safeguard history "
                + "\(demo.exampleURN ?? "URN"), safeguard audit.\n")
    }
}
