import GRDB
import Synchronization

/// The store's writes, run by the one writer connection in batches: each write that arrives while another is running
/// waits, and the writer then runs every waiting write in one transaction, each in a savepoint of its own (a write
/// alone in its batch needs none). A write that throws is undone alone (its savepoint rolled back) and its caller
/// gets the error; the others are committed together, and each caller is answered only once the commit is done, as
/// with a transaction of its own.
///
/// Why: a portal request stored in a transaction of its own paid for the hop to the writer's queue and back, the
/// commit, and the commit's write of every page it changed to the log (the tables' and indexes' last pages, the same
/// ones request after request). Fifty connections posting at once queue behind the writer; run together, those
/// costs are paid once a batch.
final class WriteBatches: Sendable {
    /// A write waiting for the writer: runs its updates in the batch's transaction and gives back how to answer
    /// its caller once the batch is committed, or answers it at once with the batch's failure.
    private struct Waiting: Sendable {
        /// Runs the updates (in a savepoint unless alone in the batch); the answer to give after the commit.
        let run: @Sendable (Database, _ alone: Bool) throws -> @Sendable () -> Void
        /// Answers the caller with the batch's error: the transaction could not be committed.
        let fail: @Sendable (any Error) -> Void
    }

    /// What waits, and whether the writer is at work on a batch (and will take what waits when it is done).
    private struct Queue {
        var waiting: [Waiting] = []
        var writing = false
    }

    /// The pool whose writer runs the batches.
    private let pool: DatabasePool
    /// The writes waiting, behind a lock: callers on any thread add to it, the writer takes from it.
    private let queue = Mutex(Queue())
    /// For a bulk writer, what copies each committed batch from the log into the database beside the writer.
    private let checkpointer: LogCheckpointer?

    /// Batches for the writer of `pool`, each commit followed by a copy of the log by `checkpointer` when given.
    init(pool: DatabasePool, checkpointer: LogCheckpointer? = nil) {
        self.pool = pool
        self.checkpointer = checkpointer
    }

    /// Runs `updates` in a write transaction, with whatever other writes wait with it, and gives back their value
    /// once it is committed; its error, with nothing it wrote kept, if it throws.
    func write<T: Sendable>(_ updates: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            let waiting = Waiting(
                run: { db, alone in
                    // Alone in its batch, a write runs in the batch's transaction itself, and its error fails the
                    // batch: a savepoint has SQLite copy every page it changes to a statement journal first (a
                    // temporary file past 64 KiB until the writer kept it in memory: the command line's 1,024-file
                    // chunks spent twice the system time, and would copy tens of megabytes a chunk still).
                    guard !alone else {
                        let result = try updates(db)
                        return { continuation.resume(returning: result) }
                    }
                    do {
                        var value: T?
                        try db.inSavepoint {
                            value = try updates(db)
                            return .commit
                        }
                        let result = value!
                        return { continuation.resume(returning: result) }
                    } catch {
                        // SQLite rolls the whole transaction back after some errors (a full disk, an I/O error):
                        // then the batch fails as one, for no write before this one is kept either.
                        guard db.isInsideTransaction else { throw error }
                        return { continuation.resume(throwing: error) }
                    }
                },
                fail: { continuation.resume(throwing: $0) })
            let starts = queue.withLock { queue in
                queue.waiting.append(waiting)
                defer { queue.writing = true }
                return !queue.writing
            }
            if starts { writeNextBatch() }
        }
    }

    /// Has the writer take every write waiting, run them in one transaction, answer their callers, and then do the
    /// same again while more wait.
    private func writeNextBatch() {
        pool.asyncWriteWithoutTransaction { db in
            let batch = self.queue.withLock { queue in
                defer { queue.waiting = [] }
                return queue.waiting
            }
            var answers: [@Sendable () -> Void] = []
            answers.reserveCapacity(batch.count)
            do {
                try db.inTransaction {
                    for waiting in batch { answers.append(try waiting.run(db, batch.count == 1)) }
                    return .commit
                }
                self.checkpointer?.committed()
                for answer in answers { answer() }
            } catch {
                for waiting in batch { waiting.fail(error) }
            }
            let more = self.queue.withLock { queue in
                queue.writing = !queue.waiting.isEmpty
                return queue.writing
            }
            if more { self.writeNextBatch() }
        }
    }
}
