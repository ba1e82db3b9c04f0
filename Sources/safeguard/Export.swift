import ArgumentParser
import FormEngine
import ReturnStore

/// `safeguard export`: stored submissions, flat, across form versions.
struct Export: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Export stored submissions as CSV (a file per repeat) or JSON Lines.",
        discussion: """
            CSV needs --form and writes <form>.csv and <form>.<section>.<repeat>.csv into --out (default export/). \
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

    func run() async throws {
        let catalog = try common.loadCatalog()
        if let form, catalog.forms[form] == nil {
            throw ValidationError(
                "There is no form '\(form)'. The forms are: \(catalog.forms.keys.sorted().joined(separator: ", ")).")
        }
        let store = try common.openStore()
        switch format {
        case .csv:
            guard let form, let definition = catalog.forms[form] else {
                throw ValidationError("A CSV export is of one form: give --form.")
            }
            let files = try store.exportCSV(
                form: definition, allVersions: allVersions, actor: by.actor, directory: out ?? "export")
            for file in files { printOut("wrote \(file)\n") }
        case .json:
            var text = ""
            try store.exportJSONLines(formID: form, allVersions: allVersions, actor: by.actor) { line in
                if out == nil { printOut(line) } else { text += line }
            }
            if let out {
                guard FileBytes.write(Array(text.utf8), to: out) else {
                    printError("\(out): error: the file cannot be written.")
                    throw ExitCode(1)
                }
                printOut("wrote \(out)\n")
            }
        }
    }
}
