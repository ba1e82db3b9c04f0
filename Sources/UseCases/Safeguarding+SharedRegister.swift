import FormEngine
import Records

/// The Joint Operating Framework's shared register: every district's refusals, suspensions and revocations on
/// safeguarding or road-safety grounds, entered when the decision is recorded, with the data NR3S records, and
/// searched for every application when it is checked or stored and when a licence is granted.
extension Safeguarding {
    /// The rule of the shared register's findings.
    static let sharedRegisterRule = "jof.register-match"

    /// Who an application is about, as the register records and searches people, read through the form's meanings.
    struct RegisterPerson {
        let driverNumber: String?
        let niNumber: String?
        let name: String?
        let dateOfBirth: String?
        /// Whether the applicant declares a refusal, suspension or revocation; nil where the form does not ask.
        let declaredRefusal: Bool?

        init(bound root: Node, form: FormDefinition) {
            func text(_ meaning: Meaning) -> String? { root.text(answering: meaning, in: form) }
            driverNumber = root.text(at: form.path(at: form.subjectKey))
            niNumber = text(.driverNINumber)
            name = text(.driverName)
            dateOfBirth = text(.driverDateOfBirth)
            declaredRefusal = root.answer(to: .driverDeclaredRefusal, in: form)?.scalar.flatMap {
                $0.isPlain ? ["true": true, "false": false][$0.text] : nil
            }
        }

        /// The entries of `register` about this person.
        func matches(in register: [SharedRegisterEntry]) -> [SharedRegisterEntry] {
            register.filter {
                $0.matches(driverNumber: driverNumber, niNumber: niNumber, name: name, dateOfBirth: dateOfBirth)
            }
        }
    }

    /// The entries the register still holds on `day`: those decided in the 11 years before it.
    func sharedRegister(on day: Day) async throws -> [SharedRegisterEntry] {
        try await store.sharedRegister(since: Self.registerKeptSince(day))
    }

    /// The first day of the decisions the register still holds on `day`: 11 years before it.
    static func registerKeptSince(_ day: Day) -> Day { day.adding(months: -12 * SharedRegisterEntry.keptYears) }

    /// Up to this many applications at once are each searched for their own entries; more are searched against the
    /// whole register, read once.
    public static let registerSearchedOneByOneUpTo = 16

    /// The drivers' applications among `submissions`, each with a referral for every register entry about its
    /// driver: the authority, what it decided, when and on what grounds; the reasons only to the district that
    /// decided, or to any where the rules' `share_register_reasons` is true.
    /// `stored` gives each one's submission number when it is a version already stored (revalidation): an entry
    /// made by a decision on that very version is not news about it.
    func withSharedRegister(_ submissions: [PreparedSubmission], stored: [Int64]? = nil) async throws
        -> [PreparedSubmission]
    {
        let drivers = submissions.count { $0.evaluation.form?.subject == .driver }
        guard drivers > 0 else { return submissions }
        // A few applications (the portal's or the API's one) are searched for the entries that may be about each:
        // the whole register was read and decoded for every application a portal page or the API checked (2,674
        // entries in the national sample). A submit's chunk or a revalidation reads it once for all.
        let day = today()
        let whole = drivers > Self.registerSearchedOneByOneUpTo ? try await sharedRegister(on: day) : nil
        if whole?.isEmpty == true { return submissions }
        var searched: [PreparedSubmission] = []
        searched.reserveCapacity(submissions.count)
        for (index, prepared) in submissions.enumerated() {
            searched.append(try await withRegisterMatches(prepared, stored: stored?[index], register: whole, on: day))
        }
        return searched
    }

    /// One application with a referral for every register entry about its driver (see `withSharedRegister`),
    /// searched in `register` when given, else in the entries that may be about the driver.
    private func withRegisterMatches(
        _ prepared: PreparedSubmission, stored: Int64?, register: [SharedRegisterEntry]?, on day: Day
    ) async throws -> PreparedSubmission {
        let evaluation = prepared.evaluation
        guard let form = evaluation.form, form.subject == .driver, let root = prepared.storedAnswers else {
            return prepared
        }
        let person = RegisterPerson(bound: root, form: form)
        let candidates: [SharedRegisterEntry]
        if let register {
            candidates = register
        } else {
            candidates = try await registerCandidates(about: person, on: day)
        }
        let matches = person.matches(in: candidates).filter { $0.submissionID != stored }
        guard !matches.isEmpty else { return prepared }
        let key = form.subjectKey
        let shared = sharesRegisterReasons(form)
        var referred = evaluation
        for entry in matches {
            // The reasons go to the district that decided, and to others only where the districts agreed.
            let reasons =
                entry.reasons.flatMap { shared || entry.authority == evaluation.district ? $0 : nil }
                .map { ": “\($0)”. The sub-committee must consider it." }
                ?? ". The sub-committee must consider it: ask \(districtLabel(entry.authority))'s licensing team "
                + "for the reasons."
            let undeclared =
                person.declaredRefusal == false
                ? " The applicant declared no refusal, suspension or revocation." : ""
            referred = referred.adding(
                Finding(
                    rule: Self.sharedRegisterRule, severity: .refer,
                    path: JSONPointer.make(form.path(at: key)),
                    message: "The JOF's shared register records \(describe(entry))" + reasons + undeclared,
                    mark: evaluation.mark(of: key),
                    values: [
                        ("authority", .string(entry.authority)), ("outcome", .string(entry.outcome.rawValue)),
                        ("decided_on", .string(entry.decidedOn)), ("grounds", .string(entry.grounds.rawValue)),
                    ],
                    source: "NR3S and the Joint Operating Framework: search before every grant (DOMAIN.md 3)"))
        }
        return PreparedSubmission(referred, keepingFacts: prepared.facts != nil)
    }

    /// The register's entries kept on `day` that may be about `person`: those with their driver number, National
    /// Insurance number or date of birth (`RegisterPerson.matches` then compares the names).
    func registerCandidates(about person: RegisterPerson, on day: Day) async throws -> [SharedRegisterEntry] {
        try await store.sharedRegister(
            since: Self.registerKeptSince(day), driverNumber: person.driverNumber, niNumber: person.niNumber,
            dateOfBirth: person.dateOfBirth)
    }

    /// The shared register as a licensing officer reads it: every entry kept today, the newest decision first, each
    /// with its reasons only where the officer's district made the decision or the districts share reasons.
    /// Reading it is audited.
    public func sharedRegisterEntries(by sender: Sender) async throws -> [SharedRegisterEntry] {
        try sender.require([.licensing])
        let shared = form(about: .driver).map(sharesRegisterReasons) ?? false
        let entries = try await sharedRegister(on: today()).sorted {
            ($0.decidedOn, $0.id ?? 0) > ($1.decidedOn, $1.id ?? 0)
        }
        try await store.audit(
            actor: sender.name, action: .view, target: "shared register", detail: "\(entries.count) entries")
        return entries.map { entry in
            guard !shared, entry.authority != sender.scope else { return entry }
            var withheld = entry
            withheld.reasons = nil
            return withheld
        }
    }

    /// True when the rules' `share_register_reasons` says the districts share a decision's reasons in the register.
    func sharesRegisterReasons(_ form: FormDefinition) -> Bool {
        catalog.ruleSets[form.id]?.parameters.first { $0.name == "share_register_reasons" }?.value == .boolean(true)
    }

    /// An entry in words: "a revocation by Corby on 3 March 2026 (effective 24 March 2026), on road-safety grounds".
    func describe(_ entry: SharedRegisterEntry) -> String {
        let what: String
        switch entry.outcome {
        case .refuse: what = "a refusal"
        case .suspend: what = "a suspension"
        case .revoke: what = "a revocation"
        default: what = "a refusal to renew"
        }
        let decided = Day(iso: entry.decidedOn)?.spoken ?? entry.decidedOn
        let effective = entry.effectiveOn.flatMap { Day(iso: $0)?.spoken }.map { " (effective \($0))" } ?? ""
        return "\(what) by \(districtLabel(entry.authority)) on \(decided)\(effective), on "
            + "\(entry.grounds.label.lowercased()) grounds"
    }

    /// The register entry a decision makes: a refusal, refusal to renew, suspension or revocation on safeguarding
    /// or road-safety grounds; nil for any other.
    func registerEntry(
        for request: DecisionRequest, on submission: SubmissionRecord, decidedOn day: Day, effectiveOn: Day?
    ) -> SharedRegisterEntry? {
        guard request.outcome.endsLicence, let grounds = request.grounds, grounds.shared,
            let form = catalog.forms[submission.formID], let root = StoredJSON.read(submission.bound)
        else { return nil }
        let person = RegisterPerson(bound: root, form: form)
        // The current address: the first of the addresses (the form asks for it first), with its postcode.
        let current = root.answer(to: .driverAddresses, in: form)?.items?.first
        let address = current.map { item in
            [Meaning.addressLines, .addressPostcode].compactMap { meaning in
                form.meanings.itemField(of: meaning).flatMap { item[$0]?.scalar?.text }
            }.joined(separator: ", ")
        }
        return SharedRegisterEntry(
            id: nil, driverNumber: person.driverNumber ?? submission.subjectKey, niNumber: person.niNumber,
            name: person.name, dateOfBirth: person.dateOfBirth, address: address.flatMap { $0.isEmpty ? nil : $0 },
            authority: submission.district ?? "",
            outcome: request.outcome, grounds: grounds, decidedOn: day.iso, effectiveOn: effectiveOn?.iso,
            submissionID: submission.id!, reasons: request.note)
    }

    /// Refuses a grant to a driver the register holds an entry about, unless the application was referred to the
    /// sub-committee first: its decision is what a grant then records.
    func checkGrantAgainstRegister(_ submission: SubmissionRecord) async throws {
        guard let form = catalog.forms[submission.formID], let root = StoredJSON.read(submission.bound) else { return }
        let person = RegisterPerson(bound: root, form: form)
        // Only the entries that may be about the driver are read: read whole for each grant, the register's time
        // grew with it (a national sample's decisions slowed from 225 to about 100 a second).
        let matches = person.matches(in: try await registerCandidates(about: person, on: today()))
        guard let entry = matches.last else { return }
        let decisions = try await store.submissionDetail(submission.id!)?.decisions ?? []
        if decisions.contains(where: { $0.outcome == .referToCommittee }) { return }
        throw Refusal.sharedRegisterMatch(describe(entry))
    }
}
