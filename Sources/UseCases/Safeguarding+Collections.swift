import FormEngine
import Records

extension Safeguarding {
    /// Opens a round of returns for a school form: a new name, a period that starts before it ends. Drivers'
    /// applications are made at any time and belong to no round. Audited.
    public func openCollection(
        _ name: String, formID: String, periodStart: Day, periodEnd: Day, due: Day, by sender: Sender
    ) async throws -> (collection: CollectionRecord, form: FormDefinition) {
        try sender.require([.policy, .admin])
        let form = try form(formID)
        guard form.subject == .school else { throw Refusal.noRoundsFor(form: form.title) }
        guard periodStart <= periodEnd else { throw Refusal.periodReversed(start: periodStart, end: periodEnd) }
        let collection = try await store.openCollection(
            CollectionRecord(
                id: nil, name: name, formID: formID, periodStart: periodStart.iso, periodEnd: periodEnd.iso,
                due: due.iso, openedBy: sender.name, openedAt: Self.now()))
        return (collection, form)
    }

    /// Every round of returns, oldest first.
    public func collections() async throws -> [CollectionRecord] {
        try await store.collections()
    }
}
