import FormEngine
import Records

/// The decisions made once for a batch of submissions, whichever door they came through: the date they are
/// evaluated on, the form expected, and the round each goes to (the one named, else the newest for its form,
/// whose period is the rule parameters they are checked with).
struct SubmissionPlan: Sendable {
    /// The evaluation date.
    let asOf: Day
    /// The collection named by the sender.
    let named: CollectionRecord?
    /// The newest collection of each school form, by form id.
    let newest: [String: CollectionRecord]
    /// The form every submission must answer, when it is known: the account's, or the named collection's.
    let expectedForm: String?

    init(_ cases: Safeguarding, options: SubmitOptions, sender: Sender) async throws {
        asOf = options.asOf ?? cases.today()
        let form = cases.form(for: sender)
        // A driver's application belongs to no round: an account that sends only those reads none, unless it names one.
        let needsRounds = options.collection != nil || form?.subject != .driver
        let collections = needsRounds ? try await cases.store.collections() : []
        if let name = options.collection {
            guard let found = collections.first(where: { $0.name == name }) else {
                throw Refusal.noSuchCollection(name)
            }
            named = found
        } else {
            named = nil
        }
        var newest: [String: CollectionRecord] = [:]
        for collection in collections where cases.catalog.forms[collection.formID]?.subject == .school {
            newest[collection.formID] = collection
        }
        self.newest = newest
        expectedForm = form?.id ?? named?.formID
    }

    /// The round a submission to `form` goes to: the named one, else the newest for a school's form; none for a
    /// driver's application, which belongs to no round.
    func collection(for form: FormDefinition) -> CollectionRecord? {
        named ?? (form.subject == .school ? newest[form.id] : nil)
    }

    /// The rule parameters a submission to `form` is checked with: its round's period.
    var parameters: @Sendable (FormDefinition) -> [String: Value] {
        let plan = self
        return { form in plan.collection(for: form)?.ruleParameters ?? [:] }
    }
}
