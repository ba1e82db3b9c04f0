import FormEngine

/// A folder's submission files in the order they were received (by day, then as its `received.csv` lists them),
/// each with the day it came: what `Safeguarding.receivedFiles(in:)` reads and `submit(_:options:by:eachChunk:)`
/// stores.
public struct ReceivedFiles: Sendable {
    /// The files' paths, in the order received.
    public let paths: [String]
    /// The day each was received, one a path.
    public let days: [Day]
}
