import FormEngine
import Records

extension Safeguarding {
    /// True when versions stored before Safeguarding kept report facts still need theirs: an older database, before
    /// its first report.
    public func reportFactsToFill() async throws -> Bool {
        !(try await store.unfilledSubmissions(limit: 1)).isEmpty
    }

    /// How many stored submissions a batch of `fillReportFacts` reads at once.
    static let factFillBatch = 2_000

    /// Fills the report facts of submissions stored before Safeguarding kept them (a database made by an older
    /// version, which migration v11 lists), from their stored answers through today's forms, once: later calls find
    /// nothing to do. Every report calls this first, so that no report counts without them. A submission to a form
    /// no longer in the catalog keeps no facts; no report reads that form.
    public func fillReportFacts() async throws {
        while true {
            let batch = try await store.unfilledSubmissions(limit: Self.factFillBatch)
            guard let last = batch.last else { return }
            let facts = batch.compactMap { submission -> (submissionID: Int64, facts: ReportFacts)? in
                guard let form = catalog.forms[submission.formID], let root = StoredJSON.read(submission.bound) else {
                    return nil
                }
                return (submission.id, ReportFacts(answers: root, form: form))
            }
            try await store.fillFacts(facts, through: last.id)
        }
    }
}
