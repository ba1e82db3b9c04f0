import FormEngine

/// A checked submission made ready to store: its answers and each finding written as JSON. Writing them is most
/// of the cost of storing, so a caller that checks many files prepares each one on the core that checked it.
public struct PreparedSubmission: Sendable {
    /// The evaluation.
    public let evaluation: Evaluation
    /// The answers as bound, as JSON, when the submission could be read.
    public let bound: String?
    /// The answers as stored (`bound`) read back, made from the values (`FormDefinition.node(of:)`, the same tree
    /// as `StoredJSON.read` of `bound`): what the report facts, the shared register's search and a receipt read.
    public let storedAnswers: Node?
    /// Each finding as JSON, in order.
    public let findingDetails: [String]
    /// What the reports need from its answers, when it could be read.
    public let facts: ReportFacts?
    /// When it was received (ISO 8601), when that is its own and not the whole batch's (`SubmissionContext`).
    public var receivedAt: String?

    /// Prepares an evaluation; with `keepingFacts` false (a check that stores nothing), without its report facts.
    public init(_ evaluation: Evaluation, keepingFacts: Bool = true) {
        self.evaluation = evaluation
        bound = evaluation.form.flatMap { form in evaluation.answers.map { form.json(of: $0) } }
        findingDetails = evaluation.findings.map(\.json.text)
        // The tree the JSON stored reads back as, so that facts kept now and facts filled later from stored answers
        // agree.
        storedAnswers = evaluation.form.flatMap { form in evaluation.answers.map { form.node(of: $0) } }
        let form = evaluation.form
        facts =
            keepingFacts ? storedAnswers.flatMap { root in form.map { ReportFacts(answers: root, form: $0) } } : nil
    }
}
