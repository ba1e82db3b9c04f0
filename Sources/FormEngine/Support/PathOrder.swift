/// Sorts file paths as `Array.sorted()` does, faster for the batches a folder gives: most of a path is the prefix
/// every path shares, which `<` compares again for every pair (the national sample's 360,000 applications, each
/// path 60 bytes, of which the last 23 differ: a third of a second to sort).
enum PathOrder {
    /// The paths in the order of `<`. ASCII paths are ordered by their bytes after the prefix they all share,
    /// eight at a time as one number, which is the order of `<` for them; any other path has them sorted by `<`.
    static func sorted(_ paths: [String]) -> [String] {
        guard paths.count > 1 else { return paths }
        var bytes: [UInt8] = []
        var ends: [Int] = []
        ends.reserveCapacity(paths.count)
        for path in paths {
            bytes.append(contentsOf: path.utf8)
            ends.append(bytes.count)
        }
        // `<` orders strings by their Unicode scalars once normalised; for ASCII that is the order of the bytes.
        guard !bytes.contains(where: { $0 >= 0x80 }) else { return paths.sorted() }
        return bytes.withUnsafeBufferPointer { bytes in
            func path(_ index: Int) -> UnsafeBufferPointer<UInt8> {
                UnsafeBufferPointer(rebasing: bytes[(index == 0 ? 0 : ends[index - 1])..<ends[index]])
            }
            let first = path(0)
            var shared = first.count
            for index in 1..<paths.count {
                let other = path(index)
                var same = 0
                while same < min(shared, other.count) && first[same] == other[same] { same += 1 }
                shared = same
            }
            // Each path's eight bytes after the shared prefix, as one big-endian number (a shorter path padded with
            // zeros, which no path holds, so that it goes first as it does for `<`), and its place.
            var keys: [(head: UInt64, index: Int)] = paths.indices.map { index in
                let rest = path(index).dropFirst(shared)
                var head: UInt64 = 0
                for offset in 0..<8 {
                    let byte = offset < rest.count ? rest[rest.startIndex + offset] : 0
                    head = head << 8 | UInt64(byte)
                }
                return (head, index)
            }
            keys.sort { x, y in
                if x.head != y.head { return x.head < y.head }
                return path(x.index).dropFirst(shared + 8).lexicographicallyPrecedes(
                    path(y.index).dropFirst(shared + 8))
            }
            return keys.map { paths[$0.index] }
        }
    }
}
