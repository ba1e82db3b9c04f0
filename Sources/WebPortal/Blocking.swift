import Dispatch

/// Runs blocking work (SQLite) on a dispatch queue, so it never holds one of the few threads Swift concurrency
/// runs the server's requests on.
enum Blocking {
    private static let queue = DispatchQueue(label: "safeguard.portal.store", attributes: .concurrent)

    /// The result of `work`, run off the cooperative thread pool.
    static func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async {
                do { continuation.resume(returning: try work()) } catch { continuation.resume(throwing: error) }
            }
        }
    }
}
