import Foundation

/// The start of an array's storage, shared by the cores that fill it at once, each in places no other fills.
private struct SharedStorage<Element>: @unchecked Sendable {
    /// The first element's place.
    let base: UnsafeMutablePointer<Element>
}

/// The cores the work is shared between: those the process may run on, at most 8.
private var workingCores: Int { Swift.max(1, Swift.min(ProcessInfo.processInfo.activeProcessorCount, 8)) }

extension Array where Element: Sendable {
    /// Every element transformed, on every core at once (a run of an equal share a core), in order.
    func concurrentMap<Output: Sendable>(_ transform: @Sendable (Element) -> Output) -> [Output] {
        let cores = workingCores
        let share = (count + cores - 1) / cores
        guard cores > 1, share > 0 else { return map(transform) }
        return [Output](unsafeUninitializedCapacity: count) { buffer, initialized in
            let storage = SharedStorage(base: buffer.baseAddress!)
            DispatchQueue.concurrentPerform(iterations: cores) { run in
                for index in Swift.min(count, run * share)..<Swift.min(count, (run + 1) * share) {
                    (storage.base + index).initialize(to: transform(self[index]))
                }
            }
            initialized = count
        }
    }

    /// The array's elements written to bytes on every core at once, `piece` of them at a time (a run of an equal
    /// share of them a core, each into a buffer of its own kept from piece to piece), and handed to `sink` in order.
    /// `write` appends a run's elements to the buffer it is given; the run keeps the elements' places in the array.
    func concurrentPieces(
        of piece: Int = 8_192, _ write: @Sendable (ArraySlice<Element>, inout [UInt8]) -> Void,
        into sink: (UnsafeBufferPointer<UInt8>) throws -> Void
    ) rethrows {
        let cores = workingCores
        let piece = Swift.max(1, piece)
        var buffers = [[UInt8]](repeating: [], count: cores)
        for start in stride(from: 0, to: count, by: piece) {
            let end = Swift.min(count, start + piece)
            let share = (end - start + cores - 1) / cores
            buffers.withUnsafeMutableBufferPointer { buffers in
                let storage = SharedStorage(base: buffers.baseAddress!)
                DispatchQueue.concurrentPerform(iterations: cores) { run in
                    storage.base[run].removeAll(keepingCapacity: true)
                    write(
                        self[Swift.min(end, start + run * share)..<Swift.min(end, start + (run + 1) * share)],
                        &storage.base[run])
                }
            }
            for run in buffers.indices where !buffers[run].isEmpty {
                try buffers[run].withUnsafeBufferPointer(sink)
            }
        }
    }
}

extension Array {
    /// Every element of these parts transformed, with the key of the group it belongs to, on every core at once,
    /// into one array by group: the groups in their keys' order, each group's elements in the parts' order. Each
    /// output is made once, in its place: made in runs and then gathered by group, a national report's 360,000
    /// drivers were copied a second time, into memory the system had to hand over afresh.
    func groupedConcurrentMap<Part: Sendable, Key: Hashable & Comparable & Sendable, Output: Sendable>(
        groupedBy key: @Sendable (Part) -> Key, _ transform: @Sendable (Part, Key) -> Output
    ) -> (outputs: [Output], groups: [(key: Key, range: Range<Int>)]) where Element == [Part] {
        let runs = self.runs()
        // Each run's elements numbered by group, the groups numbered in the order the run meets them.
        let found = runs.concurrentMap { run in
            var keys: [Key] = []
            var groupOfKey: [Key: Int] = [:]
            var counts: [Int] = []
            var groups: [Int] = []
            groups.reserveCapacity(run.count)
            for element in run {
                let key = key(element)
                let group = groupOfKey[key] ?? keys.count
                if group == keys.count {
                    groupOfKey[key] = group
                    keys.append(key)
                    counts.append(0)
                }
                counts[group] += 1
                groups.append(group)
            }
            return (keys: keys, counts: counts, groups: groups)
        }
        // The groups in their keys' order, each a range of the outputs; within one, each run's elements in turn.
        let keys = Set(found.flatMap(\.keys)).sorted()
        let groupOfKey = Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($1, $0) })
        let runGroups = found.map { $0.keys.map { groupOfKey[$0]! } }
        var sizes = [Int](repeating: 0, count: keys.count)
        var places = [[Int]](repeating: [], count: runs.count)
        for (run, result) in found.enumerated() {
            places[run] = runGroups[run].enumerated().map { local, group in
                defer { sizes[group] += result.counts[local] }
                return sizes[group]
            }
        }
        let starts = sizes.reduce(into: [0]) { $0.append($0.last! + $1) }
        // Each run's first place in each of its groups: the group's start, after the runs before it.
        let firstPlaces = places.enumerated().map { run, within in
            zip(runGroups[run], within).map { starts[$0] + $1 }
        }
        let total = starts.last!
        guard total > 0 else { return ([], []) }
        let outputs = [Output](unsafeUninitializedCapacity: total) { buffer, initialized in
            let storage = SharedStorage(base: buffer.baseAddress!)
            DispatchQueue.concurrentPerform(iterations: runs.count) { run in
                let local = found[run]
                var next = firstPlaces[run]
                for (element, group) in zip(runs[run], local.groups) {
                    (storage.base + next[group]).initialize(to: transform(element, local.keys[group]))
                    next[group] += 1
                }
            }
            initialized = total
        }
        return (outputs, keys.enumerated().map { ($1, starts[$0]..<starts[$0 + 1]) })
    }

    /// These parts cut into runs of about an equal share a core, in order.
    private func runs<Part>() -> [ArraySlice<Part>] where Element == [Part] {
        let cores = workingCores
        let share = Swift.max(1, (reduce(0) { $0 + $1.count } + cores - 1) / cores)
        var runs: [ArraySlice<Part>] = []
        for part in self {
            var start = 0
            while start < part.count {
                runs.append(part[start..<Swift.min(start + share, part.count)])
                start += share
            }
        }
        return runs
    }
}
