import ArgumentParser
import FormEngine
import Foundation
import Hummingbird
import Logging
import NIOCore
import NIOPosix
import Records
import UseCases
import WebPortal

/// `safeguard serve`: the web portal and the JSON API, until SIGTERM or SIGINT.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve the web portal and the JSON API.",
        discussion: """
            People sign in at http://HOST:PORT/sign-in with a token from 'safeguard users add'; programs send it as \
            'Authorization: Bearer <token>' to /api/v1 (described at /api/v1/openapi.yaml). Stops gracefully on \
            SIGTERM and SIGINT: requests under way are finished first.
            """
    )

    @OptionGroup var common: CommonOptions
    @OptionGroup var mail: MailOptions

    @Option(help: "The address to listen on.")
    var host: String = "127.0.0.1"
    @Option(help: "The port to listen on (0: any free port).")
    var port: Int = 8080
    @Option(name: .customLong("session-hours"), help: "How long a sign-in lasts, in hours.")
    var sessionHours: Int = 8
    @Flag(name: .customLong("secure-cookies"), help: "Mark cookies Secure: use when the portal is served over HTTPS.")
    var secureCookies = false
    @Flag(
        name: .customLong("behind-proxy"),
        help: "Behind a proxy that adds the client's address to X-Forwarded-For: count failed sign-ins by it.")
    var behindProxy = false
    @Option(
        name: .customLong("idle-timeout"),
        help: "Seconds a request's head may take to arrive, from the connection or the last response.")
    var idleTimeout: Int = 15
    @Option(name: .customLong("body-timeout"), help: "Seconds a request's body may take to arrive in full.")
    var bodyTimeout: Int = 60

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be from 0 to 65535.") }
        guard (1...24 * 7).contains(sessionHours) else {
            throw ValidationError("--session-hours must be from 1 to 168.")
        }
        for (name, seconds) in [("idle", idleTimeout), ("body", bodyTimeout)]
        where !(1...3600).contains(seconds) {
            throw ValidationError("--\(name)-timeout must be from 1 to 3600 seconds.")
        }
    }

    /// Has Swift's tasks run on the server's event loops, as SwiftNIO offers, not on a pool of threads of their own:
    /// a request's handler then runs on the thread that read it and writes its answer there, where each `await` had
    /// moved it to another thread and back (a check through the API took a third less of the server's CPU: README,
    /// "Load", stop 36). To be called once, on the main thread, before the command runs.
    static func runTasksOnTheEventLoops() {
        NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
    }

    func run() async throws {
        let safeguarding = try await common.safeguarding(mailer: mail.mailer)
        if try await safeguarding.accounts(by: .commandLine("serve")).allSatisfy({ $0.disabledAt != nil }) {
            printError(
                "note: there are no accounts yet, so no one can sign in. Add one with 'safeguard users add --role admin'."
            )
        }
        // Before the first request, not in it: a report page would otherwise wait for the whole fill.
        try await fillReportFactsSayingSo(safeguarding)
        var logger = Logger(label: "safeguard.portal")
        logger.logLevel = .info
        let portal = Portal(
            configuration: PortalConfiguration(
                safeguarding: safeguarding, sessionSeconds: sessionHours * 3600, secureCookies: secureCookies,
                behindProxy: behindProxy, idleSeconds: idleTimeout,
                bodySeconds: bodyTimeout))
        let host = self.host
        let app = portal.application(host: host, port: port, logger: logger) { port in
            printOut("Safeguard is serving on http://\(host):\(port)/ (stop with Ctrl-C)\n")
        }
        try await app.runService()
    }
}
