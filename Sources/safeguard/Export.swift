import ArgumentParser
import FormEngine
import Foundation
import Records
import UseCases

/// `safeguard export`: stored submissions, flat, across form versions.
struct Export: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Export stored submissions as CSV (a file per repeat) or JSON Lines.",
        discussion: """
            CSV needs --form and writes <form>.csv and <form>.<section>.<repeat>.csv into --out (default export/), \
            each cell a spreadsheet would run as a formula made inert with a leading ' (--raw: as received). \
            JSON Lines goes to standard output unless --out names a file. Columns span every version of the form \
            stored, with a form_version column. Only the latest version of each submission, unless --all-versions.
            """
    )

    /// The export formats.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case csv
        case json
    }

    @OptionGroup var common: CommonOptions
    @OptionGroup var by: ActorOptions

    @Option(help: "The form to export (needed for CSV).")
    var form: String?
    @Option(help: "csv or json (JSON Lines).")
    var format: Format = .json
    @Option(help: "The folder for CSV files, or the file for JSON Lines.")
    var out: String?
    @Flag(name: .customLong("all-versions"), help: "Export every stored version, not only the latest.")
    var allVersions = false
    @Flag(
        help:
            "CSV: every cell exactly as received. By default a cell a spreadsheet would run as a formula gets a leading '."
    )
    var raw = false

    func validate() throws {
        if format == .csv && form == nil { throw ValidationError("A CSV export is of one form: give --form.") }
        if raw && format != .csv { throw ValidationError("--raw is for CSV; JSON Lines are written as received.") }
    }

    func run() async throws {
        let safeguarding = try await common.safeguarding()
        switch format {
        case .csv:
            let files = try await carryOut {
                try await safeguarding.exportCSV(formID: form ?? "", allVersions: allVersions, raw: raw, by: by.sender)
            }
            let folder = out ?? "export"
            try outputFolder(folder, option: "--out")
            for file in files {
                try save(file.text, to: folder + "/" + file.name)
            }
        case .json:
            var text = ""
            try await carryOut {
                try await safeguarding.exportJSONLines(formID: form, allVersions: allVersions, by: by.sender) { line in
                    if out == nil { printOut(line) } else { text += line }
                }
            }
            if let out { try save(text, to: out) }
        }
    }
}
