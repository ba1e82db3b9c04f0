import FormEngine
import GapReports
import Hummingbird
import ReturnStore

extension Portal {
    func addSubmissionsRoutes(to router: Router<PortalContext>) {
        router.get("/submissions") { _, context in
            let account = try require(context, [.school, .licensing, .policy])
            let body = try await Blocking.run { try submissionList(account) }
            return page("Submissions", body, context: context)
        }
        router.get("/submissions/{id}") { request, context in
            let account = try require(context, [.school, .licensing, .policy])
            let record = try await visibleSubmission(context, account)
            let flash = request.uri.queryParameters["decided"] != nil ? "Your decision is recorded." : nil
            let today = configuration.today()
            return try await submissionPage(
                record, account: account, decision: DecisionForm(today: today), errors: [], context: context,
                flash: flash)
        }
        router.get("/submissions/{id}/confirmation") { _, context in
            let account = try require(context, [.school, .licensing, .policy])
            let record = try await visibleSubmission(context, account)
            let evaluation = try await Blocking.run { try store.latestEvaluation(ofSubmission: record.id!) }
            guard let form = catalog.forms[record.formID], let evaluation else { throw PortalError.notFound() }
            let body = ReviewPages(form: form).confirmation(record, evaluation: evaluation)
            return page("Return submitted", body, context: context)
        }
        router.post("/submissions/{id}/decision") { request, context in
            var request = request
            let account = try require(context, [.licensing])
            let posted = DecisionForm(posted: try await form(&request, context))
            let record = try await visibleSubmission(context, account)
            switch posted.checked() {
            case .errors(let errors):
                return try await submissionPage(
                    record, account: account, decision: posted, errors: errors, context: context,
                    status: .unprocessableContent)
            case .decision(let decision):
                do {
                    _ = try await Blocking.run {
                        try store.decide(
                            submissionID: record.id!, outcome: decision.outcome, licenceStart: decision.licenceStart,
                            licenceEnd: decision.licenceEnd, note: decision.note, actor: account.name)
                    }
                } catch let refusal as StoreError {
                    return try await submissionPage(
                        record, account: account, decision: posted,
                        errors: [Components.FieldError(id: "outcome", message: refusal.message)], context: context,
                        status: .unprocessableContent)
                }
                return Self.redirect("/submissions/\(record.id!)?decided=1#decision")
            }
        }
        router.get("/licensing/actions") { _, context in
            let account = try require(context, [.licensing])
            let today = configuration.today()
            let analysis = try await Blocking.run {
                try LicensingAnalysis.make(store: store, catalog: catalog, asOf: today, district: account.scope)
            }
            return page("Drivers needing action", SubmissionLists.actions(analysis), context: context)
        }
    }

    /// The submission the route names, when the account may see it; otherwise 404, so that no one learns
    /// whether another school's return or another district's application exists.
    private func visibleSubmission(_ context: PortalContext, _ account: AccountRecord) async throws
        -> SubmissionRecord
    {
        guard let id = context.parameters.get("id", as: Int64.self),
            let record = try await Blocking.run({ try store.submission(id) }), Self.canSee(record, account)
        else { throw PortalError.notFound() }
        return record
    }

    /// The list of submissions an account may see: a school's own returns (every version), a district's
    /// applications, or every school's latest return.
    private func submissionList(_ account: AccountRecord) throws -> String {
        switch Role(rawValue: account.role) {
        case .school:
            let rows = try store.submissionSummaries(
                subjectKind: Subject.school.rawValue, subjectKey: account.scope ?? "", latestOnly: false, limit: 500)
            return SubmissionLists.schoolReturns(rows, form: configuration.schoolForm)
        case .licensing:
            let rows = try store.submissionSummaries(
                subjectKind: Subject.driver.rawValue, district: account.scope ?? "", latestOnly: true, limit: 1000)
            let district =
                configuration.driverForm?.lists["districts"]?.label(for: account.scope ?? "") ?? account.scope ?? ""
            return SubmissionLists.applications(rows, district: district, form: configuration.driverForm)
        default:
            let rows = try store.submissionSummaries(
                subjectKind: Subject.school.rawValue, latestOnly: true, limit: 5000)
            return SubmissionLists.allReturns(rows, form: configuration.schoolForm)
        }
    }

    /// A stored submission's page; for the licensing officer, on its latest version, the decision form too.
    /// Each view is audited: an application holds a driver's personal data.
    private func submissionPage(
        _ record: SubmissionRecord, account: AccountRecord, decision: DecisionForm, errors: [Components.FieldError],
        context: PortalContext, flash: String? = nil, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let id = record.id!
        let (evaluation, findings, decisions, collection, replacement) = try await Blocking.run {
            let evaluation = try store.latestEvaluation(ofSubmission: id)
            let findings = try evaluation.map { try store.findings(ofEvaluation: $0.id!) } ?? []
            try store.audit(actor: account.name, action: "view", target: "submission \(id)", detail: "portal")
            return (
                evaluation, findings, try store.decisions(onSubmission: id),
                try store.collectionName(ofSubmission: record),
                try store.replacement(ofSubmission: id)
            )
        }
        guard let form = catalog.forms[record.formID], let evaluation else { throw PortalError.notFound() }
        var body = Components.errorSummary(errors)
        if let replacement {
            body +=
                "<div class=\"govuk-inset-text\">This version has been replaced by "
                + "<a class=\"govuk-link\" href=\"/submissions/\(replacement)\">submission \(replacement)</a>.</div>"
        }
        body += ReviewPages(form: form).submission(
            record, evaluation: evaluation, findings: findings, collection: collection, decisions: decisions)
        if Role(rawValue: account.role) == .licensing, replacement == nil {
            body += decision.html(submissionID: id, csrf: context.session?.csrfToken ?? "", errors: errors)
        }
        return page("Submission \(id)", body, context: context, flash: flash, status: status)
    }
}
