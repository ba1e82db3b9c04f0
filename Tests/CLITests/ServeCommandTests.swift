import Foundation
import StoreKinds
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

@Suite("safeguard serve: a real server on a loopback port")
struct ServeCommandTests {
    @Test(
        "it serves pages and the API over HTTP, logs routes and not personal data, and stops cleanly on SIGTERM",
        arguments: StoreKind.available)
    func servesAndStops(_ kind: StoreKind) async throws {
        let folder = try await kind.newFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = StoreKind.database(for: folder)
        let added = try Safeguard.run([
            "users", "add", "--role", "licensing", "--scope", "corby", "--database", database,
        ])
        let token = try #require(added.stdout.split(separator: "\n").last.map(String.init))
        #expect(token.hasPrefix("sg_"))

        let server = try await ServedPortal(database: database, folder: folder)
        defer { server.stop() }
        let process = server.process
        let errURL = server.errors
        let listening = server.port

        let signIn = try HTTP.get(port: listening, path: "/sign-in")
        #expect(signIn.hasPrefix("HTTP/1.1 200 OK"))
        #expect(signIn.contains("Sign in to Safeguard"))
        let missing = try HTTP.get(
            port: listening, path: "/api/v1/submissions/12345", headers: ["Authorization: Bearer \(token)"])
        #expect(missing.hasPrefix("HTTP/1.1 404"))
        #expect(missing.contains("\"status\":404"))
        let wrong = try HTTP.get(
            port: listening, path: "/api/v1/submissions/1", headers: ["Authorization: Bearer sg_not-a-token"])
        #expect(wrong.hasPrefix("HTTP/1.1 401"))
        let counted = try Safeguard.run(["lockouts", "list", "--database", database])
        #expect(counted.stdout.hasPrefix("address 127.0.0.1  1 failures counted  0 lockouts  last "), "by its address")
        #expect(try Safeguard.run(["lockouts", "clear", "address 127.0.0.1", "--database", database]).status == 0)
        let again = try Safeguard.run(["lockouts", "clear", "address 127.0.0.1", "--database", database])
        #expect(again.status == 1 && again.stderr.contains("No client is locked out or has failed sign-ins counted"))

        process.terminate()
        for _ in 0..<100 where process.isRunning { try await Task.sleep(for: .milliseconds(100)) }
        #expect(!process.isRunning, "SIGTERM stops the server")
        #expect(process.terminationStatus == 0, "and it stops cleanly")
        let log = try String(contentsOf: errURL, encoding: .utf8)
        #expect(log.contains("GET /sign-in 200"))
        #expect(log.contains("GET /api/v1/submissions/{id} 404"), "requests are logged by route")
        #expect(
            log.split(separator: "\n").filter { $0.contains("GET /sign-in 200") }.allSatisfy {
                $0.contains("hb.request.id=")
            }, "each request's line carries its id")
        #expect(!log.contains("12345"), "not by the path, which can hold a URN or a driver's number")
        #expect(!log.contains(token))
        #expect(!log.contains("sg_not-a-token"), "a wrong token is never written down")
    }

    @Test("a client that sends nothing, or drips its request's head or body, is cut off; a prompt one is answered")
    func slowClientsAreCutOff() async throws {
        let folder = try Safeguard.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let server = try await ServedPortal(
            database: folder.appendingPathComponent("serve.sqlite").path, folder: folder,
            options: ["--idle-timeout", "2", "--body-timeout", "5"])
        defer { server.stop() }

        let silent = try HTTP.open(port: server.port)
        defer { close(silent) }
        let silentFor = try await HTTP.secondsUntilClosed(silent, dripping: [])
        #expect(silentFor < 4, "a connection that sends nothing is closed after the idle timeout (2 s): \(silentFor)")

        let head = try HTTP.open(port: server.port)
        defer { close(head) }
        let headFor = try await HTTP.secondsUntilClosed(
            head,
            dripping: Array("GET /sign-in HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ".utf8)
                + Array(repeating: 97, count: 40))
        #expect(headFor < 4, "a head dripped a byte at a time must still arrive within the idle timeout: \(headFor)")

        let body = try HTTP.open(port: server.port)
        defer { close(body) }
        let start =
            "POST /sign-in HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
            + "Content-Length: 400\r\n\r\n"
        _ = start.withCString { send(body, $0, strlen($0), Int32(MSG_NOSIGNAL)) }
        let bodyFor = try await HTTP.secondsUntilClosed(body, dripping: Array(repeating: 97, count: 40))
        #expect(
            bodyFor > 3 && bodyFor < 8,
            "a body dripped a byte at a time outlives the idle timeout, but not the body timeout (5 s): \(bodyFor)")

        let prompt = try HTTP.get(port: server.port, path: "/sign-in")
        #expect(prompt.hasPrefix("HTTP/1.1 200 OK"), "a request sent at once is answered as before")
    }
}

/// A minimal HTTP/1.1 client over a socket, so the test needs nothing but the server.
enum HTTP {
    /// The whole response (head and body) to a GET on 127.0.0.1.
    static func get(port: Int, path: String, headers: [String] = []) throws -> String {
        try request("GET", port: port, path: path, headers: headers)
    }

    /// The whole response (head and body) to a request on 127.0.0.1, with a body when given.
    static func request(_ method: String, port: Int, path: String, headers: [String] = [], body: [UInt8] = [])
        throws -> String
    {
        let socket = try open(port: port)
        defer { close(socket) }
        let length = body.isEmpty ? [] : ["Content-Length: \(body.count)"]
        let head =
            (["\(method) \(path) HTTP/1.1", "Host: 127.0.0.1:\(port)", "Connection: close"] + headers + length)
            .joined(separator: "\r\n") + "\r\n\r\n"
        let bytes = Array(head.utf8) + body
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard count > 0 else { throw POSIXError(.EPIPE) }
            sent += count
        }
        var response: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = recv(socket, &buffer, buffer.count, 0)
            if count <= 0 { break }
            response += buffer[0..<count]
        }
        return String(decoding: response, as: UTF8.self)
    }
}

extension HTTP {
    /// A socket connected to 127.0.0.1 on `port`.
    static func open(port: Int) throws -> Int32 {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw POSIXError(.EIO) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            close(socket)
            throw POSIXError(.ECONNREFUSED)
        }
        return socket
    }

    /// Sends `dripping` one byte every quarter of a second and returns the seconds until the server closes the
    /// connection (it gives up after ten seconds, which the caller's expectations then fail on).
    static func secondsUntilClosed(_ socket: Int32, dripping: [UInt8]) async throws -> Double {
        // On a thread of its own: other tests block the shared task threads while their commands run, and a task's
        // sleep could then last seconds longer than asked, which this measures.
        await withCheckedContinuation { continuation in
            Thread {
                let began = ContinuousClock.now
                var next = dripping.makeIterator()
                var buffer = [UInt8](repeating: 0, count: 4096)
                while ContinuousClock.now - began < .seconds(10) {
                    let count = recv(socket, &buffer, buffer.count, Int32(MSG_DONTWAIT))
                    if count == 0 || (count < 0 && errno != EAGAIN && errno != EWOULDBLOCK) { break }
                    if let byte = next.next() {
                        var one = byte
                        if send(socket, &one, 1, Int32(MSG_NOSIGNAL)) < 0 { break }
                    }
                    usleep(250_000)
                }
                let elapsed = ContinuousClock.now - began
                continuation.resume(
                    returning: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
            }.start()
        }
    }
}

/// `safeguard serve` started on a free loopback port, with its output and log in files.
struct ServedPortal {
    /// The running server.
    let process: Process
    /// The port it listens on.
    let port: Int
    /// The file its log (standard error) goes to.
    let errors: URL

    /// Starts the server on `database` with `options`, and waits until it says where it listens.
    init(database: String, folder: URL, options: [String] = []) async throws {
        let outURL = folder.appendingPathComponent("stdout")
        errors = folder.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
        process = Process()
        process.executableURL = Safeguard.binary
        process.arguments = ["serve", "--port", "0", "--database", database] + options
        process.currentDirectoryURL = URL(fileURLWithPath: Paths.root)
        process.standardOutput = try FileHandle(forWritingTo: outURL)
        process.standardError = try FileHandle(forWritingTo: errors)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        var port: Int?
        for _ in 0..<300 where port == nil {
            try await Task.sleep(for: .milliseconds(100))
            let printed = (try? String(contentsOf: outURL, encoding: .utf8)) ?? ""
            if let match = printed.firstMatch(of: /serving on http:\/\/127\.0\.0\.1:(\d+)\//) { port = Int(match.1) }
        }
        guard let port else {
            process.terminate()
            throw POSIXError(.ETIMEDOUT)
        }
        self.port = port
    }

    /// Stops the server if it is still running.
    func stop() {
        if process.isRunning { process.terminate() }
    }
}
