import Foundation

extension Array where Element: Sendable {
    /// The elements transformed, in order, the work split into one run of elements a core, done at once.
    func concurrentMap<Output: Sendable>(_ transform: @escaping @Sendable (Element) -> Output) async -> [Output] {
        let parts = Swift.max(1, Swift.min(ProcessInfo.processInfo.activeProcessorCount, 8))
        let size = (count + parts - 1) / parts
        guard parts > 1, size > 0 else { return map(transform) }
        return await withTaskGroup(of: (Int, [Output]).self) { group in
            for part in 0..<parts where part * size < count {
                let slice = self[part * size..<Swift.min((part + 1) * size, count)]
                group.addTask { (part, slice.map(transform)) }
            }
            var results = [[Output]](repeating: [], count: parts)
            for await (part, done) in group { results[part] = done }
            return results.flatMap { $0 }
        }
    }
}
