import FormEngine
import Records

/// A stored evaluation run again with the very definitions, date and parameters it used.
public struct ReplayResult: Sendable {
    /// The stored evaluation.
    public let original: EvaluationRecord
    /// The findings it stored, as `rule severity path`.
    public let originalFindings: [String]
    /// The evaluation made again.
    public let replayed: Evaluation

    /// True when the replay reached the same decision and the same findings. What the register said (a school's
    /// district) is left aside: the register of the day is not kept, and a warning does not change a decision. The
    /// JOF's shared register's referrals are carried into the replay as stored (`replay`).
    public var matches: Bool {
        original.decision == replayed.decision
            && originalFindings.filter { !$0.hasPrefix("register.") }.sorted()
                == replayed.findings.map { "\($0.rule) \($0.severity.rawValue) \($0.path)" }.sorted()
    }
}

extension Safeguarding {
    /// Replays a stored evaluation: loads the form and rule files it used from the store by their hashes, and runs
    /// them on the submission's bytes with its evaluation date and parameters. Whatever the files in `Forms/` and
    /// `Rules/` say today, the result must be the one stored.
    public func replay(evaluationID id: Int64, by sender: Sender) async throws -> ReplayResult {
        try sender.require([.policy, .admin])
        guard let stored = try await store.storedEvaluation(id) else { throw Refusal.noSuchEvaluation(id) }
        let original = stored.evaluation
        guard let formFile = try await store.definition(hash: original.formHash) else {
            throw Refusal.damaged("evaluation \(id) has lost the form it used (\(original.formHash.prefix(12)))")
        }
        let form: FormDefinition
        switch FormDefinition.load(bytes: [UInt8](formFile.content), file: formFile.fileName) {
        case .success(let loaded): form = loaded
        case .failure(let errors): throw Refusal.damaged("the stored form \(formFile.hash) no longer loads:\n\(errors)")
        }
        var ruleSets: [RuleSet] = []
        if let hash = original.ruleSetHash {
            guard let rulesFile = try await store.definition(hash: hash) else {
                throw Refusal.damaged("evaluation \(id) has lost the rule file it used (\(hash.prefix(12)))")
            }
            switch RuleSet.load(
                bytes: [UInt8](rulesFile.content), file: rulesFile.fileName, forms: [form.id: form],
                includingTests: false)
            {
            case .success(let loaded): ruleSets = [loaded]
            case .failure(let errors): throw Refusal.damaged("the stored rules \(hash) no longer load:\n\(errors)")
            }
        }
        guard let asOf = Day(iso: original.asOf) else {
            throw Refusal.damaged("evaluation \(id) has no valid date")
        }
        let evaluated = Validator(catalog: FormCatalog(forms: [form], ruleSets: ruleSets)).evaluate(
            [UInt8](stored.submission.received), file: stored.submission.fileName, asOf: asOf,
            formID: stored.submission.formID, parameters: Self.parameters(fromJSON: original.parameters))
        // What the JOF's shared register said is taken as stored, as the school register's is: the register of the
        // moment is not kept (an entry made since, the same day included, was not news then), and its referrals
        // decide as they did.
        let replayed = stored.findings.filter { $0.rule == Self.sharedRegisterRule }.reduce(evaluated) {
            $0.adding(Finding(rule: $1.rule, severity: $1.severity, path: $1.path, message: $1.message, mark: nil))
        }
        return ReplayResult(original: original, originalFindings: stored.findings.map(Self.key), replayed: replayed)
    }

    /// Parameters stored as JSON: a quoted date is a date, other quoted text is text, plain `true` and `false` are
    /// yes-no, other plain values are numbers.
    static func parameters(fromJSON text: String) -> [String: Value] {
        guard let root = StoredJSON.read(text) else { return [:] }
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
