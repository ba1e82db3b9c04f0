import ArgumentParser
import FormEngine
import Foundation
import GapReports
import Records
import UseCases

/// `safeguard report schools|licensing`: the gap reports.
struct Report: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract:
            "The gap reports: schools (for a collection), licensing (as of a date), chase (the schools to chase).",
        discussion: """
            table prints to the terminal. csv writes one file a table into --out (default reports/), or prints the one \
            named by --table. json and markdown print the whole report, or write it to --out. html writes one \
            self-contained page, reports/<report>.html unless --out says otherwise.
            """
    )

    /// The report formats.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, csv, json, markdown, html
    }

    @OptionGroup var common: CommonOptions
    @OptionGroup var by: ActorOptions

    @Argument(help: "schools, licensing or chase.")
    var kind: ReportKind
    @Option(help: "The collection (schools report; default the newest).")
    var collection: String?
    @Option(name: .customLong("as-of"), help: "The date the measures are taken on, YYYY-MM-DD (default today).")
    var asOf: String?
    @Option(help: "Only this district, by its name or value in any case (Corby, corby).")
    var district: String?
    @Option(help: "table, csv, json, markdown or html.")
    var format: Format = .table
    @Option(help: "Where to write: a folder for csv, a file for the others.")
    var out: String?
    @Option(help: "With csv: print only this table (by-district, gaps, ...).")
    var table: String?

    func validate() throws {
        if table != nil && format != .csv {
            throw ValidationError(
                "--table picks one table of a CSV report: give --format csv with it, or leave it out.")
        }
    }

    func run() async throws {
        keepFreedMemoryForReuse()
        let safeguarding = try await common.safeguarding()
        let options = ReportOptions(
            collection: collection, asOf: try asOf.map { try day($0, option: "--as-of") }, district: district,
            format: format.rawValue)
        try await fillReportFactsSayingSo(safeguarding)
        let document = try await carryOut { try await safeguarding.report(kind, options: options, by: by.sender) }
        try await carryOut { try write(document) }
    }

    private func write(_ document: ReportDocument) throws {
        switch format {
        case .table:
            printOut(TextRenderer.render(document))
        case .csv:
            if let table {
                printOut(CSVRenderer.render(try document.table(table)))
                return
            }
            let folder = out ?? "reports"
            try outputFolder(folder, option: "--out")
            for file in CSVRenderer.files(document) {
                try save(file.text, to: folder + "/" + file.name)
            }
        case .json:
            // Printed as it is made: a national licensing report is 23 MB.
            guard let out else { return JSONRenderer.write(document, lineEnd: true, to: printOut(bytes:)) }
            try save(bytes: JSONRenderer.bytes(document, lineEnd: true), to: out)
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
        guard let out else { return printOut(text) }
        try save(text, to: out)
    }
}
