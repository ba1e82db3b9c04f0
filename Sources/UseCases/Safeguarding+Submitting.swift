import FormEngine
import Records

extension Safeguarding {
    /// Checks files on every core and stores them a chunk at a time, each chunk in one transaction, handing each
    /// chunk's results to `eachChunk` in the order of `paths` once they are stored: a file reported as stored is.
    public func submit(
        files paths: [String], options: SubmitOptions, by sender: Sender,
        eachChunk: ([SubmitResult]) async throws -> Void
    ) async throws {
        try await submit(files: paths, receivedOn: nil, options: options, by: sender, eachChunk: eachChunk)
    }

    /// As `submit(files:)`, each file received on its own day (`receivedOn`, one a path, when given): recorded so,
    /// and checked as of it unless `options` gives the day to check as of. One pipeline for all the files, so the
    /// cores stay busy across the days.
    func submit(
        files paths: [String], receivedOn days: [Day]?, options: SubmitOptions, by sender: Sender,
        eachChunk: ([SubmitResult]) async throws -> Void
    ) async throws {
        let plan = try await SubmissionPlan(self, options: options, sender: sender)
        let asOfEach = days.map { days in days.map { options.asOf ?? $0 } }
        var handed = 0
        try await validator.evaluate(
            paths: paths, asOfEach: asOfEach ?? Array(repeating: plan.asOf, count: paths.count),
            formID: plan.expectedForm, parametersFor: plan.parameters,
            chunkSize: Self.submitChunkSize(files: paths.count),
            transform: { PreparedSubmission($0) }
        ) { chunk in
            let received = days.map { Array($0[handed..<handed + chunk.count]) }
            handed += chunk.count
            try await eachChunk(
                try await keep(chunk, receivedOn: received, plan: plan, options: options, sender: sender))
        }
    }

    /// How many files `submit` stores in one transaction, of a batch of `count`: each commit waits for the disk and
    /// writes every page it changed, and a large chunk changes each index page for several of its files (a national
    /// submit's 360,000 applications wrote a fifth less in chunks of 4,096 than of 1,024); but the first chunk is
    /// checked before any is stored and the last stored once all are checked, so a chunk is at most a 32nd of the
    /// batch. Between one and four times the checking's chunk: 1,024 to 4,096 files on 2 cores.
    public static func submitChunkSize(files count: Int) -> Int {
        min(Validator.defaultChunkSize * 4, max(Validator.defaultChunkSize, count / 32))
    }

    /// Checks and stores one submission's bytes (a portal form, an API request), for the sender.
    public func submit(_ bytes: [UInt8], file: String, options: SubmitOptions, by sender: Sender) async throws
        -> SubmitResult
    {
        let plan = try await SubmissionPlan(self, options: options, sender: sender)
        let evaluation = validator.evaluate(
            bytes, file: file, asOf: plan.asOf, formID: plan.expectedForm, parametersFor: plan.parameters)
        return try await keep(
            [PreparedSubmission(evaluation)], receivedOn: nil, plan: plan, options: options, sender: sender)[0]
    }

    /// Checks one submission's bytes exactly as `submit` would (the same form, round and date), and stores nothing.
    public func check(_ bytes: [UInt8], file: String, by sender: Sender) async throws -> Evaluation {
        let plan = try await SubmissionPlan(self, options: SubmitOptions(source: .portal), sender: sender)
        let evaluation = validator.evaluate(
            bytes, file: file, asOf: plan.asOf, formID: plan.expectedForm, parametersFor: plan.parameters)
        return try await withSharedRegister([PreparedSubmission(evaluation, keepingFacts: false)])[0].evaluation
    }

    /// The form an account fills in: a school's return, or a licensing officer's driver application.
    public func form(for sender: Sender) -> FormDefinition? {
        switch sender.role {
        case .school: return form(about: .school)
        case .licensing: return form(about: .driver)
        default: return nil
        }
    }

    /// The time a submission received on `day` is recorded as: midday, so that the day reads the same in every
    /// time zone of the United Kingdom's year.
    static func receivedTime(_ day: Day) -> String { day.iso + "T12:00:00Z" }

    /// Stores a chunk of evaluated submissions, a transaction a collection, refusing first what the sender may not
    /// send; the results in the chunk's order. `receivedOn` gives each its own day received, when given.
    private func keep(
        _ checked: [PreparedSubmission], receivedOn days: [Day]?, plan: SubmissionPlan, options: SubmitOptions,
        sender: Sender
    ) async throws -> [SubmitResult] {
        var chunk = try await withSharedRegister(try await withRegisterDistricts(checked))
        if let days, options.receivedOn == nil {
            for index in chunk.indices { chunk[index].receivedAt = Self.receivedTime(days[index]) }
        }
        var outcomes = [StoreOutcome?](repeating: nil, count: chunk.count)
        var groups: [(collection: CollectionRecord?, items: [Int])] = []
        for (index, prepared) in chunk.enumerated() {
            if let refusal = refusal(of: prepared.evaluation, plan: plan, options: options, sender: sender) {
                outcomes[index] = .refused(refusal)
                continue
            }
            let collection = prepared.evaluation.form.flatMap(plan.collection(for:))
            if let group = groups.firstIndex(where: { $0.collection?.id == collection?.id }) {
                groups[group].items.append(index)
            } else {
                groups.append((collection, [index]))
            }
        }
        for group in groups {
            let context = SubmissionContext(
                collection: group.collection, source: options.source, submitter: sender.name,
                allowsUnregistered: options.allowsUnregistered, receivedAt: options.receivedOn.map(Self.receivedTime))
            let stored = try await store.store(group.items.map { chunk[$0] }, context: context, catalog: catalog)
            for (index, outcome) in zip(group.items, stored) { outcomes[index] = outcome }
        }
        var results: [SubmitResult] = []
        for (prepared, outcome) in zip(chunk, outcomes) {
            let collection = prepared.evaluation.form.flatMap(plan.collection(for:))
            var receipt: String?
            if case .stored(let id, _) = outcome!, let mailer {
                receipt = try await sendReceipt(prepared, submission: id, collection: collection, mailer, by: sender)
            }
            results.append(
                SubmitResult(
                    evaluation: prepared.evaluation, outcome: outcome!, collection: collection?.name, receipt: receipt))
        }
        return results
    }

    /// Why a submission may not be stored for this sender, if it may not: it cannot be read or names no subject;
    /// it is a school's return and no round is open; it is another school's or another district's, or not the
    /// account's to send at all; it has errors and was sent from a form that can put them right.
    private func refusal(
        of evaluation: Evaluation, plan: SubmissionPlan, options: SubmitOptions, sender: Sender
    ) -> Refusal? {
        guard evaluation.wasRead, let form = evaluation.form else { return .unreadable }
        guard let subject = evaluation.subjectKey else {
            return .noSubject(field: form.field(at: form.subjectKey).label)
        }
        if form.subject == .school, plan.collection(for: form) == nil { return .noCollectionOpen(form: form.title) }
        if case .account(let account) = sender {
            switch (account.role, form.subject) {
            case (.school, .school):
                if subject != account.scope { return .otherSchool(own: account.scope ?? "") }
            case (.licensing, .driver):
                guard let district = evaluation.district else {
                    return .noDistrict(field: form.districtKey.map { form.field(at: $0).label } ?? "District")
                }
                if district != account.scope { return .otherDistrict(own: districtLabel(account.scope ?? "")) }
            default:
                return .notAllowed(account.role)
            }
        }
        if !options.keepsRejected, evaluation.decision == .rejected {
            return .hasErrors(count: evaluation.count(.error))
        }
        return nil
    }
}
