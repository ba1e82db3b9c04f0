import FormEngine
import Foundation
import Records

/// "Check your answers", and a stored submission's page: its decision, every finding explained, its answers.
struct ReviewPages {
    let form: FormDefinition

    /// The answers as summary-list rows, section by section; with `changeLinks`, each links back to its question.
    func answerRows(_ answers: DraftAnswers, changeLinks: Bool) -> [(
        title: String, rows: [(key: String, value: String, change: String?)]
    )] {
        let pages = FormPages(form: form, lockedKeys: [])
        return form.sections.map { section in
            var rows: [(String, String, String?)] = []
            func link(_ key: String) -> String? {
                changeLinks ? "/forms/\(form.id)/pages/\(section.id)?from=check#\(pages.inputID(key))" : nil
            }
            for field in section.fields {
                let key = "\(section.id).\(field.id)"
                if field.type == .repeat {
                    for index in 0..<(answers.counts[key] ?? 0) {
                        for subfield in field.fields {
                            let subkey = "\(key).\(index).\(subfield.id)"
                            if let value = display(subfield, answers, subkey) {
                                rows.append(
                                    (
                                        "\((field.itemLabel ?? "item").capitalizedFirst) \(index + 1): \(subfield.label)",
                                        value, link(subkey)
                                    ))
                            }
                        }
                    }
                } else if let value = display(field, answers, key) {
                    rows.append((field.label, value, link(key)))
                }
            }
            return (section.title, rows)
        }
    }

    /// An answer as people read it: a choice's label, a date in words, yes or no.
    private func display(_ field: FieldDefinition, _ answers: DraftAnswers, _ key: String) -> String? {
        let values = (answers.values[key] ?? []).filter { !$0.trimmingWhitespace.isEmpty }
        guard !values.isEmpty else { return nil }
        let list = field.list.flatMap { form.lists[$0] }
        switch field.type {
        case .choice, .multiChoice: return values.map { list?.label(for: $0) ?? $0 }.joined(separator: ", ")
        case .yesNo: return YesNo.parse(values[0]).map { $0 ? "Yes" : "No" } ?? values[0]
        case .date: return Day(iso: values[0])?.spoken ?? values[0]
        default: return values.joined(separator: ", ")
        }
    }

    /// The "check your answers" page: what the checks found (errors to fix first), then every answer.
    func check(_ answers: DraftAnswers, evaluation: Evaluation, csrf: String, refused: [Components.FieldError])
        -> String
    {
        let noun = form.subject == .school ? "return" : "application"
        var html = "<span class=\"govuk-caption-l\">\(Components.escape(form.title))</span>"
        html += "<h1 class=\"govuk-heading-l\">Check your answers before submitting your \(noun)</h1>"
        let pages = FormPages(form: form, lockedKeys: [])
        let blocking = evaluation.findings.filter { $0.severity == .error }.map { finding -> Components.FieldError in
            let key = FormPages.key(ofPointer: finding.path)
            let section = key.split(separator: ".").first.map(String.init) ?? form.sections[0].id
            return Components.FieldError(
                id: "/forms/\(form.id)/pages/\(section)?errors=shown&from=check#\(pages.inputID(key))",
                message: ErrorMessages.message(for: finding, in: form))
        }
        if form.subject == .school {
            html += Components.errorSummary(refused + blocking, title: "Fix these before you submit")
        } else {
            html += Components.errorSummary(refused)
            if !blocking.isEmpty {
                html +=
                    Components.warningText(
                        "As it stands, this application will be marked “\(form.decisions.rejected)”. You can still submit it, to record it."
                    )
                    + "<ul class=\"govuk-list\">"
                    + blocking.map {
                        "<li><a class=\"govuk-link\" href=\"\(Components.escape($0.id))\">\(Components.escape($0.message))</a></li>"
                    }.joined() + "</ul>"
            }
        }
        let followUp = evaluation.findings.filter { $0.severity == .refer || $0.severity == .warning }
        if !followUp.isEmpty {
            html +=
                "<h2 class=\"govuk-heading-m\">What the board will follow up</h2><ul class=\"govuk-list\">"
                + followUp.map { "<li>\(Components.escape($0.message))</li>" }.joined() + "</ul>"
        }
        for section in answerRows(answers, changeLinks: true) where !section.rows.isEmpty {
            html +=
                "<h2 class=\"govuk-heading-m\">\(Components.escape(section.title))</h2>"
                + Components.summaryList(section.rows)
        }
        html +=
            "<form method=\"post\" action=\"/forms/\(form.id)/submit\" novalidate>" + Components.csrf(csrf)
            + "<h2 class=\"govuk-heading-m\">Now send your \(noun)</h2><p>By submitting, you confirm the answers are correct to the best of your knowledge.</p>"
            + Components.button("Submit \(noun)", value: "submit") + "</form>"
        return html
    }

    /// A stored submission: its decision in the form's words, every finding with the values it saw, and its answers.
    func submission(
        _ record: SubmissionRecord, evaluation: EvaluationRecord, findings: [FindingRecord], collection: String?,
        decisions: [OfficerDecisionRecord]
    ) -> String {
        let label = form.decisions.label(for: evaluation.decision)
        var html = "<span class=\"govuk-caption-l\">\(Components.escape(form.title))</span>"
        html +=
            "<h1 class=\"govuk-heading-l\">Submission \(record.id!)</h1><p>"
            + Components.tag(label, decision: evaluation.decision.rawValue) + "</p>"
        var facts: [(String, String, String?)] = [
            (form.subject == .school ? "School (URN)" : "Driver's licence number", record.subjectKey, nil),
            ("Received", Components.when(record.receivedAt), nil), ("Submitted by", record.submitter, nil),
            ("Form version", record.formVersion, nil),
            ("Checked", "as of \(Components.when(evaluation.asOf)), \(evaluation.reason.rawValue)", nil),
        ]
        if let collection { facts.insert(("Year", collection, nil), at: 1) }
        if let supersedes = record.supersedes { facts.append(("Replaces", "submission \(supersedes)", nil)) }
        html += Components.summaryList(facts)
        html +=
            "<p class=\"govuk-print-hint\">For a copy to keep, print this page (Ctrl+P, or \"Print\" in your browser's "
            + "menu): it prints the submission number, the answers and the findings, without the page's buttons.</p>"
        for (severity, title) in [
            (Severity.error, "What stops it being accepted"), (.refer, "What needs a decision"),
            (.warning, "What the board will follow up"), (.info, "Notes"),
        ] {
            let group = findings.filter { $0.severity == severity }
            guard !group.isEmpty else { continue }
            html += "<h2 class=\"govuk-heading-m\">\(title)</h2>" + group.map(finding).joined()
        }
        if !decisions.isEmpty {
            html +=
                "<h2 class=\"govuk-heading-m\">Decisions recorded</h2>"
                + Components.table(
                    caption: "Decisions on this application",
                    columns: ["Outcome", "Licence", "Grounds", "Appeal by", "Note", "By", "When"],
                    rows: decisions.map {
                        [
                            $0.outcome.label, $0.licenceText, $0.groundsText, $0.appealBy?.spoken ?? "", $0.note ?? "",
                            $0.decidedBy, Components.when($0.decidedAt),
                        ]
                    })
        }
        if let bound = StoredJSON.read(record.bound) {
            for section in answerRows(DraftAnswers(bound: bound, form: form), changeLinks: false)
            where !section.rows.isEmpty {
                html +=
                    "<h2 class=\"govuk-heading-m\">\(Components.escape(section.title))</h2>"
                    + Components.summaryList(section.rows)
            }
        }
        return html
    }

    /// The confirmation after a return is sent: its number, what the checks said, and what happens next.
    func confirmation(_ record: SubmissionRecord, evaluation: EvaluationRecord) -> String {
        let noun = form.subject == .school ? "Return" : "Application"
        var html = Components.panel(
            title: "\(noun) submitted", body: "Your submission number<br><strong>\(record.id!)</strong>")
        html += "<p>Keep this number: quote it if you contact the board about this \(noun.lowercased()).</p>"
        let label = form.decisions.label(for: evaluation.decision)
        html += "<p>The checks found: " + Components.tag(label, decision: evaluation.decision.rawValue) + "</p>"
        html +=
            "<h2 class=\"govuk-heading-m\">What happens next</h2>"
            + "<p>The board's policy officer will see your return in the county's report. Anything the checks asked the "
            + "board to follow up is listed on <a class=\"govuk-link\" href=\"/submissions/\(record.id!)\">your "
            + "submission's page</a>.</p><p>If something changes, you can send a corrected return from "
            + "<a class=\"govuk-link\" href=\"/\">your start page</a>: it replaces this one, which is kept.</p>"
        return html
    }

    /// Where a rule is defined as a page shows it: the file's name, line and column, never the server's folders
    /// (`/srv/safeguard/Rules/taxi.rules.yaml:447:5` is shown `taxi.rules.yaml:447:5`).
    static func shown(location: String) -> String {
        guard let yaml = location.range(of: ".yaml:", options: .backwards) else { return location }
        let file = location[..<yaml.lowerBound].split(separator: "/").last.map(String.init) ?? ""
        return file + location[yaml.lowerBound...]
    }

    /// One finding: its message, and under it what the check saw, the rule and where the rule comes from.
    private func finding(_ finding: FindingRecord) -> String {
        var html =
            "<div class=\"govuk-finding govuk-finding--\(finding.severity.rawValue)\"><p>\(Components.escape(finding.message))</p>"
        var details: [String] = [
            "Rule: \(finding.rule)", "Answer: \(finding.path.isEmpty ? "the whole submission" : finding.path)",
        ]
        if let detail = StoredJSON.read(finding.detail) {
            for entry in detail["values"]?.entries ?? [] {
                details.append(
                    "\(entry.key) = \(entry.value.scalar?.text ?? (entry.value.items?.compactMap { $0.scalar?.text }.joined(separator: ", ") ?? ""))"
                )
            }
            if let location = detail["rule_location"]?.scalar, !location.isNull {
                details.append("Defined at \(Self.shown(location: location.text))")
            }
            if let source = detail["source"]?.scalar, !source.isNull { details.append("Source: \(source.text)") }
        }
        html +=
            "<details><summary>Details: the rule and what it saw</summary><ul class=\"govuk-list\">"
            + details.map { "<li>\(Components.escape($0))</li>" }.joined() + "</ul></details></div>"
        return html
    }
}

extension DraftAnswers {
    /// Answers read back from a submission's bound JSON (or any submission document), to show or to edit.
    init(bound root: Node, form: FormDefinition) {
        self.init()
        for section in form.sections {
            guard let answers = root[section.id] else { continue }
            read(section.fields, from: answers, prefix: section.id)
        }
    }

    private mutating func read(_ fields: [FieldDefinition], from node: Node, prefix: String) {
        for field in fields {
            guard let answer = node[field.id], !answer.isNull else { continue }
            let key = "\(prefix).\(field.id)"
            if field.type == .repeat {
                let items = answer.items ?? []
                counts[key] = items.count
                for (index, item) in items.enumerated() { read(field.fields, from: item, prefix: "\(key).\(index)") }
            } else if let items = answer.items {
                values[key] = items.compactMap { $0.scalar?.text }
            } else if let scalar = answer.scalar {
                values[key] = [
                    field.type == .yesNo
                        ? YesNo.parse(scalar.text).map { $0 ? "yes" : "no" } ?? scalar.text : scalar.text
                ]
            }
        }
    }
}
