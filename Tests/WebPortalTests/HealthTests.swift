import Foundation
import Hummingbird
import HummingbirdTesting
import StoreKinds
import Testing

@Suite("What a load balancer asks: alive, and ready to serve")
struct HealthTests {
    @Test("/healthz answers while the process runs; /readyz while the database answers", arguments: StoreKind.available)
    func aliveAndReady(_ kind: StoreKind) async throws {
        let fixture = try await PortalFixture(kind)
        try await fixture.test { client in
            let alive = try await client.execute(uri: "/healthz", method: .get)
            #expect(alive.status == .ok && String(buffer: alive.body) == "alive\n")
            let ready = try await client.execute(uri: "/readyz", method: .get)
            #expect(ready.status == .ok && String(buffer: ready.body) == "ready\n")
        }
    }

    @Test(
        "when the database goes away, /readyz says 503 so traffic goes elsewhere, and /healthz still answers",
        .enabled(if: StoreKind.postgresqlURL != nil, Comment(rawValue: StoreKind.skippedBecause)))
    func databaseGone() async throws {
        let fixture = try await PortalFixture(.postgresql)
        try await StoreKind.dropDatabase(at: fixture.location)
        try await fixture.test { client in
            let ready = try await client.execute(uri: "/readyz", method: .get)
            #expect(ready.status == .serviceUnavailable)
            #expect(String(buffer: ready.body) == "not ready: the database does not answer\n")
            #expect(try await client.execute(uri: "/healthz", method: .get).status == .ok)
        }
    }
}
