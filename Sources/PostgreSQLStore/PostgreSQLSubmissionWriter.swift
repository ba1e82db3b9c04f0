import FormEngine
import Foundation
import PostgresNIO
import Records

/// Writes a batch of submissions inside one transaction in a fixed number of statements, however many there are:
/// what the batch needs from the store is read at once (its subjects locked, their schools, latest versions,
/// first receipts and transfers), each submission is then filed in Swift in turn, exactly as the SQLite store's
/// `SubmissionWriter` files it, and what is stored goes in as multi-row inserts (a statement a table). On a
/// network, a statement is a round trip: twelve a submission held submit to a few hundred a second. The batch may
/// gather several callers' submissions, each caller with its own context (a portal request each).
struct PostgreSQLSubmissionWriter {
    let connection: PostgresConnection
    /// The form and rule files already kept in the database, by hash: not sent again.
    let keptDefinitions: Set<String>
    /// When the batch was received.
    let now: String

    init(connection: PostgresConnection, keptDefinitions: Set<String>) {
        self.connection = connection
        self.keptDefinitions = keptDefinitions
        now = PostgreSQLStore.now()
    }

    /// A submission that can be filed, with what it will be stored as.
    private struct Filed {
        let prepared: PreparedSubmission
        let form: FormDefinition
        /// The rules it was checked with, as its caller's catalog holds them.
        let ruleSet: RuleSet?
        let context: SubmissionContext
        /// The rule parameters it was checked with (its collection's period), as stored with its evaluation.
        let parametersJSON: String
        let bound: String
        let subjectKey: String
        let district: String?
        /// The version it supersedes: a stored number, or the position in this batch of one filed before it.
        let supersedes: Version?
        let receivedAt: String?
        /// When its subject's first version in the collection was received.
        let firstReceivedAt: String
    }

    /// A version: stored before this batch, or filed earlier in it.
    private enum Version {
        case stored(Int64)
        case filed(Int)
    }

    /// A form's subject in a collection (or none): the versions that supersede one another.
    private static func chain(_ formID: String, _ subjectKey: String, _ collectionID: Int64?) -> String {
        PostgreSQLStore.formSubject(formID, subjectKey) + "\u{1F}" + (collectionID.map(String.init) ?? "")
    }

    /// Files and stores each call's submissions, in order, each with its call's context: the outcome of each, by
    /// call, and the hashes of the form and rule files this batch kept.
    func store(_ calls: [StoreCall]) async throws -> (outcomes: [[StoreOutcome]], kept: Set<String>) {
        let readable = calls.flatMap { call in
            call.submissions.compactMap { prepared -> (form: FormDefinition, key: String)? in
                guard let form = prepared.evaluation.form, let key = prepared.evaluation.subjectKey else { return nil }
                return (form, key)
            }
        }
        // One process at a time stores a version of each subject: every subject's lock, taken in one order.
        let locks = Set(readable.map { PostgreSQLStore.formSubject($0.form.id, $0.key) }).sorted()
        try await connection.run(
            "SELECT count(pg_advisory_xact_lock(hashtextextended(k, 0))) FROM (SELECT unnest(\(locks)) AS k ORDER BY 1) l"
        )
        let keys = Array(Set(readable.map(\.key)))
        let schools = try await self.schools(Array(Set(readable.filter { $0.form.subject == .school }.map(\.key))))
        var latest = try await latestVersions(keys)
        var first = try await firstReceipts(keys)
        // The transfers are read only when a driver's latest version is held by another district than the new one's.
        var transfers: Set<Transfer>?

        var outcomes: [[StoreOutcome?]] = []
        var filed: [Filed] = []
        for call in calls {
            let context = call.context
            let collectionID = context.collection?.id
            let parametersJSON = (context.collection?.ruleParameters ?? [:]).evaluationJSON
            var callOutcomes: [StoreOutcome?] = []
            for prepared in call.submissions {
                let evaluation = prepared.evaluation
                guard let form = evaluation.form, let bound = prepared.bound else {
                    callOutcomes.append(.refused(.unreadable))
                    continue
                }
                guard let subjectKey = evaluation.subjectKey else {
                    callOutcomes.append(.refused(.noSubject(field: form.field(at: form.subjectKey).label)))
                    continue
                }
                if let collection = context.collection, collection.formID != form.id {
                    callOutcomes.append(
                        .refused(
                            .collectionForAnotherForm(
                                collection: collection.name, collectionForm: collection.formID, form: form.id)))
                    continue
                }
                var district = evaluation.district
                if form.subject == .school {
                    let school = schools[subjectKey]
                    if school?.status != SchoolStatus.open.rawValue && !context.allowsUnregistered {
                        callOutcomes.append(.refused(.notRegistered(urn: subjectKey, closed: school != nil)))
                        continue
                    }
                    // A school is filed under the register's district, whatever its return says.
                    if let school { district = school.district ?? district }
                }
                let subject = Self.chain(form.id, subjectKey, collectionID)
                let previous = latest[subject]
                // A driver's versions stay with the district that holds them, until a transfer hands them on.
                if form.subject == .driver, let previous, let held = previous.district, held != district {
                    var handedOn = false
                    if case .stored(let id) = previous.version, let district {
                        if transfers == nil { transfers = try await self.transfers(keys) }
                        handedOn = transfers!.contains(
                            Transfer(formID: form.id, subjectKey: subjectKey, after: id, to: district))
                    }
                    guard handedOn else {
                        callOutcomes.append(.refused(.knownToAnotherDistrict(driver: subjectKey)))
                        continue
                    }
                }
                let receivedAt = prepared.receivedAt ?? context.receivedAt
                let own = receivedAt ?? now
                let firstReceived = min(first[subject] ?? own, own)
                first[subject] = firstReceived
                latest[subject] = (.filed(filed.count), district)
                callOutcomes.append(nil)
                filed.append(
                    Filed(
                        prepared: prepared, form: form, ruleSet: call.catalog.ruleSets[form.id], context: context,
                        parametersJSON: parametersJSON, bound: bound, subjectKey: subjectKey, district: district,
                        supersedes: previous?.version, receivedAt: receivedAt, firstReceivedAt: firstReceived))
            }
            outcomes.append(callOutcomes)
        }
        guard !filed.isEmpty else { return (outcomes.map { $0.map { $0! } }, []) }
        let ids = try await PostgreSQLStore.numbers("submission", count: filed.count, connection)
        let kept = try await write(filed, ids: ids)
        var next = filed.makeIterator()
        var position = 0
        let stored = outcomes.map { callOutcomes in
            callOutcomes.map { outcome -> StoreOutcome in
                if let outcome { return outcome }
                let item = next.next()!
                defer { position += 1 }
                return .stored(id: ids[position], supersedes: item.supersedes.map { number($0, ids) })
            }
        }
        return (stored, kept)
    }

    /// A version's submission number.
    private func number(_ version: Version, _ ids: [Int64]) -> Int64 {
        switch version {
        case .stored(let id): return id
        case .filed(let position): return ids[position]
        }
    }

    /// Stores the filed submissions as numbered, each with its evaluation, findings, facts and audit line; the
    /// form and rule files they were checked with that were not yet kept, once each. Gives back those files' hashes.
    private func write(_ filed: [Filed], ids: [Int64]) async throws -> Set<String> {
        let kept = try await PostgreSQLStore.keepDefinitions(
            connection, of: filed.map { ($0.form, $0.ruleSet) }, known: keptDefinitions)
        let supersedes = filed.map { $0.supersedes.map { number($0, ids) } }
        try await connection.insertRows(
            into: "submission",
            columns: [
                "id", "subjectKind", "subjectKey", "district", "collectionID", "formID", "formVersion", "formHash",
                "fileName", "received", "bound", "source", "submitter", "receivedAt", "supersedes",
            ],
            filed.indices.map { index in
                let item = filed[index]
                return [
                    .integer(ids[index]), .text(item.form.subject.rawValue), .text(item.subjectKey),
                    item.district.map { .text($0) }, item.context.collection?.id.map { .integer($0) },
                    .text(item.form.id), .text(item.form.version), .text(item.form.hash),
                    .text(item.prepared.evaluation.file), .bytes(Data(item.prepared.evaluation.received)),
                    .text(item.bound), .text(item.context.source.rawValue), .text(item.context.submitter),
                    .text(item.receivedAt ?? now),
                    supersedes[index].map { .integer($0) },
                ]
            })
        try await PostgreSQLStore.insertEvaluations(
            filed.indices.map { (ids[$0], filed[$0].prepared, filed[$0].parametersJSON, filed[$0].context.submitter) },
            reason: .submitted, at: now, connection)
        try await connection.insertRows(
            into: "audit", columns: ["at", "actor", "action", "target", "detail"],
            filed.indices.map { index in
                let item = filed[index]
                let evaluation = item.prepared.evaluation
                var detail =
                    "\(evaluation.decision.rawValue); form \(item.form.id) \(item.form.version); "
                    + "source \(item.context.source.rawValue)"
                if let receivedAt = item.receivedAt { detail += "; received \(receivedAt)" }
                if let previous = supersedes[index] { detail += "; supersedes \(previous)" }
                return [
                    .text(now), .text(item.context.submitter), .text(AuditAction.submit.rawValue),
                    .text("submission \(ids[index])"), .text(detail),
                ]
            })
        // A version superseded in this same batch is not its subject's latest.
        let replaced = Set(supersedes.compactMap { $0 })
        try await PostgreSQLStore.insertFacts(
            filed.indices.compactMap { index in
                filed[index].prepared.facts.map { facts in
                    PostgreSQLStore.NewFacts(
                        submissionID: ids[index], formID: filed[index].form.id,
                        collectionID: filed[index].context.collection?.id,
                        subjectKey: filed[index].subjectKey, district: filed[index].district,
                        latest: !replaced.contains(ids[index]),
                        decision: filed[index].prepared.evaluation.decision,
                        firstReceivedAt: filed[index].firstReceivedAt, facts: facts)
                }
            }, connection)
        try await PostgreSQLStore.markReplaced(Array(replaced), connection)
        return kept
    }

    /// A school's status and district, as the register holds it.
    private struct School {
        let status: String
        let district: String?
    }

    /// The register's schools among these URNs.
    private func schools(_ urns: [String]) async throws -> [String: School] {
        guard !urns.isEmpty else { return [:] }
        let rows = try await connection.rows(
            """
            SELECT school.urn, school.status, district.slug FROM school
            LEFT JOIN district ON district.id = school.districtID WHERE school.urn = ANY(\(urns))
            """)
        return Dictionary(
            try rows.map {
                (
                    try $0[0].decode(String.self),
                    School(status: try $0[1].decode(String.self), district: try $0[2].decode(String?.self))
                )
            }, uniquingKeysWith: { first, _ in first })
    }

    /// The newest version of each of these subjects' submissions in each collection (and outside any), and its
    /// district, by `chain`.
    private func latestVersions(_ keys: [String]) async throws -> [String: (version: Version, district: String?)] {
        let rows = try await connection.rows(
            """
            SELECT DISTINCT ON (formID, subjectKey, collectionID) formID, subjectKey, collectionID, id, district
            FROM submission s
            WHERE subjectKey = ANY(\(keys)) AND NOT EXISTS (SELECT 1 FROM submission later WHERE later.supersedes = s.id)
            ORDER BY formID, subjectKey, collectionID, id DESC
            """)
        var latest: [String: (version: Version, district: String?)] = [:]
        for row in rows {
            let chain = Self.chain(
                try row[0].decode(String.self), try row[1].decode(String.self), try row[2].decode(Int64?.self))
            latest[chain] = (.stored(try row[3].decode(Int64.self)), try row[4].decode(String?.self))
        }
        return latest
    }

    /// When each of these subjects' first version in each collection (and outside any) was received, by `chain`.
    private func firstReceipts(_ keys: [String]) async throws -> [String: String] {
        let rows = try await connection.rows(
            """
            SELECT formID, subjectKey, collectionID, min(receivedAt) FROM submission
            WHERE subjectKey = ANY(\(keys)) GROUP BY formID, subjectKey, collectionID
            """)
        return Dictionary(
            try rows.map {
                (
                    Self.chain(
                        try $0[0].decode(String.self), try $0[1].decode(String.self), try $0[2].decode(Int64?.self)),
                    try $0[3].decode(String.self)
                )
            }, uniquingKeysWith: { first, _ in first })
    }

    /// A transfer: the versions of a subject, as they stood at `after`, handed to a district.
    private struct Transfer: Hashable {
        let formID: String
        let subjectKey: String
        let after: Int64
        let to: String
    }

    /// The transfers recorded for these subjects.
    private func transfers(_ keys: [String]) async throws -> Set<Transfer> {
        let rows = try await connection.rows(
            "SELECT formID, subjectKey, afterSubmission, toDistrict FROM transfer WHERE subjectKey = ANY(\(keys))")
        return Set(
            try rows.map {
                Transfer(
                    formID: try $0[0].decode(String.self), subjectKey: try $0[1].decode(String.self),
                    after: try $0[2].decode(Int64.self), to: try $0[3].decode(String.self))
            })
    }
}
