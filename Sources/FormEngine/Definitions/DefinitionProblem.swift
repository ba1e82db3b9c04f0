/// One thing wrong with a form or rule set file: where, and what to change.
public struct DefinitionProblem: Error, Sendable, Equatable, CustomStringConvertible {
    /// Where the problem is.
    public let mark: SourceMark
    /// What is wrong and what to do.
    public let message: String

    /// Creates a problem.
    public init(mark: SourceMark, message: String) {
        self.mark = mark
        self.message = message
    }

    /// Compiler style: `Forms/x.yaml:12:9: error: ...`.
    public var description: String { "\(mark): error: \(message)" }
}

/// Every problem found in one or more definition files: a broken definition reports them all at once.
public struct DefinitionErrors: Error, Sendable, CustomStringConvertible {
    /// The problems, in file and line order.
    public let problems: [DefinitionProblem]

    /// Creates the error from problems, sorting them by place and dropping repeats of the same problem.
    public init(_ problems: [DefinitionProblem]) {
        var unique: [DefinitionProblem] = []
        for problem in problems.sorted(by: { $0.mark < $1.mark }) where !unique.contains(problem) {
            unique.append(problem)
        }
        self.problems = unique
    }

    /// One problem a line.
    public var description: String { problems.map(\.description).joined(separator: "\n") }
}
