import Dispatch
import Testing

import GapReports

/// A report asked of the portal runs on the long work's threads, so that the event loop that took the request goes
/// on answering its other connections while the report is read, worked out and written.
@Suite struct LongWorkTests {
    /// The label of the Dispatch queue the caller runs on.
    private static func queueLabel() -> String { String(cString: dispatchQueueLabel(nil)) }

    @Test("long work, and what follows each of its waits, runs on the long work's queue, not the caller's")
    func runsOnItsOwnQueue() async throws {
        let labels = try await LongWork.run {
            var labels = [Self.queueLabel()]
            try await Task.sleep(for: .milliseconds(5))
            labels.append(Self.queueLabel())
            // A child task the work waits for runs there too.
            async let child = Self.queueLabel()
            labels.append(await child)
            return labels
        }
        #expect(labels == Array(repeating: "safeguard.long-work", count: 3))
        #expect(Self.queueLabel() != "safeguard.long-work", "the caller is back where it was")
    }
}

/// libdispatch's `dispatch_queue_get_label`: given no queue, the label of the queue the caller runs on.
@_silgen_name("dispatch_queue_get_label")
private func dispatchQueueLabel(_ queue: OpaquePointer?) -> UnsafePointer<CChar>
