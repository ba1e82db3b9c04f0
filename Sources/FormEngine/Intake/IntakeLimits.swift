/// The limits `Intake` enforces on a document before anything else reads it.
///
/// Submissions are untrusted: these keep a hostile file from exhausting memory or time.
public struct IntakeLimits: Sendable {
    /// The largest document accepted, in bytes.
    public var maxBytes: Int
    /// The deepest nesting of mappings and sequences accepted; the root mapping is level 1.
    public var maxDepth: Int
    /// The most nodes (scalars, keys included, mappings and sequences) accepted.
    public var maxNodes: Int
    /// The longest scalar accepted, in characters.
    public var maxStringLength: Int

    /// Creates limits.
    public init(maxBytes: Int, maxDepth: Int, maxNodes: Int, maxStringLength: Int) {
        self.maxBytes = maxBytes
        self.maxDepth = maxDepth
        self.maxNodes = maxNodes
        self.maxStringLength = maxStringLength
    }

    /// The limits on a submission, as DESIGN.md fixes them: 1 MiB, depth 32, 10,000 nodes, 10,000 characters.
    public static let submission = IntakeLimits(
        maxBytes: 1 << 20, maxDepth: 32, maxNodes: 10_000, maxStringLength: 10_000)

    /// The limits on the project's own definition files (forms, rule sets), which are larger but trusted more.
    public static let definition = IntakeLimits(
        maxBytes: 4 << 20, maxDepth: 64, maxNodes: 200_000, maxStringLength: 100_000)
}
