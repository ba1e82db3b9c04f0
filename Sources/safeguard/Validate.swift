import ArgumentParser
import FormEngine
import UseCases

/// `safeguard validate`: checks submission files against their forms and stores nothing.
struct Validate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check submission files (YAML or JSON) and print every finding. Stores nothing.",
        discussion:
            "Exit status: 0 every submission accepted or referred, 1 one or more rejected, 2 a form or rule definition is broken, 64 usage."
    )

    @OptionGroup var common: CommonOptions

    @Option(help: "The form the files answer, for files that do not say so themselves.")
    var form: String?

    @Option(name: .customLong("as-of"), help: "The evaluation date, YYYY-MM-DD (default today).")
    var asOf: String?

    @Option(help: "Output: text or json.")
    var format: OutputFormat = .text

    @Argument(help: "The files to check; a folder stands for every YAML and JSON file in it.")
    var files: [String]

    func validate() throws {
        if files.isEmpty { throw ValidationError("Name one or more files to check.") }
        if let asOf { _ = try day(asOf, option: "--as-of") }
    }

    func run() async throws {
        let checking = try common.checking()
        let day = asOf.flatMap { Day(iso: $0) } ?? today()
        var rejected = false
        let json = format == .json
        var first = true
        // Each file's output is written on the core that checked it; a chunk is printed with one write.
        // JSON is streamed: the same bytes as `Evaluation.json(_:asOf:)` of them all, without holding them all.
        // Text shows no finding's values: the rules' findings are checked without them.
        let paths = try SubmissionFiles.expand(files)
        try await carryOut {
            try await checking.validate(
                files: paths, asOf: day, formID: form, explaining: json,
                transform: { evaluation in
                    (evaluation.decision == .rejected, json ? Array(evaluation.json.text.utf8) : evaluation.textBytes())
                }
            ) { chunk in
                if json && first { printOut("{\"as_of\":\(JSONValue.string(day.iso).text),\"submissions\":[") }
                rejected = rejected || chunk.contains { $0.0 }
                var bytes: [UInt8] = []
                bytes.reserveCapacity(chunk.reduce(chunk.count) { $0 + $1.1.count })
                for (index, output) in chunk.enumerated() {
                    if json && (index > 0 || !first) { bytes.append(UInt8(ascii: ",")) }
                    bytes += output.1
                }
                bytes.withUnsafeBufferPointer { printOut(bytes: $0) }
                first = false
            }
        }
        if json { printOut((first ? "{\"as_of\":\(JSONValue.string(day.iso).text),\"submissions\":[" : "") + "]}\n") }
        if rejected { throw ExitCode(1) }
    }
}

/// How a command prints its results.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text
    case json
}
