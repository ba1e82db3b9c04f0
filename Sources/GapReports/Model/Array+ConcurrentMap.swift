import Foundation

extension Array {
    /// Every element of these parts transformed, in order, the work split into runs of about an equal share a core,
    /// done at once. The runs come back in order and are not joined into one array: joined, a national report's
    /// 360,000 drivers were a copy and tens of megabytes of memory the system had to hand over afresh.
    func concurrentMap<Part: Sendable, Output: Sendable>(
        _ transform: @escaping @Sendable (Part) -> Output
    ) async -> [[Output]] where Element == [Part] {
        let cores = Swift.max(1, Swift.min(ProcessInfo.processInfo.activeProcessorCount, 8))
        let share = Swift.max(1, (reduce(0) { $0 + $1.count } + cores - 1) / cores)
        var runs: [ArraySlice<Part>] = []
        for part in self {
            var start = 0
            while start < part.count {
                runs.append(part[start..<Swift.min(start + share, part.count)])
                start += share
            }
        }
        guard runs.count > 1 else { return runs.map { $0.map(transform) } }
        return await withTaskGroup(of: (Int, [Output]).self) { group in
            for (index, run) in runs.enumerated() { group.addTask { (index, run.map(transform)) } }
            var done = [[Output]](repeating: [], count: runs.count)
            for await (index, output) in group { done[index] = output }
            return done
        }
    }
}
