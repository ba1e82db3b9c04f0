import FormEngine
import Records

/// A stored submission as `GET /api/v1/submissions/{id}` answers it: the same members as `validate --format
/// json` for its latest evaluation, then what the store knows of it, and its answers as bound.
enum StoredSubmissionJSON {
    /// The submission's JSON.
    static func json(_ detail: SubmissionDetail, form: FormDefinition?) -> JSONValue {
        func number(_ value: Int64?) -> JSONValue { value.map { .number(Double($0)) } ?? .null }
        func string(_ value: String?) -> JSONValue { value.map { .string($0) } ?? .null }
        let (record, evaluation) = (detail.record, detail.evaluation)
        return .object([
            ("submission", number(record.id)),
            ("file", .string(record.fileName)),
            ("form", .string(record.formID)),
            ("form_version", .string(record.formVersion)),
            ("form_hash", .string(record.formHash)),
            ("rules_hash", string(evaluation.ruleSetHash)),
            ("as_of", .string(evaluation.asOf)),
            ("decision", .string(evaluation.decision.rawValue)),
            ("decision_label", string(form?.decisions.label(for: evaluation.decision))),
            ("findings", .array(detail.findings.map { .written($0.detail) })),
            ("subject", .string(record.subjectKey)),
            ("district", string(record.district)),
            ("collection", string(detail.collection)),
            ("received_at", .string(record.receivedAt)),
            ("source", .string(record.source.rawValue)),
            ("submitter", .string(record.submitter)),
            ("supersedes", number(record.supersedes)),
            ("superseded_by", number(detail.replacement)),
            ("evaluated_at", .string(evaluation.evaluatedAt)),
            ("evaluation_reason", .string(evaluation.reason.rawValue)),
            (
                "officer_decisions",
                .array(
                    detail.decisions.map {
                        .object([
                            ("outcome", .string($0.outcome.rawValue)), ("licence_start", string($0.licenceStart)),
                            ("licence_end", string($0.licenceEnd)), ("note", string($0.note)),
                            ("decided_by", .string($0.decidedBy)), ("decided_at", .string($0.decidedAt)),
                        ])
                    })
            ),
            ("answers", .written(record.bound)),
        ])
    }
}
