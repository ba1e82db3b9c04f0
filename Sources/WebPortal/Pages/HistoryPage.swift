import FormEngine
import Records

/// A school's or driver's whole history on one page: every version, each evaluation, each decision, and the
/// driver's Update Service checks.
enum HistoryPage {
    /// The page; `from` is the submission the reader came from, linked back to.
    static func html(
        _ entries: [HistoryEntry], form: FormDefinition, from id: Int64, titles: [String: String]
    ) -> String {
        var html =
            "<a class=\"govuk-back-link\" href=\"/submissions/\(id)\">Back to submission \(id)</a>"
            + "<h1 class=\"govuk-heading-l\">History of \(Components.escape(entries.last?.submission.subjectKey ?? ""))</h1>"
        guard !entries.isEmpty else { return html + "<p>Nothing is stored.</p>" }
        for entry in entries.reversed() {
            let submission = entry.submission
            html +=
                "<h2 class=\"govuk-heading-m\"><a class=\"govuk-link\" href=\"/submissions/\(submission.id!)\">"
                + "Submission \(submission.id!)</a></h2>"
            var facts: [(String, String, String?)] = [
                (
                    "Received",
                    "\(Components.when(submission.receivedAt)) from \(submission.source.rawValue) by \(submission.submitter)",
                    nil
                )
            ]
            if let collection = entry.collection { facts.append(("Year", titles[collection] ?? collection, nil)) }
            if let earlier = submission.supersedes { facts.append(("Replaces", "submission \(earlier)", nil)) }
            if let later = entry.supersededBy { facts.append(("Replaced by", "submission \(later)", nil)) }
            html += Components.summaryList(facts)
            html += Components.table(
                caption: "Evaluations of submission \(submission.id!)",
                columns: ["When", "Why", "As of", "Result", "Findings"],
                rows: entry.evaluations.map { evaluation, counts in
                    [
                        Components.when(evaluation.evaluatedAt), evaluation.reason.rawValue.capitalizedFirst,
                        Components.when(evaluation.asOf),
                        form.decisions.label(for: evaluation.decision),
                        Severity.allCases.compactMap { severity in
                            counts[severity].map { "\($0) \(severity.rawValue)" }
                        }.joined(separator: ", "),
                    ]
                })
            if !entry.decisions.isEmpty {
                html += Components.table(
                    caption: "Decisions on submission \(submission.id!)",
                    columns: ["When", "By", "Outcome", "Licence", "Grounds", "Appeal by", "Note"],
                    rows: entry.decisions.map { decision in
                        [
                            Components.when(decision.decidedAt), decision.decidedBy, decision.outcome.label,
                            decision.licenceText, decision.groundsText, decision.appealBy?.spoken ?? "",
                            decision.note ?? "",
                        ]
                    })
            }
        }
        let checks = entries.last?.dbsChecks ?? []
        if !checks.isEmpty {
            html += Components.table(
                caption: "DBS Update Service checks", columns: ["Checked on", "Result", "Recorded by", "Note"],
                rows: checks.reversed().map {
                    [Components.when($0.checkedOn), $0.result.label, $0.recordedBy, $0.note ?? ""]
                })
        }
        return html
    }
}
