import FormEngine

/// Where returns and applications are kept: every submission version with its evaluations, the school register,
/// the rounds of returns, officers' decisions and checks, accounts, sessions, drafts and the audit log.
///
/// The use cases are written against this protocol only, so a second database can be added without touching
/// them: each implementation keeps the same semantics (a stored submission, evaluation or audit line is never
/// changed; a resubmission is a new version that supersedes the latest; what one call writes is written in one
/// transaction, with its audit line) and passes the same tests. Every method may be called from any task.
public protocol ReturnStore: Sendable {
    // MARK: Submissions

    /// Stores evaluated submissions in one transaction, each with its evaluation, its findings and an audit line:
    /// all of them or none. A rejected submission is stored too (it is still a submission received); one that
    /// cannot be read, names no subject, or is a school's return from a school not open in the register (unless
    /// the context allows it) is refused, and its outcome says why. A submission for a subject (and collection)
    /// that already has one supersedes the latest version, which stays.
    func store(_ submissions: [PreparedSubmission], context: SubmissionContext, catalog: FormCatalog) async throws
        -> [StoreOutcome]

    /// A stored submission by number.
    func submission(_ id: Int64) async throws -> SubmissionRecord?

    /// A stored submission with its latest evaluation and findings, decisions, collection and replacement.
    func submissionDetail(_ id: Int64) async throws -> SubmissionDetail?

    /// Every stored version for one school (URN) or driver (licence number), oldest first.
    func history(subjectKey: String) async throws -> [HistoryEntry]

    /// Stored submissions about one kind of subject, newest first: one subject's (every version) or one district's
    /// (latest versions only) when asked, at most `limit`.
    func submissionSummaries(
        subject: Subject, subjectKey: String?, district: String?, latestOnly: Bool, limit: Int
    ) async throws -> [SubmissionSummary]

    /// The newest version of every subject's submission (in each collection), optionally of one form only.
    func latestSubmissionIDs(formID: String?) async throws -> [Int64]

    /// These submissions as stored, each with its latest evaluation and findings and its collection's parameters.
    func storedEvaluations(submissionIDs: [Int64]) async throws -> [StoredEvaluation]

    /// One stored evaluation with its submission and findings, and the definitions it used, by hash.
    func storedEvaluation(_ id: Int64) async throws -> StoredEvaluation?

    /// A kept form or rule file, by its SHA-256.
    func definition(hash: String) async throws -> DefinitionRecord?

    /// Adds an evaluation made again to each of these submissions (revalidation), in one transaction, each with
    /// the parameters it was made with, keeping the definitions it used.
    func addEvaluations(
        _ evaluations: [(submissionID: Int64, prepared: PreparedSubmission, parameters: [String: Value])],
        reason: EvaluationReason, catalog: FormCatalog, actor: String
    ) async throws

    /// The submissions of a form (or of every form) for an export, oldest first: latest versions only unless
    /// `allVersions`.
    func exportedSubmissions(formID: String?, allVersions: Bool) async throws -> [ExportedSubmission]

    // MARK: The register and rounds

    /// Adds or updates these schools in one transaction and closes every open school they do not list; audited.
    func importRegister(_ schools: [SchoolEntry], actor: String) async throws -> RegisterImport

    /// The schools in the register, by URN; only those of `status` when given.
    func schools(status: SchoolStatus?) async throws -> [SchoolRecord]

    /// One school in the register.
    func school(urn: String) async throws -> SchoolRecord?

    /// The districts, by slug.
    func districts() async throws -> [DistrictRecord]

    /// The register's district (its value, such as `corby`) of each of these schools that it holds, by URN.
    func schoolDistricts(urns: [String]) async throws -> [String: String]

    /// Opens a round of returns; refuses a name already used. Audited.
    func openCollection(_ collection: CollectionRecord) async throws -> CollectionRecord

    /// Every collection, oldest first.
    func collections() async throws -> [CollectionRecord]

    // MARK: Licensing

    /// Records an officer's decision, checked against what is stored at that moment: the submission is a driver's
    /// application, its latest version, not rejected when a licence is granted, and not decided before unless the
    /// decision says it replaces that; with its shared register entry, when it makes one. Audited.
    func recordDecision(_ decision: NewDecision, actor: String) async throws -> OfficerDecisionRecord

    /// The shared register's entries decided on or after `since`, oldest first.
    func sharedRegister(since: Day) async throws -> [SharedRegisterEntry]

    /// The shared register's entries decided on or after `since` that may be about one person: those with their
    /// driver number, their National Insurance number or their date of birth, oldest first (the caller compares the
    /// names). What a grant searches, so that it reads a few entries rather than the whole register.
    func sharedRegister(since: Day, driverNumber: String?, niNumber: String?, dateOfBirth: String?) async throws
        -> [SharedRegisterEntry]

    /// Hands a driver's versions to another district: the next version from it continues them. Refused when the
    /// driver has no application, or the latest is already in that district. Audited.
    func recordTransfer(formID: String, subjectKey: String, to district: String, note: String?, actor: String)
        async throws -> TransferRecord

    /// Records an Update Service check on a driver who has an application stored. Audited.
    func recordDBSCheck(
        driverNumber: String, checkedOn: Day, result: DBSCheckResult, note: String?, actor: String
    ) async throws -> DBSCheckRecord

    // MARK: What the reports read

    /// The latest version of each school's return to a form in one collection (or none), with its facts (kept when
    /// it was stored) and its latest evaluation's decision, by submission number.
    func latestReturns(formID: String, collectionID: Int64?) async throws -> [LatestReturn]

    /// The latest version of each driver's application to a form, with its facts, its latest evaluation's decision,
    /// the officers' latest decision on it, and the driver's licence and checks (kept when each was recorded), in
    /// `district` (a value) only when given, by submission number: in parts, one after the other, as the store read
    /// them (joined into one array, a national county's 360,000 were a copy and tens of megabytes of memory for
    /// nothing).
    func latestApplications(formID: String, district: String?) async throws -> [[LatestApplication]]

    /// Submissions stored before facts were kept (by an older version of Safeguard) whose facts are still to be
    /// filled, the oldest first, at most `limit`; none once all are.
    func unfilledSubmissions(limit: Int) async throws -> [UnfilledSubmission]

    /// Keeps the facts filled from stored answers for submissions stored before facts were kept, and notes that
    /// every such submission up to `through` is done.
    func fillFacts(_ facts: [(submissionID: Int64, facts: ReportFacts)], through: Int64) async throws

    /// How many findings of each rule and severity the latest evaluations of these latest submissions hold; those
    /// filed under one district (a value) when given.
    func ruleCounts(formID: String, collectionID: Int64?, district: String?) async throws -> [RuleCount]

    // MARK: Accounts, sessions and drafts

    /// Adds an account (its token already hashed); audited.
    func addAccount(_ account: AccountRecord, actor: String) async throws -> AccountRecord

    /// What a bearer token's request is checked against, read together (one read, not two, on every API request):
    /// the enabled account the token's hash belongs to, and the sending client's throttle record, if it has failed
    /// to sign in.
    func tokenCheck(tokenHash: String, throttleKey: String) async throws -> (
        account: AccountRecord?, throttle: SignInThrottleRecord?
    )

    /// Every account, oldest first.
    func accounts() async throws -> [AccountRecord]

    /// Disables an account and ends its sessions; audited.
    func disableAccount(_ id: Int64, actor: String) async throws

    /// Starts a session (its cookie already hashed), clearing sessions that have ended; audited as a sign-in.
    func startSession(_ session: SessionRecord, accountName: String) async throws -> SessionRecord

    /// The session a cookie's hash belongs to, and its account, while both are valid at `now` (ISO 8601).
    func session(tokenHash: String, now: String) async throws -> (session: SessionRecord, account: AccountRecord)?

    /// Ends a session.
    func endSession(_ id: Int64) async throws

    /// An account's draft of a form.
    func draft(accountID: Int64, formID: String) async throws -> DraftRecord?

    /// Saves an account's draft of a form, replacing the one before.
    func saveDraft(accountID: Int64, formID: String, answers: String) async throws

    /// Deletes an account's draft of a form.
    func deleteDraft(accountID: Int64, formID: String) async throws

    // MARK: Failed sign-ins

    /// Counts a failed sign-in of a client at `now` (ISO 8601) under `policy`, locking it out when the failures reach
    /// the threshold, in one transaction with its audit lines (the failure, `why`; a lockout): several processes
    /// count together. The record as it stands after.
    func recordSignInFailure(key: String, why: String, at now: String, policy: ThrottlePolicy) async throws
        -> SignInThrottleRecord

    /// Forgets a client's failures after it signs in.
    func forgetSignInFailures(key: String) async throws

    /// Every client with failures counted or a lockout, the most recent failure first.
    func signInThrottles() async throws -> [SignInThrottleRecord]

    /// Lifts a client's lockout and forgets its failures; audited. False when there was nothing to lift.
    func clearLockout(key: String, actor: String) async throws -> Bool

    // MARK: Retention and subject access

    /// The records whose period has passed: those of each kind whose period started before its cutoff (ISO 8601),
    /// each marked kept when a licence in force on `liveOn` rests on it (a grant on it, or a transfer after it,
    /// of a driver still held). With `erase`, erases the rest in one transaction (a version's evaluations,
    /// findings and decisions with it, the later version re-pointed at the one before; a driver's checks and
    /// transfers once no version of theirs is left) with one audit line of what went.
    func retention(cutoffs: [RetentionKind: String], liveOn: Day, erase: Bool, actor: String) async throws
        -> [RetentionItem]

    /// Everything held about one school or driver, or nil when nothing is.
    func subjectRecords(subjectKey: String) async throws -> SubjectRecords?

    // MARK: Copying between stores

    /// A page of one of `CopiedRows.tables`: the rows whose `key` is after `after` (from the first when nil), in key
    /// order, at most `limit`, every column as stored.
    func copiedRows(of table: String, key: String, after: CopiedRows.Value?, limit: Int) async throws -> CopiedRows

    /// Inserts rows copied from another store exactly as they were, their numbers too, in one transaction.
    func insertCopiedRows(_ rows: CopiedRows, into table: String) async throws

    /// Ends a copy into this store: its numbering continues after the copied rows, and the copied submissions'
    /// report facts are listed to be filled from their stored answers (as an older database's are).
    func finishCopy() async throws

    // MARK: The audit log and the store's own state

    /// Appends a line to the audit log (nothing, on a store opened only to read, which cannot record it).
    func audit(actor: String, action: AuditAction, target: String, detail: String) async throws

    /// The audit log, oldest first, from the start of `since` when given.
    func auditLog(since: Day?) async throws -> [AuditRecord]

    /// How many calls hold a connection of the store's pool or wait for one now, and how many connections it may
    /// hold; nil for a store without a pool of connections to a server (SQLite).
    func connectionUse() -> (wanted: Int, limit: Int)?
}
