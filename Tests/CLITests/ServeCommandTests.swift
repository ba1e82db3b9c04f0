import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

@Suite("safeguard serve: a real server on a loopback port")
struct ServeCommandTests {
    @Test("it serves pages and the API over HTTP, logs routes and not personal data, and stops cleanly on SIGTERM")
    func servesAndStops() async throws {
        let folder = try Safeguard.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = folder.appendingPathComponent("serve.sqlite").path
        let added = try Safeguard.run([
            "users", "add", "--role", "licensing", "--scope", "corby", "--database", database,
        ])
        let token = try #require(added.stdout.split(separator: "\n").last.map(String.init))
        #expect(token.hasPrefix("sg_"))

        let outURL = folder.appendingPathComponent("stdout")
        let errURL = folder.appendingPathComponent("stderr")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let process = Process()
        process.executableURL = Safeguard.binary
        process.arguments = ["serve", "--port", "0", "--database", database]
        process.currentDirectoryURL = URL(fileURLWithPath: Safeguard.root)
        process.standardOutput = try FileHandle(forWritingTo: outURL)
        process.standardError = try FileHandle(forWritingTo: errURL)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { process.terminate() } }

        var port: Int?
        for _ in 0..<300 where port == nil {
            try await Task.sleep(for: .milliseconds(100))
            let printed = (try? String(contentsOf: outURL, encoding: .utf8)) ?? ""
            if let match = printed.firstMatch(of: /serving on http:\/\/127\.0\.0\.1:(\d+)\//) { port = Int(match.1) }
        }
        let listening = try #require(port, "the server says where it listens")

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
        #expect(!log.contains("12345"), "not by the path, which can hold a URN or a driver's number")
        #expect(!log.contains(token))
        #expect(!log.contains("sg_not-a-token"), "a wrong token is never written down")
    }
}

/// A minimal HTTP/1.1 client over a socket, so the test needs nothing but the server.
enum HTTP {
    /// The whole response (head and body) to a GET on 127.0.0.1.
    static func get(port: Int, path: String, headers: [String] = []) throws -> String {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw POSIXError(.EIO) }
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else { throw POSIXError(.ECONNREFUSED) }
        let request =
            (["GET \(path) HTTP/1.1", "Host: 127.0.0.1:\(port)", "Connection: close"] + headers).joined(
                separator: "\r\n")
            + "\r\n\r\n"
        _ = request.withCString { send(socket, $0, strlen($0), 0) }
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
