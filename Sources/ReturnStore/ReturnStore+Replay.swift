import Foundation
import FormEngine
import GRDB

/// A stored evaluation run again with the very definitions, date and parameters it used.
public struct ReplayResult: Sendable {
    /// The stored evaluation.
    public let original: EvaluationRecord
    /// The findings it stored, as `rule severity path`.
    public let originalFindings: [String]
    /// The evaluation made again.
    public let replayed: Evaluation

    /// True when the replay reached the same decision and the same findings.
    public var matches: Bool {
        original.decision == replayed.decision.rawValue
            && originalFindings.sorted()
                == replayed.findings.map { "\($0.rule) \($0.severity.rawValue) \($0.path)" }.sorted()
    }
}

extension ReturnStore {
    /// Replays a stored evaluation: loads the form and rule files it used from the store by their hashes, and
    /// runs them on the submission's bytes with its evaluation date and parameters. Whatever the files in
    /// `Forms/` and `Rules/` say today, the result must be the one stored.
    public func replay(evaluationID: Int64) throws -> ReplayResult {
        try pool.read { db in
            guard let original = try EvaluationRecord.fetchOne(db, key: evaluationID) else {
                throw StoreError("There is no evaluation \(evaluationID).")
            }
            guard let submission = try SubmissionRecord.fetchOne(db, key: original.submissionID),
                let formFile = try DefinitionRecord.fetchOne(db, key: original.formHash)
            else {
                throw StoreError("Evaluation \(evaluationID) has lost its submission or form: the store is damaged.")
            }
            let form: FormDefinition
            switch FormDefinition.load(bytes: [UInt8](formFile.content), file: formFile.fileName) {
            case .success(let loaded): form = loaded
            case .failure(let errors): throw StoreError("The stored form \(formFile.hash) no longer loads:\n\(errors)")
            }
            var ruleSets: [RuleSet] = []
            if let hash = original.ruleSetHash {
                guard let rulesFile = try DefinitionRecord.fetchOne(db, key: hash) else {
                    throw StoreError("Evaluation \(evaluationID) has lost its rule file \(hash): the store is damaged.")
                }
                switch RuleSet.load(
                    bytes: [UInt8](rulesFile.content), file: rulesFile.fileName, forms: [form.id: form],
                    includingTests: false)
                {
                case .success(let loaded): ruleSets = [loaded]
                case .failure(let errors): throw StoreError("The stored rules \(hash) no longer load:\n\(errors)")
                }
            }
            let validator = Validator(catalog: FormCatalog(forms: [form], ruleSets: ruleSets))
            guard let asOf = Day(iso: original.asOf) else {
                throw StoreError("Evaluation \(evaluationID) has no valid date.")
            }
            let replayed = validator.evaluate(
                [UInt8](submission.received), file: submission.fileName, asOf: asOf, formID: submission.formID,
                parameters: Self.parameters(fromJSON: original.parameters))
            let findings = try FindingRecord.filter(Column("evaluationID") == evaluationID).fetchAll(db).map(Self.key)
            return ReplayResult(original: original, originalFindings: findings, replayed: replayed)
        }
    }

    /// Parameters stored as JSON: a quoted date is a date, other quoted text is text, plain `true` and
    /// `false` are yes-no, other plain values are numbers.
    static func parameters(fromJSON text: String) -> [String: Value] {
        guard let root = StoredJSON.read(text) else {
            return [:]
        }
        var parameters: [String: Value] = [:]
        for entry in root.entries ?? [] {
            guard let scalar = entry.value.scalar else { continue }
            if !scalar.isPlain {
                parameters[entry.key] = Day(iso: scalar.text).map(Value.date) ?? .text(scalar.text)
            } else if scalar.text == "true" || scalar.text == "false" {
                parameters[entry.key] = .boolean(scalar.text == "true")
            } else if let number = Double(scalar.text) {
                parameters[entry.key] = .number(number)
            }
        }
        return parameters
    }
}
