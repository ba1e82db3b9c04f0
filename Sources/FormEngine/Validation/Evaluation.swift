/// The result of validating one submission: its form, its findings and the decision they call for,
/// with the hashes that let it be explained and replayed later.
public struct Evaluation: Sendable {
    /// The file (or other source) the submission came from.
    public let file: String
    /// The bytes exactly as received.
    public let received: [UInt8]
    /// The form it was validated against, when it could be identified.
    public let form: FormDefinition?
    /// The SHA-256 of the rule set applied, when the form has one.
    public let ruleSetHash: String?
    /// The evaluation date.
    public let asOf: Day
    /// The findings, in the order of the lines they are on.
    public let findings: [Finding]
    /// The answers bound to the form, when the document could be read and its form identified.
    public let answers: Answers?
    /// Rejected if any error, else referred if any refer, else accepted.
    public let decision: Decision
    /// How many findings have each severity.
    private let severityCounts: SeverityCounts

    /// True when the document could be read as a submission of a known form: there are answers to store.
    public var wasRead: Bool { form != nil && answers != nil }

    /// Creates an evaluation, ordering the findings by place, then severity.
    public init(
        file: String, received: [UInt8], form: FormDefinition?, ruleSetHash: String?, asOf: Day, findings: [Finding],
        answers: Answers?
    ) {
        self.file = file
        self.received = received
        self.form = form
        self.ruleSetHash = ruleSetHash
        self.asOf = asOf
        self.answers = answers
        // Counted once, here, each finding's severity read where it is stored: the decision and the counts are
        // asked for again and again (the summary line, the exit status), and going through the findings as a
        // sequence copies each, counting a reference for each of its texts.
        var counts = SeverityCounts()
        for index in findings.indices { counts[findings[index].severity] += 1 }
        severityCounts = counts
        decision = Decision(severities: Severity.allCases.lazy.filter { counts[$0] > 0 })
        // Most submissions' findings are already in order (one or none, or found line by line): nothing to copy.
        guard findings.indices.dropFirst().contains(where: { Self.precedes(findings[$0], findings[$0 - 1]) }) else {
            self.findings = findings
            return
        }
        // Sorted in place (the sort is stable: findings at one place keep the order they were found in).
        var ordered = findings
        ordered.sort(by: Self.precedes)
        self.findings = ordered
    }

    /// True when `x` goes before `y`: by place, findings with no place last, then by severity.
    private static func precedes(_ x: Finding, _ y: Finding) -> Bool {
        switch (x.mark, y.mark) {
        case (let p?, let q?) where p != q: return p < q
        case (nil, _?): return false
        case (_?, nil): return true
        default: return x.severity < y.severity
        }
    }

    /// The evaluation with one more finding in its place: one the engine cannot make itself (what the register
    /// says, say).
    public func adding(_ finding: Finding) -> Evaluation {
        Evaluation(
            file: file, received: received, form: form, ruleSetHash: ruleSetHash, asOf: asOf,
            findings: findings + [finding], answers: answers)
    }

    /// Where the answer to a field was written in the submission, if it was.
    public func mark(of location: FieldLocation) -> SourceMark? {
        answers?.position(section: location.section, field: location.field).map { SourceMark(file: file, $0) }
    }

    /// The decision in the words of the form's users.
    public var decisionLabel: String {
        form?.decisions.label(for: decision) ?? decision.rawValue.capitalizedFirst
    }

    /// How many findings have each severity.
    public func count(_ severity: Severity) -> Int { severityCounts[severity] }

    /// The text of the field that identifies the subject (URN, driver number), when answered.
    public var subjectKey: String? { text(at: form?.subjectKey) }

    /// The subject's district (a choice value such as `corby`), when the form names one and it is answered.
    public var district: String? { text(at: form?.districtKey) }

    private func text(at location: FieldLocation?) -> String? {
        guard let location, let answers else { return nil }
        if case .text(let value) = answers[location.section, location.field] { return value }
        return nil
    }
}

/// How many findings have each severity: four numbers kept in place, not an array of their own.
private struct SeverityCounts {
    private var errors = 0
    private var referrals = 0
    private var warnings = 0
    private var notes = 0

    /// The number of findings of `severity`.
    subscript(severity: Severity) -> Int {
        get {
            switch severity {
            case .error: errors
            case .refer: referrals
            case .warning: warnings
            case .info: notes
            }
        }
        set {
            switch severity {
            case .error: errors = newValue
            case .refer: referrals = newValue
            case .warning: warnings = newValue
            case .info: notes = newValue
            }
        }
    }
}
