import FormEngine
import Records

extension Safeguarding {
    /// Sends the DSL a school's return names a receipt for it, once stored, and audits it (the submission, never the
    /// address); what became of it, or nil for what gets no receipt (a driver's application).
    func sendReceipt(
        _ prepared: PreparedSubmission, submission id: Int64, collection: CollectionRecord?, _ mailer: Mailer,
        by sender: Sender
    ) async throws -> String? {
        let evaluation = prepared.evaluation
        guard let form = evaluation.form, form.subject == .school else { return nil }
        guard let root = prepared.storedAnswers else { return nil }
        func text(_ meaning: Meaning) -> String? { root.text(answering: meaning, in: form) }
        guard let address = text(.dslEmail) else { return "no receipt: the return names no DSL email" }
        let school = text(.schoolName) ?? "URN \(evaluation.subjectKey ?? "")"
        let round = collection.map { " for \($0.name)" } ?? ""
        let outcome: String
        switch evaluation.decision {
        case .accepted:
            outcome =
                "It has been accepted" + (evaluation.findings.isEmpty ? "." : ", with points the board will follow up:")
        case .referred:
            outcome = "It has been referred to the board's officer, who will be in touch:"
        case .rejected:
            outcome = "It has been sent back to correct. Please correct these and send it again:"
        }
        let findings = evaluation.findings.map { "- \($0.message)" }.joined(separator: "\n")
        let message = MailMessage(
            to: address, subject: "Section 11 return received\(round): \(school)",
            body: "Dear \(text(.dslName) ?? "Designated Safeguarding Lead"),\n\n"
                + "We received \(school)'s Section 11 return\(round) on \(String((prepared.receivedAt ?? Self.now()).prefix(10))), "
                + "and stored it as submission \(id). \(outcome)\n"
                + (findings.isEmpty ? "" : "\n\(findings)\n")
                + "\nKeep this message as your receipt.\n\nThe safeguarding board's policy officer")
        let failure = await mailer.send(message)
        try await store.audit(
            actor: sender.name, action: .mail, target: "submission \(id)",
            detail: "receipt" + (failure.map { "; not sent: \($0)" } ?? "; sent"))
        return failure.map { "receipt not sent: \($0)" } ?? "receipt sent to the DSL"
    }
}
