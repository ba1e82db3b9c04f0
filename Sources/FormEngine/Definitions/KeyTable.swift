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

    /// True when `text[range]` holds exactly the id at `index`; compared byte by byte in place (ids are short).
    func key(_ index: Int, equals text: [UInt8], _ range: Range<Int>) -> Bool {
        let start = index == 0 ? 0 : ends[index - 1]
        guard ends[index] - start == range.count else { return false }
        var offset = range.lowerBound
        for position in start..<ends[index] {
            guard bytes[position] == text[offset] else { return false }
            offset += 1
        }
        return true
    }
}
