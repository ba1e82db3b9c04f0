/// A regular expression from a definition, compiled once, that an answer must match as a whole.
///
/// A class: `Regex` is a type of another module whose size is known only when the program runs, and a value that
/// holds one gives everything that holds it (a field's definition, a compiled expression) a size known only then:
/// every function that handled one looked its layout up at each call (a fifth of evaluating an expression's node).
/// A reference has one size.
public final class TextPattern: Sendable {
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

    /// True when the whole of `text` matches. Not inlined, for the same reason: the match's size is known only when
    /// the program runs.
    @inline(never)
    public func matches(_ text: String) -> Bool {
        (try? regex.wholeMatch(in: text)) != nil
    }
}
