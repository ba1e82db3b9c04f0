import Dispatch

/// Where long work runs: a report is read, worked out and written in about a second on a national county, and on
/// the event loop that took a portal request (where `serve` runs Swift's tasks) it would hold up every other
/// connection of that loop for as long. On Dispatch's threads instead, the loops go on answering.
public final class LongWork: TaskExecutor {
    /// The one executor long work shares.
    public static let executor = LongWork()

    private let queue = DispatchQueue(label: "safeguard.long-work", attributes: .concurrent)

    /// Runs a job on one of Dispatch's threads.
    public func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        queue.async { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }

    /// Runs `work`, and every task it awaits, on Dispatch's threads rather than the event loops.
    public static func run<T>(_ work: () async throws -> T) async throws -> T {
        try await withTaskExecutorPreference(executor) { try await work() }
    }
}
