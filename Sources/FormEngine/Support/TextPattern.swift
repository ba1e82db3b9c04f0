/// A regular expression from a definition, compiled once, that an answer must match as a whole.
public struct TextPattern: Sendable {
    /// The pattern as written.
    public let source: String
    // `Regex<AnyRegexOutput>` is not `Sendable` only because its output type is not. Matching never
    // mutates the regex: each match runs on its own processor, and the compiled program is created
    // once under an atomic. Sharing it between tasks is therefore safe.
    private nonisolated(unsafe) let regex: Regex<AnyRegexOutput>

    /// Compiles a pattern; throws the regex engine's description of what is wrong.
    public init(_ source: String) throws {
        self.source = source
        self.regex = try Regex(source)
    }

    /// True when the whole of `text` matches.
    public func matches(_ text: String) -> Bool {
        (try? regex.wholeMatch(in: text)) != nil
    }
}
