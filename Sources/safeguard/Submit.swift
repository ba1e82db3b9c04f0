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
    @OptionGroup var mail: MailOptions

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
    @Option(help: "text, or json: one object with every file's findings and what became of it, and the summary.")
    var format: OutputFormat = .text

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
        let safeguarding = try await common.safeguarding(mailer: mail.mailer, bulk: true)
        let options = SubmitOptions(
            collection: collection, allowsUnregistered: allowUnregistered, source: source,
            asOf: try asOf.map { try day($0, option: "--as-of") },
            receivedOn: try receivedAt.map { try day($0, option: "--received-at") })
        let batches = try await carryOut { try SubmissionFiles.batches(files) }
        var progress = ProgressBar(total: batches.reduce(0) { $0 + $1.count })
        var tally = SubmitTally()
        var json: [JSONValue] = []
        let handle: ([SubmitResult]) -> Void = { results in
            progress.clear()
            for result in results {
                let evaluation = result.evaluation
                tally.count(result)
                if format == .json {
                    json.append(Self.json(result))
                    continue
                }
                switch result.outcome {
                case .stored(let id, let supersedes):
                    let stored =
                        "stored as submission \(id)" + (supersedes.map { ", replacing submission \($0)" } ?? "")
                    printOut(evaluation.text(showingFindings: !quiet, stored: stored))
                    if let receipt = result.receipt { printOut("\(evaluation.file): \(receipt)\n") }
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
                case .received(let received):
                    try await safeguarding.submit(received, options: options, by: by.sender, eachChunk: handle)
                }
            }
        }
        progress.finish()
        if format == .json {
            printOut(JSONValue.object([("submissions", .array(json)), ("summary", tally.json)]).text + "\n")
        } else {
            printOut(tally.summary)
        }
        if tally.failed { throw ExitCode(1) }
    }

    /// One file's result as JSON: its evaluation as `validate` prints it, the collection, and `stored` (the
    /// submission's number and the one it replaces) or `refused` (why).
    static func json(_ result: SubmitResult) -> JSONValue {
        guard case .object(var members) = result.evaluation.json else { return result.evaluation.json }
        members.append(("collection", result.collection.map(JSONValue.string) ?? .null))
        switch result.outcome {
        case .stored(let id, let supersedes):
            members.append(
                (
                    "stored",
                    .object([
                        ("submission", .number(Double(id))),
                        ("replaces", supersedes.map { .number(Double($0)) } ?? .null),
                    ])
                ))
        case .refused(let refusal):
            members.append(("refused", .string(refusal.commandLineText)))
        }
        if let receipt = result.receipt { members.append(("receipt", .string(receipt))) }
        return .object(members)
    }
}
