import ArgumentParser
import FormEngine
import Foundation
import GapReports
import ReturnStore
import SampleCounty

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

    func run() async throws {
        let catalog = try common.loadCatalog()
        let path = common.databasePath
        try replaceEarlierDemo(at: path)
        let options = SampleCounty.Options(schools: schools, drivers: drivers, seed: seed)
        try SampleCounty.generate(options, into: out)
        let store = try common.openStore()
        try store.audit(
            actor: "demo", action: "demo", target: "sample county",
            detail: "seed \(seed), \(schools) schools, \(drivers) drivers")
        let loaded = try SampleCounty.load(from: out, into: store, catalog: catalog, actor: "demo")
        printOut(
            "Made a county of \(Wording.count(schools, "school")) and \(Wording.count(drivers, "driver")) in \(out)/ and stored it in \(path): "
                + "\(loaded.register.added) schools in the register, \(loaded.returns) returns over two years, "
                + "\(loaded.applications) applications, \(loaded.decisions) licensing decisions, \(loaded.checks) DBS checks.\n\n"
        )
        let schoolsAnalysis = try SchoolsAnalysis.make(
            store: store, catalog: catalog, collection: nil, asOf: options.asOf)
        let schoolsReport = SchoolsReport.document(
            schoolsAnalysis, lists: catalog.forms[schoolsAnalysis.collection.formID]?.lists ?? [:])
        let licensingReport = LicensingReport.document(
            try LicensingAnalysis.make(store: store, catalog: catalog, asOf: options.asOf))
        printOut(TextRenderer.render(schoolsReport, omitting: ["schools"]) + "\n")
        printOut(TextRenderer.render(licensingReport) + "\n")
        try FileManager.default.createDirectory(atPath: "reports", withIntermediateDirectories: true)
        for (document, file) in [(schoolsReport, "reports/schools.html"), (licensingReport, "reports/licensing.html")] {
            guard FileBytes.write(Array(HTMLRenderer.render(document).utf8), to: file) else {
                printError("\(file): error: the file cannot be written.")
                throw ExitCode(1)
            }
        }
        printOut(
            "The reports, with their charts, are in reports/schools.html and reports/licensing.html: open them in a browser.\n"
                + "Try next: safeguard report schools --as-of \(options.asOf.iso) --format markdown, safeguard history "
                + "\(schoolsAnalysis.schools.first?.urn ?? "URN"), safeguard audit.\n")
    }

    /// Removes a database an earlier demo made (its audit log starts with the demo's own line); refuses any other.
    private func replaceEarlierDemo(at path: String) throws {
        guard FileManager.default.fileExists(atPath: path) else { return }
        let log = try ReturnStore.open(path: path).auditLog()
        guard log.isEmpty || log.first?.action == "demo" else {
            printError(
                "error: \(path) holds work that is not the demo's. Run the demo with --database demo.sqlite, "
                    + "or move \(path) away first.")
            throw ExitCode(1)
        }
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }
}
