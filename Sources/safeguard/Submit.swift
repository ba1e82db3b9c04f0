import ArgumentParser
import FormEngine
import Records
import UseCases

/// `safeguard submit`: validates and stores submissions, printing each one's number.
struct Submit: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check submission files and store them, with their findings; prints each submission's number.",
        discussion: """
            Every submission that can be read is stored, rejected ones too. Files are checked on every core and stored a \
            chunk at a time, each chunk in one transaction; a file is reported as stored only once it is. Exit status: 0 \
            every file stored and accepted or referred, 1 one or more rejected or not stored, 2 a definition is broken.
            """
    )

    @OptionGroup var common: CommonOptions
    @OptionGroup var by: ActorOptions

    @Option(help: "The collection the returns belong to (default: the newest collection for their form).")
    var collection: String?
    @Flag(
        name: .customLong("allow-unregistered"),
        help: "Store a school's return even when its URN is not an open school in the register.")
    var allowUnregistered = false
    @Option(help: "Where the files came from: file, email or batch.")
    var source: SubmissionSource = .file
    @Option(name: .customLong("as-of"), help: "The evaluation date, YYYY-MM-DD (default today).")
    var asOf: String?
    @Option(
        name: .customLong("received-at"),
        help: "When the files were really received, YYYY-MM-DD, if not now: returns that came by email, entered later.")
    var receivedAt: String?
    @Flag(help: "Print only one line a file, not its findings.")
    var quiet = false

    @Argument(
        help: """
            The files to store; a folder stands for every YAML and JSON file in it, or, when it holds a \
            received.csv (file,received_on), for its files in the order received, each on its own day.
            """)
    var files: [String]

    func validate() throws {
        if files.isEmpty { throw ValidationError("Name one or more files to store.") }
        if let asOf { _ = try day(asOf, option: "--as-of") }
        if let receivedAt { _ = try day(receivedAt, option: "--received-at") }
        guard [.file, .email, .batch].contains(source) else {
            throw ValidationError("--source must be file, email or batch: the portal and the API record their own.")
        }
    }

    func run() async throws {
        let safeguarding = try common.safeguarding()
        let options = SubmitOptions(
            collection: collection, allowsUnregistered: allowUnregistered, source: source,
            asOf: try asOf.map { try day($0, option: "--as-of") },
            receivedOn: try receivedAt.map { try day($0, option: "--received-at") })
        let batches = try SubmissionFiles.batches(files)
        let total = try batches.reduce(0) { total, batch in
            switch batch {
            case .files(let paths): return total + paths.count
            case .received(let folder): return total + (try SubmissionFiles.expand([folder])).count
            }
        }
        var progress = ProgressBar(total: total)
        var tally = SubmitTally()
        let handle: ([SubmitResult]) -> Void = { results in
            progress.clear()
            for result in results {
                let evaluation = result.evaluation
                tally.count(result)
                switch result.outcome {
                case .stored(let id, let supersedes):
                    let stored =
                        "stored as submission \(id)" + (supersedes.map { ", replacing submission \($0)" } ?? "")
                    printOut(evaluation.text(showingFindings: !quiet, stored: stored))
                case .refused(let refusal):
                    printOut(evaluation.text(showingFindings: !quiet))
                    printOut("\(evaluation.file): \(refusal.commandLineText)\n")
                }
            }
            progress.advance(by: results.count)
        }
        try await carryOut {
            for batch in batches {
                switch batch {
                case .files(let paths):
                    try await safeguarding.submit(files: paths, options: options, by: by.sender, eachChunk: handle)
                case .received(let folder):
                    try await safeguarding.submit(
                        receivedIn: folder, options: options, by: by.sender, eachChunk: handle)
                }
            }
        }
        progress.finish()
        printOut(tally.summary)
        if tally.failed { throw ExitCode(1) }
    }
}
