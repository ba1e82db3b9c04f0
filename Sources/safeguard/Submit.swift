import ArgumentParser
import FormEngine
import ReturnStore

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
    @Option(help: "Where the files came from: file, portal, api or batch.")
    var source: String = "file"
    @Option(name: .customLong("as-of"), help: "The evaluation date, YYYY-MM-DD (default today).")
    var asOf: String?
    @Option(
        name: .customLong("received-at"),
        help: "When the files were really received, YYYY-MM-DD, if not now: returns that came by email, entered later.")
    var receivedAt: String?
    @Flag(help: "Print only one line a file, not its findings.")
    var quiet = false

    @Argument(help: "The files to store; a folder stands for every YAML and JSON file in it.")
    var files: [String]

    func validate() throws {
        if files.isEmpty { throw ValidationError("Name one or more files to store.") }
        if let asOf { _ = try day(asOf, option: "--as-of") }
        if let receivedAt { _ = try day(receivedAt, option: "--received-at") }
    }

    func run() async throws {
        let catalog = try common.loadCatalog()
        let store = try common.openStore()
        var chosen: CollectionRecord?
        if let collection {
            guard let found = try store.collection(named: collection) else {
                throw ValidationError(
                    "There is no collection '\(collection)'. Open it with 'safeguard collection open'.")
            }
            chosen = found
        }
        let validator = Validator(catalog: catalog)
        let day = asOf.flatMap { Day(iso: $0) } ?? today()
        var failed = false
        let paths = try SubmissionFiles.expand(files)
        var progress = ProgressBar(total: paths.count)
        var newest: [String: CollectionRecord] = [:]
        for collection in try store.collections() { newest[collection.formID] = collection }
        let collections = newest
        let named = chosen
        let collectionFor: @Sendable (String?) -> CollectionRecord? = { formID in
            named ?? formID.flatMap { collections[$0] }
        }
        try await validator.evaluate(
            paths: paths, asOf: day, formID: chosen?.formID,
            parametersFor: { form in collectionFor(form.id)?.ruleParameters ?? [:] },
            transform: PreparedSubmission.init
        ) { chunk in
            try storeChunk(
                chunk, store: store, catalog: catalog, collectionFor: collectionFor, failed: &failed,
                progress: &progress)
        }
        progress.finish()
        if failed { throw ExitCode(1) }
    }

    /// Stores one chunk of evaluated files, a transaction a collection, then reports each file. A return without
    /// a named collection goes to the newest collection for its form, and was checked with that collection's period.
    private func storeChunk(
        _ chunk: [PreparedSubmission], store: ReturnStore, catalog: FormCatalog,
        collectionFor: (String?) -> CollectionRecord?, failed: inout Bool, progress: inout ProgressBar
    ) throws {
        var groups: [(collection: CollectionRecord?, items: [(index: Int, evaluation: PreparedSubmission)])] = []
        for (index, prepared) in chunk.enumerated() {
            let collection = collectionFor(prepared.evaluation.form?.id)
            if let group = groups.firstIndex(where: { $0.collection?.id == collection?.id }) {
                groups[group].items.append((index, prepared))
            } else {
                groups.append((collection, [(index, prepared)]))
            }
        }
        var outcomes = [(Evaluation, StoreOutcome)?](repeating: nil, count: chunk.count)
        for group in groups {
            let context = SubmissionContext(
                collection: group.collection, source: source, submitter: by.actor,
                allowsUnregistered: allowUnregistered,
                receivedAt: receivedAt.map { $0 + "T12:00:00Z" })
            let stored = try store.store(
                group.items.map(\.evaluation), context: context, catalog: catalog,
                parameters: group.collection?.ruleParameters ?? [:])
            for (item, outcome) in zip(group.items, stored) {
                outcomes[item.index] = (item.evaluation.evaluation, outcome)
            }
        }
        progress.clear()
        for case let (evaluation, outcome)? in outcomes {
            switch outcome {
            case .stored(let id, let supersedes):
                let stored = "stored as submission \(id)" + (supersedes.map { ", replacing submission \($0)" } ?? "")
                printOut(evaluation.text(showingFindings: !quiet, stored: stored))
                failed = failed || evaluation.decision == .rejected
            case .refused(let reason):
                printOut(evaluation.text(showingFindings: !quiet))
                printOut("\(evaluation.file): \(reason)\n")
                failed = true
            }
        }
        progress.advance(by: chunk.count)
    }
}
