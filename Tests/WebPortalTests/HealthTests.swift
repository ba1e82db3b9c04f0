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

    @Test(
        "/metrics counts requests by route and status, submissions by decision, the pool's use, never a path or a person",
        arguments: StoreKind.available)
    func metrics(_ kind: StoreKind) async throws {
        let fixture = try await PortalFixture(kind)
        let driver = "BEGUM805176B99RA"
        let yaml = try fixture.application(district: "corby", driverNumber: driver)
        try await fixture.test { client in
            let api = APICaller(client: client, token: fixture.tokens["corby"]!)
            #expect(try await api.send(.post, "/api/v1/submissions", body: yaml).status == .created)
            #expect(try await api.send(.get, "/api/v1/submissions/99999").status == .notFound)
            _ = try await client.execute(uri: "/healthz", method: .get)
            let scraped = try await client.execute(uri: "/metrics", method: .get)
            #expect(scraped.status == .ok)
            let text = String(buffer: scraped.body)
            for line in [
                #"safeguard_http_requests_total{method="POST",route="/api/v1/submissions",status="201"} 1"#,
                #"safeguard_http_requests_total{method="GET",route="/api/v1/submissions/{id}",status="404"} 1"#,
                #"safeguard_http_requests_total{method="GET",route="/healthz",status="200"} 1"#,
                #"safeguard_http_request_duration_seconds_count{route="/api/v1/submissions"} 1"#,
            ] {
                #expect(text.contains(line + "\n"), "\(line)")
            }
            #expect(text.contains(#"safeguard_submissions_stored_total{decision=""#))
            if kind == .postgresql {
                // The tests' databases are opened with a pool of 2; this scrape is the only call at the moment.
                #expect(text.contains("safeguard_store_connections_limit 2.0\n"))
                #expect(text.contains("safeguard_store_connections_wanted 0.0\n"))
            } else {
                #expect(!text.contains("safeguard_store_connections"), "a SQLite file has no pool")
            }
            #expect(!text.contains("99999") && !text.contains(driver) && !text.contains("sg_"), "no path, no person")
        }
    }
}
