import FormEngine
import Records

extension Safeguarding {
    /// Evaluates the latest version of every subject's submission (of one form, when given) again with today's
    /// forms and rules, each with its round's period, storing each new evaluation beside the old, 500 at a time,
    /// and reports what changed. Audited.
    public func revalidate(formID: String?, asOf: Day?, by sender: Sender) async throws -> RevalidationReport {
        try sender.require([.policy, .admin])
        if let formID { _ = try form(formID) }
        var report = RevalidationReport(asOf: asOf ?? today())
        let ids = try await store.latestSubmissionIDs(formID: formID)
        for start in stride(from: 0, to: ids.count, by: 500) {
            let page = Array(ids[start..<min(start + 500, ids.count)])
            var evaluated: [(submissionID: Int64, prepared: PreparedSubmission, parameters: [String: Value])] = []
            let storedPage = try await store.storedEvaluations(submissionIDs: page)
            let checked = try await withSharedRegister(
                try await withRegisterDistricts(
                    storedPage.map { stored in
                        PreparedSubmission(
                            validator.evaluate(
                                [UInt8](stored.submission.received), file: stored.submission.fileName,
                                asOf: report.asOf, formID: stored.submission.formID, parameters: stored.parameters))
                    }), stored: storedPage.map { $0.submission.id! })
            for (stored, prepared) in zip(storedPage, checked) {
                let submission = stored.submission
                let evaluation = prepared.evaluation
                guard evaluation.form != nil else { continue }
                evaluated.append((submission.id!, prepared, stored.parameters))
                let before = Set(stored.findings.map(Self.key))
                let after = Set(evaluation.findings.map { "\($0.rule) \($0.severity.rawValue) \($0.path)" })
                report.add(
                    RevalidationChange(
                        submissionID: submission.id!, formID: submission.formID, before: stored.evaluation.decision,
                        after: evaluation.decision, added: after.subtracting(before).sorted(),
                        removed: before.subtracting(after).sorted()))
            }
            try await store.addEvaluations(evaluated, reason: .revalidated, catalog: catalog, actor: sender.name)
        }
        try await store.audit(
            actor: sender.name, action: .revalidate, target: formID.map { "form \($0)" } ?? "every form",
            detail:
                "\(report.evaluated) evaluated as of \(report.asOf.iso); \(report.decisionsChanged) decisions changed")
        return report
    }

    /// A stored finding as `rule severity path`, to compare evaluations.
    static func key(_ finding: FindingRecord) -> String {
        "\(finding.rule) \(finding.severity.rawValue) \(finding.path)"
    }
}
