import FormEngine
import Foundation
import Prometheus
import Records

/// What the portal counts, served at `/metrics` in Prometheus's text format: requests by route, method and status,
/// their latency by route, submissions stored by decision, and errors from the store. Labels are routes
/// (`/submissions/{id}`), never paths, so no URN, driver number or token is ever a label.
public final class PortalMetrics: Sendable {
    /// Where the metrics are kept.
    private let registry = PrometheusCollectorRegistry()
    /// The latency buckets, in seconds: from a page served from memory to a slow store.
    private static let buckets: [Duration] = [
        .milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10), .milliseconds(20),
        .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2.5),
        .seconds(5),
    ]

    /// A metric's name (`safeguard_NAME_UNIT`) and its help line.
    private static func named(_ name: String, _ unit: String, _ help: String) -> MetricNameDescriptor {
        MetricNameDescriptor(namespace: "safeguard", metricName: name, unitName: unit, helpText: help)
    }

    /// An empty set of metrics.
    public init() {}

    /// Counts a request answered, and its time.
    func request(method: String, route: String, status: Int, took duration: Duration) {
        registry.makeCounter(
            descriptor: Self.named("http_requests", "total", "Requests answered, by method, route and status."),
            labels: [("method", method), ("route", route), ("status", String(status))]
        ).increment()
        registry.makeDurationHistogram(
            descriptor: Self.named("http_request_duration", "seconds", "How long requests took to answer, by route."),
            labels: [("route", route)], buckets: Self.buckets
        )
        .record(duration)
    }

    /// Counts a submission stored through the portal or the API.
    func stored(_ decision: Decision) {
        registry.makeCounter(
            descriptor: Self.named(
                "submissions_stored", "total", "Submissions stored through the portal and the API, by decision."),
            labels: [("decision", decision.rawValue)]
        ).increment()
    }

    /// Counts a request that failed on an error no refusal explains: the store's (a database that does not answer,
    /// a transaction that failed).
    func storeError() {
        registry.makeCounter(
            descriptor: Self.named(
                "store_errors", "total", "Requests that failed on an error from the store."), labels: []
        ).increment()
    }

    /// Every metric, in Prometheus's text exposition format, with the store's pool use as it stands (`use`, when the
    /// store has a pool).
    func text(poolUse use: (wanted: Int, limit: Int)?) -> [UInt8] {
        if let use {
            registry.makeGauge(
                descriptor: Self.named(
                    "store_connections", "wanted",
                    "Store calls holding a connection of the pool or waiting for one, now."), labels: []
            ).set(Int64(use.wanted))
            registry.makeGauge(
                descriptor: Self.named(
                    "store_connections", "limit", "The most connections this instance's pool holds."), labels: []
            ).set(Int64(use.limit))
        }
        return registry.emitToBuffer()
    }
}
