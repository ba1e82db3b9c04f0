/// The arrays a document's values and text are kept in, taken back when a document is done with and lent to the next
/// one read: a batch's task reads file after file, and a new pair of arrays for each was a file's two largest
/// allocations after its bytes. One room for each task: it is not shared.
public final class DocumentRoom {
    /// The values' array, empty, its room kept.
    private var nodes: [FlatNode] = []
    /// The text's array, empty, its room kept.
    private var text: [UInt8] = []

    /// A room with nothing in it yet.
    public init() {}

    /// Lends the arrays, emptied (their room kept), to a document about to be built.
    func lend() -> (nodes: [FlatNode], text: [UInt8]) {
        var lent: (nodes: [FlatNode], text: [UInt8]) = ([], [])
        swap(&lent.nodes, &nodes)
        swap(&lent.text, &text)
        lent.nodes.removeAll(keepingCapacity: true)
        lent.text.removeAll(keepingCapacity: true)
        return lent
    }

    /// Takes back the arrays of a document done with: when nothing else holds them, the next document reuses them.
    func takeBack(_ document: consuming Document) {
        nodes = document.nodes
        text = document.text
    }
}
