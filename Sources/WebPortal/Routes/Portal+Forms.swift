import FormEngine
import Foundation
import Hummingbird
import Records
import UseCases

extension Portal {
    func addFormsRoutes(to routes: PortalRoutes) {
        // Carry on where you left off: a form begun (a draft, or a return sent back to correct) opens at the first
        // page with something left to do (errors, or last year's answers to confirm), its errors marked; a new one
        // at its first page; one complete at the check.
        routes.people(.get, "/forms/{form}", [.school, .licensing]) { _, context, sender in
            let form = try formFor(context, sender)
            var begun = try await safeguarding.draft(by: sender) != nil
            if !begun { begun = try await safeguarding.returnSentBack(by: sender) != nil }
            guard begun else { return Self.redirect("/forms/\(form.id)/pages/\(form.sections[0].id)") }
            let answers = try await draft(sender, form)
            let evaluation = try await safeguarding.check(answers.document(for: form), file: "portal", by: sender)
            guard
                let first = form.sections.first(where: {
                    answers.carried.contains($0.id) || !evaluation.fieldErrors(inSection: $0.id, of: form).isEmpty
                })
            else { return Self.redirect("/forms/\(form.id)/check") }
            return Self.redirect("/forms/\(form.id)/pages/\(first.id)?errors=shown")
        }
        // A new year's return from last year's answers, each page to confirm; a form already begun carries on.
        routes.people(.post, "/forms/{form}/start-from-last-year", [.school]) { request, context, sender in
            var request = request
            let form = try formFor(context, sender)
            _ = try await self.form(&request, context)
            guard try await safeguarding.draft(by: sender) == nil,
                let last = try await safeguarding.lastYearsReturn(by: sender),
                let root = StoredJSON.read(last.answers)
            else { return Self.redirect("/forms/\(form.id)") }
            var answers = DraftAnswers(lastYear: root, from: last.round.title, form: form)
            answers.fill(try await safeguarding.startingAnswers(by: sender))
            try await safeguarding.saveDraft(answers.stored, by: sender)
            return Self.redirect("/forms/\(form.id)/pages/\(form.sections[0].id)")
        }
        routes.people(.get, "/forms/{form}/pages/{section}", [.school, .licensing]) { request, context, sender in
            let form = try formFor(context, sender)
            let index = try sectionIndex(form, context)
            let answers = try await draft(sender, form)
            var errors: [String: String] = [:]
            if request.uri.queryParameters["errors"] == "shown" {
                let evaluation = try await safeguarding.check(answers.document(for: form), file: "portal", by: sender)
                errors = evaluation.fieldErrors(inSection: form.sections[index].id, of: form)
            }
            return sectionPage(
                form, index, answers: answers, errors: errors, sender: sender, context: context,
                fromCheck: request.uri.queryParameters["from"] == "check")
        }
        routes.people(.post, "/forms/{form}/pages/{section}", [.school, .licensing]) { request, context, sender in
            var request = request
            let form = try formFor(context, sender)
            let index = try sectionIndex(form, context)
            let posted = try await self.form(&request, context, answers: true)
            var answers = try await draft(sender, form)
            answers.replace(section: form.sections[index], with: posted.fields)
            answers.fill(safeguarding.lockedAnswers(by: sender))
            let action = posted["action"] ?? "continue"
            let fromCheck = posted["from"] == "check"
            let repeats = form.sections[index].fields.filter { $0.type == .repeat }.map {
                "\(form.sections[index].id).\($0.id)"
            }
            // Where focus goes on the page shown again: the item just added or put back.
            var focusedItem: String?
            let removed = answers.removed
            answers.removed = nil
            if action.hasPrefix("add:") {
                let key = String(action.dropFirst(4))
                answers.addItem(to: key)
                focusedItem = "\(key).\(answers.counts[key]! - 1)"
            } else if action.hasPrefix("remove:"), let colon = action.lastIndex(of: ":"),
                let item = Int(action[action.index(after: colon)...])
            {
                answers.removeItemKeepingIt(
                    item, from: String(action[action.index(action.startIndex, offsetBy: 7)..<colon]))
            } else if action == "undo" {
                answers.removed = removed
                focusedItem = answers.undoRemoval()
            } else {
                for key in repeats { answers.dropEmptyItems(of: key) }
            }
            try await safeguarding.saveDraft(answers.stored, by: sender)
            switch action {
            case "save":
                return Self.redirect("/?saved=1")
            case "continue":
                let evaluation = try await safeguarding.check(answers.document(for: form), file: "portal", by: sender)
                let errors = evaluation.fieldErrors(inSection: form.sections[index].id, of: form)
                guard errors.isEmpty else {
                    return sectionPage(
                        form, index, answers: answers, errors: errors, sender: sender, context: context,
                        fromCheck: fromCheck)
                }
                // Continue on a page carried from last year confirms its answers.
                if answers.carried.contains(form.sections[index].id) {
                    answers.carried.removeAll { $0 == form.sections[index].id }
                    try await safeguarding.saveDraft(answers.stored, by: sender)
                }
                let next =
                    index + 1 < form.sections.count && !fromCheck
                    ? "/forms/\(form.id)/pages/\(form.sections[index + 1].id)" : "/forms/\(form.id)/check"
                return Self.redirect(next)
            default:
                return sectionPage(
                    form, index, answers: answers, errors: [:], sender: sender, context: context,
                    focusedItem: focusedItem, fromCheck: fromCheck)
            }
        }
        routes.people(.get, "/forms/{form}/check", [.school, .licensing]) { _, context, sender in
            let form = try formFor(context, sender)
            let answers = try await draft(sender, form)
            let evaluation = try await safeguarding.check(answers.document(for: form), file: "portal", by: sender)
            let body = ReviewPages(form: form).check(
                answers, evaluation: evaluation, csrf: context.session?.csrfToken ?? "",
                refused: unconfirmed(answers, form))
            return page("Check your answers", body, context: context)
        }
        routes.people(.post, "/forms/{form}/submit", [.school, .licensing]) { request, context, sender in
            var request = request
            let form = try formFor(context, sender)
            _ = try await self.form(&request, context)
            var answers = try await draft(sender, form)
            answers.fill(safeguarding.lockedAnswers(by: sender))
            // Answers carried from last year are sent only once the school has looked at each page of them.
            let carried = unconfirmed(answers, form)
            guard carried.isEmpty else {
                let evaluation = try await safeguarding.check(answers.document(for: form), file: "portal", by: sender)
                let body = ReviewPages(form: form).check(
                    answers, evaluation: evaluation, csrf: context.session?.csrfToken ?? "", refused: carried)
                return page("Check your answers", body, context: context, status: .unprocessableContent)
            }
            // A school's return with errors is not sent: the school is at the form and can put them right first.
            let options = SubmitOptions(source: .portal, keepsRejected: form.subject != .school)
            let result = try await safeguarding.submit(
                answers.document(for: form), file: "portal", options: options, by: sender)
            switch result.outcome {
            case .stored(let id, _):
                configuration.metrics.stored(result.evaluation.decision)
                try await safeguarding.deleteDraft(by: sender)
                return Self.redirect(form.subject == .school ? "/submissions/\(id)/confirmation" : "/submissions/\(id)")
            case .refused(let refusal):
                var refused: [Components.FieldError] = []
                if case .hasErrors = refusal {
                } else {
                    refused = [
                        Components.FieldError(
                            id: "/forms/\(form.id)/pages/\(form.sections[0].id)", message: refusal.portalError.message)
                    ]
                }
                let body = ReviewPages(form: form).check(
                    answers, evaluation: result.evaluation, csrf: context.session?.csrfToken ?? "", refused: refused)
                return page("Check your answers", body, context: context, status: .unprocessableContent)
            }
        }
    }

    /// "Check the answers carried from last year" for each page not yet confirmed, linked to it.
    private func unconfirmed(_ answers: DraftAnswers, _ form: FormDefinition) -> [Components.FieldError] {
        form.sections.filter { answers.carried.contains($0.id) }.map { section in
            Components.FieldError(
                id: "/forms/\(form.id)/pages/\(section.id)",
                message: "Check the answers carried from \(answers.carriedFrom) on “\(section.title)”, then continue")
        }
    }

    /// The form the route names, when it is the form the sender fills in.
    private func formFor(_ context: PortalContext, _ sender: Sender) throws -> FormDefinition {
        guard let form = safeguarding.form(for: sender), context.parameters.get("form") == form.id else {
            throw PortalError.notFound()
        }
        return form
    }

    private func sectionIndex(_ form: FormDefinition, _ context: PortalContext) throws -> Int {
        guard let index = form.sections.firstIndex(where: { $0.id == context.parameters.get("section") }) else {
            throw PortalError.notFound()
        }
        return index
    }

    /// The account's draft, or a new one: a school whose return this round was sent back starts from that return,
    /// to correct it rather than type it again; otherwise the answers a form starts with (a school's details from
    /// the register, an officer's district).
    private func draft(_ sender: Sender, _ form: FormDefinition) async throws -> DraftAnswers {
        if let stored = try await safeguarding.draft(by: sender) { return DraftAnswers(stored: stored) }
        if let sentBack = try await safeguarding.returnSentBack(by: sender), let root = StoredJSON.read(sentBack) {
            var answers = DraftAnswers(bound: root, form: form)
            answers.fill(safeguarding.lockedAnswers(by: sender))
            return answers
        }
        var answers = DraftAnswers()
        answers.fill(try await safeguarding.startingAnswers(by: sender))
        return answers
    }

    /// A section's page; after "Add another" or "Undo", focus on the item (`cse.sessions.2`) it brought.
    private func sectionPage(
        _ form: FormDefinition, _ index: Int, answers: DraftAnswers, errors: [String: String], sender: Sender,
        context: PortalContext, focusedItem: String? = nil, fromCheck: Bool = false
    ) -> Response {
        let pages = FormPages(form: form, lockedKeys: Set(safeguarding.lockedAnswers(by: sender).keys))
        let body = pages.section(
            index, answers: answers, errors: errors, csrf: context.session?.csrfToken ?? "",
            stepLabel: "part \(index + 1) of \(form.sections.count)", focusedItem: focusedItem, fromCheck: fromCheck)
        return page(
            form.sections[index].title, body, context: context, status: errors.isEmpty ? .ok : .unprocessableContent)
    }
}

extension Evaluation {
    /// The errors about answers in one section, by answer key, in the words of the page (see `ErrorMessages`): the
    /// field checks and the rules' errors (a session dated outside the collection period), shown where they are
    /// made rather than first at "Check your answers".
    func fieldErrors(inSection section: String, of form: FormDefinition) -> [String: String] {
        var errors: [String: String] = [:]
        for finding in findings where finding.severity == .error && finding.path.hasPrefix("/\(section)/") {
            let key = FormPages.key(ofPointer: finding.path)
            if errors[key] == nil { errors[key] = ErrorMessages.message(for: finding, in: form) }
        }
        return errors
    }
}
