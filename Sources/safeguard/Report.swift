import ArgumentParser
import FormEngine
import Foundation
import GapReports
import ReturnStore

/// `safeguard report schools|licensing`: the gap reports.
struct Report: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The gap reports: schools (for a collection) and licensing (as of a date).",
        discussion: """
            table prints to the terminal. csv writes one file a table into --out (default reports/), or prints the one \
            named by --table. json and markdown print the whole report, or write it to --out. html writes one \
            self-contained page, reports/<report>.html unless --out says otherwise.
            """
    )

    /// Which report.
    enum Kind: String, ExpressibleByArgument, CaseIterable {
        case schools
        case licensing
    }

    /// The report formats.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, csv, json, markdown, html
    }

    @OptionGroup var common: CommonOptions
    @OptionGroup var by: ActorOptions

    @Argument(help: "schools or licensing.")
    var kind: Kind
    @Option(help: "The collection (schools report; default the newest).")
    var collection: String?
    @Option(name: .customLong("as-of"), help: "The date the measures are taken on, YYYY-MM-DD (default today).")
    var asOf: String?
    @Option(help: "A district, by its form value such as corby (licensing report).")
    var district: String?
    @Option(help: "table, csv, json, markdown or html.")
    var format: Format = .table
    @Option(help: "Where to write: a folder for csv, a file for the others.")
    var out: String?
    @Option(help: "With csv: print only this table (by-district, gaps, ...).")
    var table: String?

    func run() async throws {
        let catalog = try common.loadCatalog()
        let store = try common.openStore()
        let date = try asOf.map { try day($0, option: "--as-of") } ?? today()
        let document: ReportDocument
        do {
            switch kind {
            case .schools:
                let analysis = try SchoolsAnalysis.make(
                    store: store, catalog: catalog, collection: collection, asOf: date)
                let lists = catalog.forms[analysis.collection.formID]?.lists ?? [:]
                document = SchoolsReport.document(analysis, lists: lists)
            case .licensing:
                document = LicensingReport.document(
                    try LicensingAnalysis.make(store: store, catalog: catalog, asOf: date, district: district))
            }
        } catch let error as StoreError {
            throw refusal(error)
        }
        try store.audit(
            actor: by.actor, action: "view", target: "report \(kind.rawValue)",
            detail: "\(format.rawValue), as of \(date.iso)")
        try write(document)
    }

    private func write(_ document: ReportDocument) throws {
        switch format {
        case .table:
            printOut(TextRenderer.render(document))
        case .csv:
            if let table {
                guard let found = document.tables.first(where: { $0.id == table }) else {
                    throw ValidationError(
                        "There is no table '\(table)'. The tables are: \(document.tables.map(\.id).joined(separator: ", "))."
                    )
                }
                printOut(CSVRenderer.render(found))
                return
            }
            let folder = out ?? "reports"
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            for file in CSVRenderer.files(document) {
                try save(file.text, to: folder + "/" + file.name)
            }
        case .json:
            try emit(JSONRenderer.render(document).text + "\n")
        case .markdown:
            try emit(MarkdownRenderer.render(document))
        case .html:
            let path = out ?? "reports/\(document.id).html"
            try FileManager.default.createDirectory(
                atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path, withIntermediateDirectories: true)
            try save(HTMLRenderer.render(document), to: path)
        }
    }

    private func emit(_ text: String) throws {
        if let out { try save(text, to: out) } else { printOut(text) }
    }

    private func save(_ text: String, to path: String) throws {
        guard FileBytes.write(Array(text.utf8), to: path) else {
            printError("\(path): error: the file cannot be written.")
            throw ExitCode(1)
        }
        printOut("wrote \(path)\n")
    }
}
