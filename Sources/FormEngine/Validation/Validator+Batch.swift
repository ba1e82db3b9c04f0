#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension Validator {
    /// Validates files concurrently on every core, handing each result to `each` in the order of `paths`.
    public func evaluate(
        paths: [String], asOf: Day, formID: String? = nil,
        parametersFor: @escaping @Sendable (FormDefinition) -> [String: Value] = { _ in [:] },
        each: (Evaluation) async throws -> Void
    ) async rethrows {
        try await evaluate(paths: paths, asOf: asOf, formID: formID, parametersFor: parametersFor) { chunk in
            for evaluation in chunk { try await each(evaluation) }
        }
    }

    /// Validates files concurrently on every core, a chunk at a time, handing each chunk's results to
    /// `eachChunk` in the order of `paths`. Memory stays bounded however many files there are, and a caller
    /// can store a chunk in one transaction.
    public func evaluate(
        paths: [String], asOf: Day, formID: String? = nil,
        parametersFor: @escaping @Sendable (FormDefinition) -> [String: Value] = { _ in [:] },
        chunkSize: Int = Validator.defaultChunkSize, eachChunk: ([Evaluation]) async throws -> Void
    ) async rethrows {
        try await evaluate(
            paths: paths, asOf: asOf, formID: formID, parametersFor: parametersFor, chunkSize: chunkSize,
            transform: { $0 }, eachChunk: eachChunk)
    }

    /// Validates files concurrently on every core and turns each result into what the caller needs (its text,
    /// its JSON, a prepared submission) on the same core, then hands a chunk at a time to `eachChunk` in the order
    /// of `paths`. The next chunk is checked while `eachChunk` handles this one (prints it, stores it).
    public func evaluate<Output: Sendable>(
        paths: [String], asOf: Day, formID: String? = nil,
        parametersFor: @escaping @Sendable (FormDefinition) -> [String: Value] = { _ in [:] },
        chunkSize: Int = Validator.defaultChunkSize, transform: @escaping @Sendable (Evaluation) -> Output,
        eachChunk: ([Output]) async throws -> Void
    ) async rethrows {
        try await evaluate(
            paths: paths, asOfEach: Array(repeating: asOf, count: paths.count), formID: formID,
            parametersFor: parametersFor, chunkSize: chunkSize, transform: transform, eachChunk: eachChunk)
    }

    /// As `evaluate(paths:asOf:...)`, each file checked as of its own day (`asOfEach`, one a path): files received
    /// on different days, checked as of the day each came.
    public func evaluate<Output: Sendable>(
        paths: [String], asOfEach: [Day], formID: String? = nil,
        parametersFor: @escaping @Sendable (FormDefinition) -> [String: Value] = { _ in [:] },
        chunkSize: Int = Validator.defaultChunkSize, transform: @escaping @Sendable (Evaluation) -> Output,
        eachChunk: ([Output]) async throws -> Void
    ) async rethrows {
        precondition(asOfEach.count == paths.count, "one day a path")
        // A chunk is checked by one task a core, each taking an equal run of its files: a task a file would cost a
        // task's start and a thread's wake-up for each file, 5% of the checking's CPU time; a run rather than every
        // other file keeps files that are next to each other (their paths, their outputs, made one after another and
        // so side by side in memory) on one core, whose reference counts the other core then never touches.
        let workers = Self.cores
        // Each task checks with forms of its own (`FormCatalog.copy`): a set for each task that can run at once,
        // the tasks of a chunk for each of the two chunks checked at a time.
        let tasks = min(workers, chunkSize, paths.count)
        let validators = (0..<tasks * min(2, (paths.count + chunkSize - 1) / chunkSize)).map {
            $0 == 0 ? self : Validator(catalog: catalog.copy(), explainingRules: explainingRules)
        }
        @Sendable func check(_ files: Range<Int>, number: Int) async -> [Output] {
            let runs = min(workers, files.count)
            return await withTaskGroup(of: (run: Int, outputs: [Output]).self) { group in
                for run in 0..<runs {
                    let validator = validators[number % 2 * tasks + run]
                    let lower = files.lowerBound + files.count * run / runs
                    let upper = files.lowerBound + files.count * (run + 1) / runs
                    group.addTask(priority: .low) {
                        let reader = FolderReader()
                        let room = DocumentRoom()
                        let outputs = (lower..<upper).map { index in
                            transform(
                                validator.evaluate(
                                    path: paths[index], asOf: asOfEach[index], formID: formID,
                                    parametersFor: parametersFor, reader: reader, room: room))
                        }
                        return (run, outputs)
                    }
                }
                var ordered = [[Output]](repeating: [], count: runs)
                for await result in group { ordered[result.run] = result.outputs }
                return Array(ordered.joined())
            }
        }
        func chunk(from start: Int) -> Range<Int>? {
            start < paths.count ? start..<min(start + chunkSize, paths.count) : nil
        }
        // Two chunks are checked ahead of the one handed over, so that the cores go on with the next while the
        // last files of one are finished and handed over: no core waits at a chunk's end. The checking runs at low
        // priority: whoever takes the chunks (a store waiting on its database) resumes ahead of the thousands of
        // files queued to be checked, not behind them.
        var start = 0
        var checking: [Task<[Output], Never>] = []
        func checkNext() {
            guard let files = chunk(from: start) else { return }
            let number = start / chunkSize
            checking.append(Task(priority: .low) { await check(files, number: number) })
            start += chunkSize
        }
        checkNext()
        checkNext()
        while !checking.isEmpty {
            let results = await checking.removeFirst().value
            checkNext()
            do {
                try await eachChunk(results)
            } catch {
                checking.forEach { $0.cancel() }
                throw error
            }
        }
    }

    /// How many files a chunk holds by default: enough to keep every core busy, and few chunks, each of which
    /// starts a task a core and wakes the thread that takes it (the small sample's 10,000 applications: 1,024 files a
    /// chunk on two cores took 1% less CPU time than 128, five rounds in turn).
    public static var defaultChunkSize: Int { cores * 512 }

    /// The cores online.
    static var cores: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }
}
