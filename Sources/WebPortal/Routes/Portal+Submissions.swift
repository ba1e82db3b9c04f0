import FormEngine
import GapReports
import Hummingbird
import Records
import UseCases

extension Portal {
    func addSubmissionsRoutes(to routes: PortalRoutes) {
        routes.people(.get, "/submissions", [.school, .licensing, .policy]) { request, context, sender in
            let filter = ListFilter(query: try FormBody.query(request))
            let body: String
            let rounds = try await safeguarding.collections().filter { $0.formID == configuration.schoolForm?.id }
            let titles = CollectionRecord.titles(rounds)
            switch try await safeguarding.submissions(by: sender) {
            case .schoolReturns(let rows):
                body = SubmissionLists.schoolReturns(rows, form: configuration.schoolForm, titles: titles)
            case .applications(let rows, let district):
                // By when the driver's first action falls due, as "Drivers needing action" works it out.
                var due: Set<Int64>?
                if let last = filter.lastDueDay(from: safeguarding.today()) {
                    let analysis = try await safeguarding.driversNeedingAction(by: sender)
                    due = Set(
                        analysis.drivers.filter { driver in
                            DriverAction.all(for: driver, asOf: analysis.asOf).first.map { $0.due <= last } ?? false
                        }.map(\.submission))
                }
                body = SubmissionLists.applications(
                    rows, district: district, form: configuration.driverForm, filter: filter, dueSubmissions: due)
            case .allReturns(let rows):
                body = SubmissionLists.allReturns(rows, form: configuration.schoolForm, filter: filter, rounds: rounds)
            }
            return page("Submissions", body, context: context)
        }
        routes.people(.get, "/submissions/{id}", [.school, .licensing, .policy]) { request, context, sender in
            let flash =
                request.uri.queryParameters["decided"] != nil
                ? "Your decision is recorded."
                : request.uri.queryParameters["checked"] != nil ? "The Update Service check is recorded." : nil
            return try await submissionPage(
                try submissionID(context), sender: sender, decision: DecisionForm(today: safeguarding.today()),
                errors: [], context: context, flash: flash)
        }
        routes.people(.get, "/submissions/{id}/confirmation", [.school, .licensing, .policy]) { _, context, sender in
            let detail = try await safeguarding.submission(try submissionID(context), via: "portal", by: sender)
            guard let form = safeguarding.catalog.forms[detail.record.formID] else { throw PortalError.notFound() }
            let body = ReviewPages(form: form).confirmation(detail.record, evaluation: detail.evaluation)
            return page("Return submitted", body, context: context)
        }
        routes.people(.post, "/submissions/{id}/decision", [.licensing]) { request, context, sender in
            var request = request
            let posted = DecisionForm(posted: try await form(&request, context))
            let id = try submissionID(context)
            var errors: [Components.FieldError]
            switch posted.checked(submission: id) {
            case .errors(let found):
                errors = found
            case .request(let decision):
                do {
                    _ = try await safeguarding.decide(decision, by: sender)
                    return Self.redirect("/submissions/\(id)?decided=1#decision")
                } catch let refusal as Refusal {
                    if case .noSuchSubmission = refusal { throw refusal }
                    errors = [
                        Components.FieldError(id: DecisionForm.field(of: refusal), message: refusal.portalError.message)
                    ]
                }
            }
            return try await submissionPage(
                id, sender: sender, decision: posted, errors: errors, context: context, status: .unprocessableContent)
        }
        routes.people(.post, "/submissions/{id}/dbs-check", [.licensing]) { request, context, sender in
            var request = request
            let posted = DBSCheckForm(posted: try await form(&request, context))
            let id = try submissionID(context)
            var errors: [Components.FieldError]
            switch posted.checked() {
            case .failure(let found):
                errors = found.errors
            case .success(let check):
                let detail = try await safeguarding.submission(id, via: "portal", by: sender)
                do {
                    _ = try await safeguarding.recordDBSCheck(
                        driver: detail.record.subjectKey, on: check.day, result: check.result, note: check.note,
                        by: sender)
                    return Self.redirect("/submissions/\(id)?checked=1#dbs-check")
                } catch let refusal as Refusal {
                    errors = [Components.FieldError(id: "checked-day", message: refusal.portalError.message)]
                }
            }
            return try await submissionPage(
                id, sender: sender, decision: DecisionForm(today: safeguarding.today()), errors: errors,
                context: context, status: .unprocessableContent, check: posted)
        }
        routes.people(.get, "/submissions/{id}/history", [.licensing, .policy]) { _, context, sender in
            let id = try submissionID(context)
            let detail = try await safeguarding.submission(id, via: "portal", by: sender)
            guard let form = safeguarding.catalog.forms[detail.record.formID] else { throw PortalError.notFound() }
            let entries = try await safeguarding.history(of: detail.record.subjectKey, by: sender)
            return page(
                "History of \(detail.record.subjectKey)",
                HistoryPage.html(
                    entries, form: form, from: id, titles: try await collectionTitles()
                ),
                context: context)
        }
        routes.people(.get, "/licensing/register", [.licensing]) { _, context, sender in
            let entries = try await safeguarding.sharedRegisterEntries(by: sender)
            return page(
                "The JOF's shared register",
                SharedRegisterPage.html(entries, own: sender.scope, district: safeguarding.districtLabel),
                context: context)
        }
        routes.people(.get, "/licensing/actions", [.licensing]) { request, context, sender in
            let analysis = try await safeguarding.driversNeedingAction(by: sender)
            let filter = ListFilter(query: try FormBody.query(request))
            return page("Drivers needing action", SubmissionLists.actions(analysis, filter: filter), context: context)
        }
    }

    /// The submission number the route names; a path that is not one is a page not found.
    private func submissionID(_ context: PortalContext) throws -> Int64 {
        guard let id = context.parameters.get("id", as: Int64.self) else { throw PortalError.notFound() }
        return id
    }

    /// A stored submission's page; for the licensing officer, on its latest version, the decision form too.
    private func submissionPage(
        _ id: Int64, sender: Sender, decision: DecisionForm, errors: [Components.FieldError], context: PortalContext,
        flash: String? = nil, status: HTTPResponse.Status = .ok, check: DBSCheckForm? = nil
    ) async throws -> Response {
        let detail = try await safeguarding.submission(id, via: "portal", by: sender)
        guard let form = safeguarding.catalog.forms[detail.record.formID] else { throw PortalError.notFound() }
        var body = Components.errorSummary(errors)
        if let replacement = detail.replacement {
            body +=
                "<div class=\"govuk-inset-text\">This version has been replaced by "
                + "<a class=\"govuk-link\" href=\"/submissions/\(replacement)\">submission \(replacement)</a>.</div>"
        }
        body += ReviewPages(form: form).submission(
            detail.record, evaluation: detail.evaluation, findings: detail.findings,
            collection: try await collectionTitle(detail.collection),
            decisions: detail.decisions)
        if sender.role != .school {
            body +=
                "<p><a class=\"govuk-link\" href=\"/submissions/\(id)/history\">Every version, evaluation, decision "
                + "and check</a></p>"
        }
        if sender.role == .licensing, detail.replacement == nil {
            let csrf = context.session?.csrfToken ?? ""
            body += decision.html(
                submissionID: id, csrf: csrf, errors: check == nil ? errors : [], earlier: detail.decisions.last)
            body += (check ?? DBSCheckForm(today: safeguarding.today())).html(
                submissionID: id, csrf: csrf, errors: check == nil ? [] : errors)
        }
        return page("Submission \(id)", body, context: context, flash: flash, status: status)
    }

    /// A round's title ("2025 to 2026") from its name, or the name when no round has it.
    func collectionTitle(_ name: String?) async throws -> String? {
        guard let name else { return nil }
        return try await collectionTitles()[name] ?? name
    }

    /// Every round's title ("2025 to 2026") by its name.
    func collectionTitles() async throws -> [String: String] {
        CollectionRecord.titles(try await safeguarding.collections())
    }
}
