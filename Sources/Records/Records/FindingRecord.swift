import FormEngine

/// One finding of an evaluation; `detail` holds the whole finding as the JSON output prints it.
public struct FindingRecord: Codable, Sendable, Equatable {
    /// The row id.
    public var id: Int64?
    /// The evaluation it belongs to.
    public var evaluationID: Int64
    /// The rule's id.
    public var rule: String
    /// `error`, `refer`, `warning` or `info`.
    public var severity: Severity
    /// The JSON Pointer of the answer.
    public var path: String
    /// The line in the submission, when known.
    public var line: Int?
    /// The column in the submission, when known.
    public var column: Int?
    /// The message.
    public var message: String
    /// The finding as JSON, with its values, rule location and source.
    public var detail: String

    /// Creates a record; `id` is nil until it is stored.
    public init(
        id: Int64?, evaluationID: Int64, rule: String, severity: Severity, path: String, line: Int?, column: Int?,
        message: String, detail: String
    ) {
        self.id = id
        self.evaluationID = evaluationID
        self.rule = rule
        self.severity = severity
        self.path = path
        self.line = line
        self.column = column
        self.message = message
        self.detail = detail
    }
}
