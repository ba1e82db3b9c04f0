import FormEngine
import Foundation
import Hummingbird
import ReturnStore

extension Portal {
    func addFormsRoutes(to router: Router<PortalContext>) {
        router.get("/forms/{form}") { _, context in
            let (_, form) = try formFor(context)
            return Self.redirect("/forms/\(form.id)/pages/\(form.sections[0].id)")
        }
        router.get("/forms/{form}/pages/{section}") { _, context in
            let (account, form) = try formFor(context)
            let index = try sectionIndex(form, context)
            let answers = try await draft(account, form)
            return sectionPage(form, index, answers: answers, errors: [:], context: context)
        }
        router.post("/forms/{form}/pages/{section}") { request, context in
            var request = request
            let (account, form) = try formFor(context)
            let index = try sectionIndex(form, context)
            let posted = try await self.form(&request, context)
            var answers = try await draft(account, form)
            answers.replace(section: form.sections[index], with: posted.fields)
            lock(&answers, for: account, form: form)
            let action = posted["action"] ?? "continue"
            let repeats = form.sections[index].fields.filter { $0.type == .repeat }.map {
                "\(form.sections[index].id).\($0.id)"
            }
            if action.hasPrefix("add:") {
                answers.addItem(to: String(action.dropFirst(4)))
            } else if action.hasPrefix("remove:"), let colon = action.lastIndex(of: ":"),
                let item = Int(action[action.index(after: colon)...])
            {
                answers.removeItem(item, from: String(action[action.index(action.startIndex, offsetBy: 7)..<colon]))
            } else {
                for key in repeats { answers.dropEmptyItems(of: key) }
            }
            let saved = answers
            try await Blocking.run {
                try store.saveDraft(accountID: account.id!, formID: form.id, answers: saved.stored)
            }
            switch action {
            case "save":
                return Self.redirect("/?saved=1")
            case "continue":
                let errors = try await evaluate(answers, form).fieldErrors(inSection: form.sections[index].id)
                guard errors.isEmpty else {
                    return sectionPage(form, index, answers: answers, errors: errors, context: context)
                }
                let next =
                    index + 1 < form.sections.count
                    ? "/forms/\(form.id)/pages/\(form.sections[index + 1].id)" : "/forms/\(form.id)/check"
                return Self.redirect(next)
            default:
                return sectionPage(form, index, answers: answers, errors: [:], context: context)
            }
        }
        router.get("/forms/{form}/check") { _, context in
            let (account, form) = try formFor(context)
            let answers = try await draft(account, form)
            let body = ReviewPages(form: form).check(
                answers, evaluation: try await evaluate(answers, form), csrf: context.session?.csrfToken ?? "",
                refused: [])
            return page("Check your answers", body, context: context)
        }
        router.post("/forms/{form}/submit") { request, context in
            var request = request
            let (account, form) = try formFor(context)
            _ = try await self.form(&request, context)
            let answers = try await draft(account, form)
            let collection = try await collection(for: form)
            let evaluation = evaluate(answers.document(for: form), file: "portal", as: form, collection: collection)
            let check = ReviewPages(form: form)
            let csrf = context.session?.csrfToken ?? ""
            func refusal(_ message: String) -> [Components.FieldError] {
                [Components.FieldError(id: "/forms/\(form.id)/pages/\(form.sections[0].id)", message: message)]
            }
            let refused =
                self.refusal(of: evaluation, account: account, form: form, collection: collection).map {
                    refusal($0.message)
                } ?? []
            if !refused.isEmpty || (form.subject == .school && evaluation.decision == .rejected) {
                let body = check.check(answers, evaluation: evaluation, csrf: csrf, refused: refused)
                return page("Check your answers", body, context: context, status: .unprocessableContent)
            }
            switch try await keep(evaluation, account: account, form: form, collection: collection, source: "portal") {
            case .stored(let id, _):
                try await Blocking.run { try store.deleteDraft(accountID: account.id!, formID: form.id) }
                return Self.redirect(form.subject == .school ? "/submissions/\(id)/confirmation" : "/submissions/\(id)")
            case .refused(let reason):
                let body = check.check(answers, evaluation: evaluation, csrf: csrf, refused: refusal(reason))
                return page("Check your answers", body, context: context, status: .unprocessableContent)
            }
        }
    }

    /// The account and the form the route names, when it is the form this account fills in.
    private func formFor(_ context: PortalContext) throws -> (AccountRecord, FormDefinition) {
        let account = try require(context, [.school, .licensing])
        guard let form = formFor(account), context.parameters.get("form") == form.id else {
            throw PortalError.notFound()
        }
        return (account, form)
    }

    private func sectionIndex(_ form: FormDefinition, _ context: PortalContext) throws -> Int {
        guard let index = form.sections.firstIndex(where: { $0.id == context.parameters.get("section") }) else {
            throw PortalError.notFound()
        }
        return index
    }

    /// The account's draft, or a new one: a school's starts with its register details, an officer's with their district.
    private func draft(_ account: AccountRecord, _ form: FormDefinition) async throws -> DraftAnswers {
        if let stored = try await Blocking.run({ try store.draft(accountID: account.id!, formID: form.id) }) {
            return DraftAnswers(stored: stored.answers)
        }
        var answers = DraftAnswers()
        if form.subject == .school, let urn = account.scope,
            let school = try await Blocking.run({ try store.schools().first { $0.urn == urn } })
        {
            let key = form.sections[form.subjectKey.section].id
            answers.values["\(key).urn"] = [school.urn]
            answers.values["\(key).name"] = [school.name]
            if let dfe = school.dfeNumber { answers.values["\(key).dfe_number"] = [dfe] }
            answers.values["\(key).phase"] = [school.phase]
            if let district = try await Blocking.run({ try store.districts().first { $0.id == school.districtID } }) {
                answers.values["\(key).district"] = [district.slug]
            }
        }
        lock(&answers, for: account, form: form)
        return answers
    }

    /// Keeps the answers an account may not change: a school's URN, an officer's district.
    private func lock(_ answers: inout DraftAnswers, for account: AccountRecord, form: FormDefinition) {
        guard let scope = account.scope else { return }
        let location = form.subject == .school ? form.subjectKey : form.districtKey
        guard let location else { return }
        let key = "\(form.sections[location.section].id).\(form.field(at: location).id)"
        answers.values[key] = [scope]
    }

    private func sectionPage(
        _ form: FormDefinition, _ index: Int, answers: DraftAnswers, errors: [String: String], context: PortalContext
    ) -> Response {
        var locked: Set<String> = []
        if let location = form.subject == .school ? form.subjectKey : form.districtKey {
            locked.insert("\(form.sections[location.section].id).\(form.field(at: location).id)")
        }
        let pages = FormPages(form: form, lockedKeys: locked)
        let body = pages.section(
            index, answers: answers, errors: errors, csrf: context.session?.csrfToken ?? "",
            stepLabel: "part \(index + 1) of \(form.sections.count)")
        return page(
            form.sections[index].title, body, context: context, status: errors.isEmpty ? .ok : .unprocessableContent)
    }

    /// The draft checked by the engine, exactly as a file with the same answers would be.
    private func evaluate(_ answers: DraftAnswers, _ form: FormDefinition) async throws -> Evaluation {
        evaluate(answers.document(for: form), file: "portal", as: form, collection: try await collection(for: form))
    }
}

extension Evaluation {
    /// The errors of the field checks in one section, by answer key, in the user's words; a date's message
    /// speaks of its three boxes, not of YYYY-MM-DD.
    func fieldErrors(inSection section: String) -> [String: String] {
        var errors: [String: String] = [:]
        for finding in findings
        where finding.severity == .error && finding.isBuiltIn && finding.path.hasPrefix("/\(section)/") {
            let key = FormPages.key(ofPointer: finding.path)
            guard errors[key] == nil else { continue }
            var message = finding.message
            if finding.rule == "field.type", message.contains("written YYYY-MM-DD"),
                let label = message.split(separator: "\"").first
            {
                message = "\"\(label)\" must be a real date, with a day, a month and a year, like 27 3 2026."
            }
            errors[key] = message
        }
        return errors
    }
}
