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

    /// The number of ids.
    var count: Int { ends.count }

    /// Calls `body` with the bytes of the id at `index`.
    func withKey<Result>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        let start = index == 0 ? 0 : ends[index - 1]
        return bytes.withUnsafeBufferPointer { all in
            body(UnsafeBufferPointer(rebasing: all[start..<ends[index]]))
        }
    }
}
