import Foundation
import FormEngine
import GRDB

/// How one submission's result changed when it was evaluated again.
public struct RevalidationChange: Sendable, Equatable {
    /// The submission.
    public let submissionID: Int64
    /// Its form.
    public let formID: String
    /// The decision before and after.
    public let before: String
    /// The decision now.
    public let after: String
    /// Findings present now and not before, as `rule severity path`.
    public let added: [String]
    /// Findings present before and not now.
    public let removed: [String]
}

/// What a revalidation found: which submissions' decisions or findings changed, and how many did not.
public struct RevalidationReport: Sendable {
    /// How many submissions were evaluated again.
    public var evaluated = 0
    /// Submissions that were not rejected and now are.
    public var newlyRejected: [RevalidationChange] = []
    /// Submissions that were not accepted and now are.
    public var newlyAccepted: [RevalidationChange] = []
    /// Other decision changes: to or from referred.
    public var otherDecisionChanges: [RevalidationChange] = []
    /// Submissions with the same decision but different findings.
    public var findingsChanged: [RevalidationChange] = []
    /// Submissions whose findings are exactly as before.
    public var unchanged = 0
}

extension ReturnStore {
    /// Evaluates the latest version of every subject's submission again with today's forms and rules, storing
    /// each new evaluation beside the old, and reports what changed.
    public func revalidate(
        formID: String? = nil, validator: Validator, asOf: Day, actor: String
    ) throws -> RevalidationReport {
        var report = RevalidationReport()
        let ids = try latestSubmissionIDs(formID: formID)
        for start in stride(from: 0, to: ids.count, by: 500) {
            let page = Array(ids[start..<min(start + 500, ids.count)])
            try pool.write { db in
                for id in page {
                    guard let submission = try SubmissionRecord.fetchOne(db, key: id),
                        let previous = try EvaluationRecord.filter(Column("submissionID") == id).order(
                            Column("id").desc
                        ).fetchOne(db)
                    else { continue }
                    let parameters =
                        try submission.collectionID.flatMap { try CollectionRecord.fetchOne(db, key: $0) }?
                        .ruleParameters ?? [:]
                    let evaluation = validator.evaluate(
                        [UInt8](submission.received), file: submission.fileName, asOf: asOf, formID: submission.formID,
                        parameters: parameters)
                    guard let form = evaluation.form else { continue }
                    try Self.keepDefinitions(db, form: form, ruleSet: validator.catalog.ruleSets[form.id])
                    let before = Set(
                        try FindingRecord.filter(Column("evaluationID") == previous.id).fetchAll(db).map(Self.key))
                    let after = Set(evaluation.findings.map { "\($0.rule) \($0.severity.rawValue) \($0.path)" })
                    try SubmissionWriter.insertEvaluation(
                        PreparedSubmission(evaluation), submissionID: id,
                        parametersJSON: SubmissionWriter.json(of: parameters), reason: "revalidated", actor: actor,
                        at: Self.now(), db)
                    report.evaluated += 1
                    let change = RevalidationChange(
                        submissionID: id, formID: submission.formID, before: previous.decision,
                        after: evaluation.decision.rawValue,
                        added: after.subtracting(before).sorted(), removed: before.subtracting(after).sorted())
                    if change.before == change.after {
                        if change.added.isEmpty && change.removed.isEmpty {
                            report.unchanged += 1
                        } else {
                            report.findingsChanged.append(change)
                        }
                    } else if change.after == Decision.rejected.rawValue {
                        report.newlyRejected.append(change)
                    } else if change.after == Decision.accepted.rawValue {
                        report.newlyAccepted.append(change)
                    } else {
                        report.otherDecisionChanges.append(change)
                    }
                }
            }
        }
        let changed = report.newlyRejected.count + report.newlyAccepted.count + report.otherDecisionChanges.count
        try audit(
            actor: actor, action: "revalidate", target: formID.map { "form \($0)" } ?? "every form",
            detail: "\(report.evaluated) evaluated as of \(asOf.iso); \(changed) decisions changed")
        return report
    }

    /// A stored finding as `rule severity path`, to compare evaluations.
    static func key(_ finding: FindingRecord) -> String { "\(finding.rule) \(finding.severity) \(finding.path)" }
}
