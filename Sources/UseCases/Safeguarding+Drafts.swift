import FormEngine
import Records

extension Safeguarding {
    /// The account's draft of its form, as the JSON the portal saved, if there is one.
    public func draft(by sender: Sender) async throws -> String? {
        guard case .account(let account) = sender, let form = form(for: sender) else { return nil }
        return try await store.draft(accountID: account.id!, formID: form.id)?.answers
    }

    /// Saves the account's draft of its form, replacing the one before.
    public func saveDraft(_ answers: String, by sender: Sender) async throws {
        guard case .account(let account) = sender, let form = form(for: sender) else {
            throw Refusal.notAllowed(sender.role ?? .admin)
        }
        try await store.saveDraft(accountID: account.id!, formID: form.id, answers: answers)
    }

    /// Deletes the account's draft of its form, once it has been sent.
    public func deleteDraft(by sender: Sender) async throws {
        guard case .account(let account) = sender, let form = form(for: sender) else { return }
        try await store.deleteDraft(accountID: account.id!, formID: form.id)
    }

    /// The answers a new form starts with, by `section.field` key: a school's return with the school's details from
    /// the register (its URN, name, DfE number, phase, type and district, each put where the form's meanings say), a
    /// licensing officer's application with their district. The answers the account may not change are among them.
    public func startingAnswers(by sender: Sender) async throws -> [String: String] {
        guard let form = form(for: sender), let scope = sender.scope else { return [:] }
        var answers = lockedAnswers(by: sender)
        guard form.subject == .school, let school = try await store.school(urn: scope) else { return answers }
        answers[form.key(of: form.subjectKey)] = school.urn
        for (meaning, value) in [
            (Meaning.schoolName, school.name), (.dfeNumber, school.dfeNumber), (.phase, school.phase),
        ] {
            if let location = form.meanings.location(of: meaning), let value { answers[form.key(of: location)] = value }
        }
        // The register's type of establishment as GIAS writes it ("Academy converter"), as the form's choice.
        if let field = form.field(for: .schoolType), let location = form.meanings.location(of: .schoolType),
            let option = field.choices?.option(describedBy: school.typeName)
        {
            answers[form.key(of: location)] = option.value
        }
        if let key = form.districtKey,
            let district = try await store.districts().first(where: { $0.id == school.districtID })
        {
            answers[form.key(of: key)] = district.slug
        }
        return answers
    }

    /// The answers (as bound, JSON) of a school's latest return to the newest round, when it was sent back to
    /// correct: what a corrected return starts from. Nil for anyone else, or a return not sent back.
    public func returnSentBack(by sender: Sender) async throws -> String? {
        guard sender.role == .school, let urn = sender.scope, let form = form(about: .school),
            let round = try await store.collections().last(where: { $0.formID == form.id })
        else { return nil }
        let latest = try await store.history(subjectKey: urn).last { $0.collection == round.name }
        guard let latest, latest.supersededBy == nil, latest.evaluations.last?.record.decision == .rejected else {
            return nil
        }
        return latest.submission.bound
    }

    /// The school's latest return to a round before the newest, as bound JSON, with that round: what a new year's
    /// return can start from. Nil for anyone but a school, or a school with no return to an earlier round.
    public func lastYearsReturn(by sender: Sender) async throws -> (answers: String, round: CollectionRecord)? {
        guard sender.role == .school, let earlier = try await schoolHome(by: sender).lastYearsReturn,
            let round = try await store.collections().first(where: { $0.name == earlier.collection })
        else { return nil }
        return (earlier.submission.bound, round)
    }

    /// The answers an account may not change, by `section.field` key: a school's URN and the day it declares (today),
    /// a licensing officer's district.
    public func lockedAnswers(by sender: Sender) -> [String: String] {
        guard let form = form(for: sender), let scope = sender.scope else { return [:] }
        let location = form.subject == .school ? form.subjectKey : form.districtKey
        var answers = location.map { [form.key(of: $0): scope] } ?? [:]
        // A school declares on the day it sends its return: the server records the date, not the school.
        if form.subject == .school, let declared = form.meanings.location(of: .declaredOn) {
            answers[form.key(of: declared)] = today().iso
        }
        return answers
    }
}
