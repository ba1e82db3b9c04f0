import Foundation
import Hummingbird
import Logging
import Records

/// Logs each request by its route, not its path, so no URN, driver number or query reaches the log: the method,
/// the route (`/submissions/{id}`), the status and the time taken, with the request's id (Hummingbird's
/// `hb.request.id`, in every line logged while the request is answered); and counts it in the portal's metrics.
struct RequestLogMiddleware<Context: RequestContext>: RouterMiddleware {
    /// Where requests are counted.
    let metrics: PortalMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        let clock = ContinuousClock()
        let start = clock.now
        do {
            let response = try await next(request, context)
            log(request, context, status: response.status.code, since: start, clock)
            return response
        } catch {
            let status = (error as? any HTTPResponseError)?.status.code ?? 500
            // A refusal is an answer; anything else that reaches here came from the store.
            if !(error is any HTTPResponseError) && !(error is Refusal) { metrics.storeError() }
            log(request, context, status: status, since: start, clock)
            throw error
        }
    }

    private func log(
        _ request: Request, _ context: Context, status: Int, since start: ContinuousClock.Instant,
        _ clock: ContinuousClock
    ) {
        let elapsed = clock.now - start
        metrics.request(
            method: request.method.rawValue, route: context.endpointPath ?? "(no route)", status: status, took: elapsed)
        let milliseconds = Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000
        context.logger.info(
            "\(request.method) \(context.endpointPath ?? "(no route)") \(status) \(String(format: "%.1f", milliseconds)) ms"
        )
    }
}
