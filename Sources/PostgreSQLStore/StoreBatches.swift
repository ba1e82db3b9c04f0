import FormEngine
import Records
import Synchronization

/// One caller's submissions to store, with the context they came in and the catalog they were checked with.
struct StoreCall: Sendable {
    /// The submissions, in order.
    let submissions: [PreparedSubmission]
    /// Where they came from, who sent them and the collection they are made to.
    let context: SubmissionContext
    /// The forms and rules they were checked with.
    let catalog: FormCatalog
}

/// The calls that store submissions, written in batches: a call that arrives while a batch is being written waits,
/// and the next batch takes every call waiting, in one transaction of a fixed number of statements. Should a batch of
/// several calls fail, each is written again alone, so that one caller's failure is its own; each call's submissions
/// are stored all together or not at all either way.
///
/// Why: the portal stores one submission a request. In a transaction of its own, each paid for a dozen statements
/// and a commit: 441-515 stored submissions a second on two cores, the database's processes and the server's each
/// using a core, where the command line, a thousand files a transaction, stores 5,400.
final class StoreBatches: Sendable {
    /// A call waiting for the next batch, and how to answer its caller.
    private struct Waiting: Sendable {
        let call: StoreCall
        let continuation: CheckedContinuation<[StoreOutcome], any Error>
    }

    /// What waits, and whether a batch is being written (and will take what waits when it is done).
    private struct Queue {
        var waiting: [Waiting] = []
        var writing = false
    }

    /// The calls waiting, behind a lock: callers on any thread add to it, the batch being written takes from it.
    private let queue = Mutex(Queue())

    /// Creates an empty queue.
    init() {}

    /// Stores `call`'s submissions with whatever other calls wait with it, through `write` (which writes calls in
    /// one transaction and gives back each one's outcomes), and gives back their outcomes once committed.
    func store(
        _ call: StoreCall, write: @escaping @Sendable ([StoreCall]) async throws -> [[StoreOutcome]]
    ) async throws -> [StoreOutcome] {
        try await withCheckedThrowingContinuation { continuation in
            let starts = queue.withLock { queue in
                queue.waiting.append(Waiting(call: call, continuation: continuation))
                defer { queue.writing = true }
                return !queue.writing
            }
            if starts { Task { await self.writeWaiting(write) } }
        }
    }

    /// Writes every call waiting in one batch, answers their callers, and does the same again while more wait.
    private func writeWaiting(_ write: @Sendable ([StoreCall]) async throws -> [[StoreOutcome]]) async {
        while true {
            let batch = queue.withLock { queue in
                let batch = queue.waiting
                queue.waiting = []
                if batch.isEmpty { queue.writing = false }
                return batch
            }
            guard !batch.isEmpty else { return }
            if batch.count > 1, let outcomes = try? await write(batch.map(\.call)) {
                for (waiting, outcome) in zip(batch, outcomes) { waiting.continuation.resume(returning: outcome) }
                continue
            }
            for waiting in batch {
                do {
                    waiting.continuation.resume(returning: try await write([waiting.call])[0])
                } catch {
                    waiting.continuation.resume(throwing: error)
                }
            }
        }
    }
}
