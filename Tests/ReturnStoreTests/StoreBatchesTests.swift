import FormEngine
import Foundation
import PostgresNIO
@testable import PostgreSQLStore
import Records
import StoreKinds
import TestSupport
import Testing

/// On PostgreSQL, submissions stored at once (portal requests) are written in shared transactions (`StoreBatches`):
/// each caller's submissions must still be kept with its own sender, source and collection, one caller's failure
/// must be its own, and versions of one subject must still form one chain.
@Suite(.enabled(if: StoreKind.postgresqlURL != nil, Comment(rawValue: StoreKind.skippedBecause)))
struct StoreBatchesTests {
    /// A caller's submission: a driver's application or Oakfield's return, sent by `submitter` from `source`.
    private struct Call: Sendable {
        let prepared: PreparedSubmission
        let context: SubmissionContext
    }

    /// Amir Patel's application made a new driver's: initials in the driver number that `number` (below 676) spells.
    private func application(_ number: Int) throws -> PreparedSubmission {
        let text = try String(contentsOfFile: Paths.examples + "/applications/amir-patel-renewal.yaml", encoding: .utf8)
            .replacingOccurrences(of: "PATEL702238AP9AB", with: "PATEL702238\(initials(number))9AB")
        return PreparedSubmission(
            Validator(catalog: catalog).evaluate(
                Array(text.utf8), file: "application-\(number).yaml", asOf: Day(iso: "2026-10-20")!))
    }

    /// Two letters, AA to ZZ, for a number below 676.
    private func initials(_ number: Int) -> String {
        let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        return String([letters[number / 26], letters[number % 26]])
    }

    /// Oakfield Primary's return to `collection`.
    private func oakfield(_ collection: CollectionRecord) throws -> PreparedSubmission {
        let bytes = try FileBytes.read(Paths.examples + "/returns/oakfield-primary.yaml").get().bytes
        return PreparedSubmission(
            Validator(catalog: catalog).evaluate(
                bytes, file: "oakfield-primary.yaml", asOf: Day(iso: "2026-07-20")!,
                parameters: collection.ruleParameters))
    }

    /// A new PostgreSQL store with the example register imported and the 2025/26 collection open: the store and
    /// the collection.
    private func prepare(_ temporary: TemporaryStore) async throws -> (PostgreSQLStore, CollectionRecord) {
        let store = try #require(temporary.store as? PostgreSQLStore)
        try await temporary.importRegister()
        return (store, try await temporary.openCollection())
    }

    /// `collection` as a collection the database does not hold (removed since the request began, say): a return to
    /// it cannot be kept.
    private static func notHeld(_ collection: CollectionRecord) -> CollectionRecord {
        var gone = collection
        gone.id = 999_999
        return gone
    }

    /// Stores every call at once, each alone in its call to the store: what each caller was told, by position.
    private func storeAtOnce(_ calls: [Call], in store: PostgreSQLStore) async -> [Int: Result<StoreOutcome, any Error>]
    {
        await withTaskGroup(of: (Int, Result<StoreOutcome, any Error>).self) { group in
            for (index, call) in calls.enumerated() {
                group.addTask {
                    do {
                        return (
                            index,
                            .success(try await store.store([call.prepared], context: call.context, catalog: catalog)[0])
                        )
                    } catch {
                        return (index, .failure(error))
                    }
                }
            }
            var told: [Int: Result<StoreOutcome, any Error>] = [:]
            for await (index, result) in group { told[index] = result }
            return told
        }
    }

    @Test("submissions stored at once share transactions, each kept with its own sender, source and collection")
    func eachCallKeepsItsOwnContext() async throws {
        let temporary = try await TemporaryStore(.postgresql)
        let (store, collection) = try await prepare(temporary)
        // Thirty drivers' applications through the API, each from its own officer; Oakfield's return ten times over
        // from the portal, each by another of its staff, to the collection.
        var calls = try (0..<30).map { number in
            Call(
                prepared: try application(number),
                context: SubmissionContext(collection: nil, source: .api, submitter: "officer-\(number)"))
        }
        for number in 0..<10 {
            calls.insert(
                Call(
                    prepared: try oakfield(collection),
                    context: SubmissionContext(collection: collection, source: .portal, submitter: "school-\(number)")),
                at: number * 3)
        }
        let told = await storeAtOnce(calls, in: store)

        var ids: [Int: Int64] = [:]
        var supersedes: [Int64: Int64] = [:]
        for (index, result) in told {
            guard case .success(.stored(let id, let replaced)) = result else {
                Issue.record("call \(index) was not stored: \(result)")
                continue
            }
            ids[index] = id
            if let replaced { supersedes[id] = replaced }
        }
        #expect(ids.count == calls.count)
        for (index, id) in ids {
            let call = calls[index]
            let row = try await store.read { connection in
                try await connection.rows(
                    """
                    SELECT s.submitter, s.source, s.collectionID, e.evaluatedBy, a.actor FROM submission s
                    JOIN evaluation e ON e.submissionID = s.id JOIN audit a ON a.target = 'submission ' || s.id
                    WHERE s.id = \(id)
                    """
                ).first
            }
            let stored = try #require(row)
            #expect(try stored[0].decode(String.self) == call.context.submitter)
            #expect(try stored[1].decode(String.self) == call.context.source.rawValue)
            #expect(try stored[2].decode(Int64?.self) == call.context.collection?.id)
            #expect(try stored[3].decode(String.self) == call.context.submitter)
            #expect(try stored[4].decode(String.self) == call.context.submitter)
        }
        // Oakfield's ten versions are one chain: each but the first supersedes another of them, no two the same one.
        let oakfieldIDs = Set(ids.filter { calls[$0.key].context.collection != nil }.map(\.value))
        let replaced = oakfieldIDs.compactMap { supersedes[$0] }
        #expect(replaced.count == 9)
        #expect(Set(replaced).count == 9)
        #expect(Set(replaced).isSubset(of: oakfieldIDs))
        #expect(oakfieldIDs.subtracting(replaced).count == 1, "one latest version")
        // Forty callers' submissions, committed in fewer transactions than callers.
        let transactions = try await store.read { connection in
            try await connection.values(Int64.self, "SELECT count(DISTINCT xmin::text) FROM submission")
        }
        #expect(try #require(transactions.first) < Int64(calls.count))
    }

    @Test("a caller whose submission the database refuses fails alone; the others in its batch are stored")
    func failingCallFailsAlone() async throws {
        let temporary = try await TemporaryStore(.postgresql)
        let (store, collection) = try await prepare(temporary)
        let gone = Self.notHeld(collection)
        var calls = try (0..<20).map { number in
            Call(
                prepared: try application(number),
                context: SubmissionContext(collection: nil, source: .api, submitter: "officer-\(number)"))
        }
        calls[7] = Call(
            prepared: try oakfield(gone),
            context: SubmissionContext(collection: gone, source: .portal, submitter: "school"))
        let told = await storeAtOnce(calls, in: store)

        for (index, result) in told {
            if index == 7 {
                guard case .failure = result else {
                    Issue.record("the return to a collection that is not there was stored: \(result)")
                    continue
                }
            } else {
                guard case .success(.stored) = result else {
                    Issue.record("call \(index) was not stored: \(result)")
                    continue
                }
            }
        }
        let counts = try await store.read { connection in
            try await connection.values(
                Int64.self,
                """
                SELECT count(*) FROM submission UNION ALL SELECT count(*) FROM evaluation
                UNION ALL SELECT count(*) FROM audit WHERE action = 'submit'
                """)
        }
        #expect(counts == [19, 19, 19])
    }

    @Test(
        "a form's files sent in a transaction that failed are sent again: the next return's evaluation can be replayed")
    func filesOfAFailedTransactionAreKeptLater() async throws {
        let temporary = try await TemporaryStore(.postgresql)
        let (store, collection) = try await prepare(temporary)
        let gone = Self.notHeld(collection)
        let context = SubmissionContext(collection: gone, source: .portal, submitter: "school")
        // The first return of the form fails once its files were sent, with nothing of its transaction kept.
        await #expect(throws: (any Error).self) {
            try await store.store([try oakfield(gone)], context: context, catalog: catalog)
        }
        let outcome = try await store.store(
            [try oakfield(collection)],
            context: SubmissionContext(collection: collection, source: .portal, submitter: "school"),
            catalog: catalog)
        #expect(storedID(outcome[0]) != nil)
        let form = try #require(catalog.forms["section11-school-return"])
        let rules = try #require(catalog.ruleSets["section11-school-return"])
        #expect(try await store.definition(hash: form.hash)?.content == Data(form.bytes))
        #expect(try await store.definition(hash: rules.hash)?.content == Data(rules.bytes))
    }

    /// Runs `body` on a new database with the example register and the 2025/26 collection, opened directly and a
    /// second time through a proxy that can cut its connections; the proxy stops when `body` ends.
    private func withProxied(
        _ body: (_ direct: PostgreSQLStore, _ proxy: CommitCuttingProxy, _ store: PostgreSQLStore) async throws -> Void
    ) async throws {
        let temporary = try await TemporaryStore(.postgresql)
        let (direct, _) = try await prepare(temporary)
        var url = try #require(URLComponents(string: temporary.location))
        let proxy = try CommitCuttingProxy(host: try #require(url.host), port: try #require(url.port))
        defer { proxy.stop() }
        url.port = proxy.port
        try await body(direct, proxy, try await PostgreSQLStore.open(url: try #require(url.string)))
    }

    /// How many submissions the database holds, and of how many drivers and schools.
    private func counted(_ store: PostgreSQLStore) async throws -> (submissions: Int64, subjects: Int64) {
        let row = try await store.read { connection in
            try await connection.rows(
                "SELECT (SELECT count(*) FROM submission), (SELECT count(DISTINCT subjectKey) FROM submission)"
            ).first
        }
        let counts = try #require(row)
        return (try counts[0].decode(Int64.self), try counts[1].decode(Int64.self))
    }

    @Test("a COMMIT whose answer is lost with the connection: the database is asked, and each caller told stored, once")
    func commitAnswerLost() async throws {
        try await withProxied { direct, proxy, store in
            // One caller alone, then twelve at once (sharing transactions); each time, the first transaction's COMMIT
            // reaches the server and its answer is lost.
            proxy.arm(.afterCommit)
            let alone = try await store.store(
                [try application(0)], context: SubmissionContext(collection: nil, source: .api, submitter: "officer-0"),
                catalog: catalog)
            #expect(storedID(alone[0]) != nil)
            proxy.arm(.afterCommit)
            let calls = try (1...12).map { number in
                Call(
                    prepared: try application(number),
                    context: SubmissionContext(collection: nil, source: .api, submitter: "officer-\(number)"))
            }
            for (index, result) in await storeAtOnce(calls, in: store) {
                guard case .success(.stored) = result else {
                    Issue.record("call \(index) was not told stored: \(result)")
                    continue
                }
            }
            #expect(proxy.cuts == 2, "both transactions were cut")
            let counts = try await counted(direct)
            #expect(counts.submissions == 13, "each stored once")
            #expect(counts.subjects == 13)
        }
    }

    @Test("a COMMIT lost before it reaches the database: the caller is told it failed, and nothing is stored")
    func commitLostOnTheWay() async throws {
        try await withProxied { direct, proxy, store in
            let context = SubmissionContext(collection: nil, source: .api, submitter: "officer")
            proxy.arm(.beforeCommit)
            await #expect(throws: (any Error).self) {
                try await store.store([try application(0)], context: context, catalog: catalog)
            }
            #expect(proxy.cuts == 1)
            #expect(try await counted(direct).submissions == 0)
            // Sent again, it is stored.
            let again = try await store.store([try application(0)], context: context, catalog: catalog)
            #expect(storedID(again[0]) != nil)
            #expect(try await counted(direct).submissions == 1)
        }
    }

    @Test("a COMMIT whose answer is lost, and the database not reachable again: the caller is told it may be stored")
    func commitOutcomeUnknown() async throws {
        try await withProxied { direct, proxy, store in
            proxy.arm(.afterCommitThenUnreachable)
            await #expect(throws: Refusal.commitOutcomeUnknown) {
                try await store.store(
                    [try application(0)],
                    context: SubmissionContext(collection: nil, source: .api, submitter: "officer"),
                    catalog: catalog)
            }
            // It was stored: the caller was told to look before sending it again, not that it failed.
            let counts = try await counted(direct)
            #expect(counts.submissions == 1)
        }
    }
}
