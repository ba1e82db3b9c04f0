#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension Validator {
    /// Validates files concurrently on every core, handing each result to `each` in the order of `paths`.
    ///
    /// Files are taken a chunk at a time, so memory stays bounded however many there are.
    public func evaluate(
        paths: [String], asOf: Day, formID: String? = nil, each: (Evaluation) throws -> Void
    ) async rethrows {
        let chunkSize = max(1, Self.coreCount) * 32
        var start = 0
        while start < paths.count {
            let chunk = Array(paths[start..<min(start + chunkSize, paths.count)])
            let results = await withTaskGroup(of: (Int, Evaluation).self) { group in
                for (index, path) in chunk.enumerated() {
                    group.addTask { (index, self.evaluate(path: path, asOf: asOf, formID: formID)) }
                }
                var ordered = [Evaluation?](repeating: nil, count: chunk.count)
                for await (index, evaluation) in group { ordered[index] = evaluation }
                return ordered.compactMap { $0 }
            }
            for evaluation in results { try each(evaluation) }
            start += chunkSize
        }
    }

    /// The number of cores online.
    static var coreCount: Int { Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))) }
}
