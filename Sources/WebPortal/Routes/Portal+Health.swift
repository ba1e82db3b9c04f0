import Hummingbird
import UseCases

extension Portal {
    /// What a load balancer or an orchestrator asks: is the process alive (`/healthz`), and can it serve, its
    /// database answering (`/readyz`: 503 while it does not, so traffic goes to an instance whose database does);
    /// and what a monitor scrapes (`/metrics`: counts and latencies by route, never a path or a person).
    func addHealthRoutes(to routes: PortalRoutes) {
        routes.open(.get, "/healthz") { _, _ in Self.text("alive\n", type: "text/plain; charset=utf-8") }
        routes.open(.get, "/readyz") { _, _ in
            guard await safeguarding.storeAnswers() else {
                return Self.text(
                    "not ready: the database does not answer\n", type: "text/plain; charset=utf-8",
                    status: .serviceUnavailable)
            }
            return Self.text("ready\n", type: "text/plain; charset=utf-8")
        }
        routes.open(.get, "/metrics") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: .init(
                    byteBuffer: ByteBuffer(
                        bytes: configuration.metrics.text(poolUse: safeguarding.storeConnectionUse()))))
        }
    }
}
