#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Ids (of sections, fields or sub-fields) as UTF-8 bytes one after another: so that a submission's keys are
/// compared with them where both are stored, and no string is made or shared for each answer.
struct KeyTable: Sendable {
    private let bytes: [UInt8]
    /// Where each id ends in `bytes`; it starts where the one before it ends.
    private let ends: [Int]

    /// The table of `ids`, in order.
    init(_ ids: [String]) {
        bytes = ids.flatMap(\.utf8)
        ends = ids.reduce(into: []) { ends, id in ends.append((ends.last ?? 0) + id.utf8.count) }
    }

    /// True when `text` holds exactly the id at `index`: the lengths first (most keys differ in length), then the
    /// bytes with `memcmp`, where both are stored.
    func key(_ index: Int, equals text: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = index == 0 ? 0 : ends[index - 1]
        let count = ends[index] - start
        guard count == text.count else { return false }
        guard count > 0 else { return true }
        return bytes.withUnsafeBufferPointer { id in memcmp(id.baseAddress! + start, text.baseAddress!, count) == 0 }
    }
}
