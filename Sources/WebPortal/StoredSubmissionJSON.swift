import FormEngine
import ReturnStore

/// A stored submission as `GET /api/v1/submissions/{id}` answers it: the same members as `validate --format
/// json` for its latest evaluation, then what the store knows of it, and its answers as bound.
enum StoredSubmissionJSON {
    /// The submission's JSON.
    static func json(
        _ record: SubmissionRecord, evaluation: EvaluationRecord, findings: [FindingRecord],
        decisions: [OfficerDecisionRecord], collection: String?, replacement: Int64?, form: FormDefinition?
    ) -> JSONValue {
        func number(_ value: Int64?) -> JSONValue { value.map { .number(Double($0)) } ?? .null }
        func string(_ value: String?) -> JSONValue { value.map { .string($0) } ?? .null }
        let label = Decision(rawValue: evaluation.decision).flatMap { form?.decisions.label(for: $0) }
        return .object([
            ("submission", number(record.id)),
            ("file", .string(record.fileName)),
            ("form", .string(record.formID)),
            ("form_version", .string(record.formVersion)),
            ("form_hash", .string(record.formHash)),
            ("rules_hash", string(evaluation.ruleSetHash)),
            ("as_of", .string(evaluation.asOf)),
            ("decision", .string(evaluation.decision)),
            ("decision_label", string(label)),
            ("findings", .array(findings.map { .written($0.detail) })),
            ("subject", .string(record.subjectKey)),
            ("district", string(record.district)),
            ("collection", string(collection)),
            ("received_at", .string(record.receivedAt)),
            ("source", .string(record.source)),
            ("submitter", .string(record.submitter)),
            ("supersedes", number(record.supersedes)),
            ("superseded_by", number(replacement)),
            ("evaluated_at", .string(evaluation.evaluatedAt)),
            ("evaluation_reason", .string(evaluation.reason)),
            (
                "officer_decisions",
                .array(
                    decisions.map {
                        .object([
                            ("outcome", .string($0.outcome)), ("licence_start", string($0.licenceStart)),
                            ("licence_end", string($0.licenceEnd)), ("note", string($0.note)),
                            ("decided_by", .string($0.decidedBy)), ("decided_at", .string($0.decidedAt)),
                        ])
                    })
            ),
            ("answers", .written(record.bound)),
        ])
    }
}
