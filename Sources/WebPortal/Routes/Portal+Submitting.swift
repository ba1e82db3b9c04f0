import FormEngine
import Hummingbird
import ReturnStore

/// What the portal's pages and the API share when a submission arrives: the same evaluation, the same scope
/// checks, the same store.
extension Portal {
    /// The round a submission to `form` goes to: the newest collection for a school's return; none for a
    /// driver's application, which belongs to no round.
    func collection(for form: FormDefinition) async throws -> CollectionRecord? {
        guard form.subject == .school else { return nil }
        return try await Blocking.run { try newestCollection(for: form.id) }
    }

    /// A submission's bytes checked by the engine as `form`, with the round's period for a school's return:
    /// exactly as `safeguard submit` checks a file.
    func evaluate(_ bytes: [UInt8], file: String, as form: FormDefinition, collection: CollectionRecord?) -> Evaluation
    {
        Validator(catalog: catalog).evaluate(
            bytes, file: file, asOf: configuration.today(), formID: form.id,
            parameters: collection?.ruleParameters ?? [:])
    }

    /// Why this account may not send this submission, if it may not, with the status the API answers: one that
    /// names no subject or no district cannot be filed (422); a school's return with no round open (409); another
    /// school's URN or another district's driver (403).
    func refusal(
        of evaluation: Evaluation, account: AccountRecord, form: FormDefinition, collection: CollectionRecord?
    ) -> PortalError? {
        func unanswered(_ location: FieldLocation) -> PortalError {
            .unprocessable("It has no valid answer to \"\(form.field(at: location).label)\", so it cannot be filed.")
        }
        guard let subject = evaluation.subjectKey else { return unanswered(form.subjectKey) }
        switch form.subject {
        case .school:
            guard collection != nil else {
                return PortalError(
                    status: .conflict, message: "No round of returns is open, so a return cannot be sent yet.")
            }
            if subject != account.scope {
                return .forbidden("You can only send your own school's return (URN \(account.scope ?? "")).")
            }
        case .driver:
            guard let district = evaluation.district else {
                return form.districtKey.map(unanswered) ?? .forbidden("This form names no district.")
            }
            if district != account.scope {
                return .forbidden("You can only enter applications for your own district (\(account.scope ?? "")).")
            }
        }
        return nil
    }

    /// Stores an evaluated submission as the account's, from `source` (`portal` or `api`).
    func keep(
        _ evaluation: Evaluation, account: AccountRecord, form: FormDefinition, collection: CollectionRecord?,
        source: String
    ) async throws -> StoreOutcome {
        let context = SubmissionContext(collection: collection, source: source, submitter: account.name)
        let (store, catalog) = (self.store, self.catalog)
        return try await Blocking.run {
            try store.store(
                [evaluation], context: context, catalog: catalog, parameters: collection?.ruleParameters ?? [:])[0]
        }
    }
}
