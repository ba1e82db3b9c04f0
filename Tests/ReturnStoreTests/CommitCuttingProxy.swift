import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// A TCP proxy on 127.0.0.1 in front of a PostgreSQL server that, once armed, loses the connection of the next
/// transaction that stores a submission at its `COMMIT`, as a network cut or a server's restart would: with
/// `.afterCommit`, the `COMMIT` reaches the server and its answer never reaches the client; with `.beforeCommit`, the
/// `COMMIT` never reaches the server; with `.afterCommitThenUnreachable`, as `.afterCommit` and nothing can connect
/// again. Every other byte is passed on as it comes.
final class CommitCuttingProxy: Sendable {
    /// Where the connection is lost.
    enum Cut: Sendable {
        case afterCommit
        case beforeCommit
        /// As `afterCommit`, and the proxy then stops listening: the server cannot be reached again.
        case afterCommitThenUnreachable
    }

    /// The port it listens on.
    let port: Int
    private let listener: Int32
    private let upstream: sockaddr_in
    /// The cut armed, if any, and how many connections were cut.
    private let armed = Mutex<(cut: Cut?, cuts: Int)>((nil, 0))

    /// Listens on a free port of 127.0.0.1 and passes connections on to `host` (an IPv4 address) and `port`.
    init(host: String, port upstreamPort: Int) throws {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(upstreamPort).bigEndian)
        guard inet_pton(AF_INET, host, &address.sin_addr) == 1 else { throw ProxyError("not an IPv4 address: \(host)") }
        upstream = address
        let listening = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var local = sockaddr_in()
        local.sin_family = sa_family_t(AF_INET)
        local.sin_addr.s_addr = inet_addr("127.0.0.1")
        var size = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &local) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { address in
                bind(listening, address, size) == 0 && listen(listening, 64) == 0
                    && getsockname(listening, address, &size) == 0
            }
        }
        guard bound else { throw ProxyError("cannot listen on 127.0.0.1: errno \(errno)") }
        listener = listening
        port = Int(UInt16(bigEndian: local.sin_port))
        let proxy = self
        Thread.detachNewThread { proxy.acceptConnections() }
    }

    /// Arms a cut for the next transaction that stores a submission.
    func arm(_ cut: Cut) { armed.withLock { $0.cut = cut } }

    /// How many connections it has cut.
    var cuts: Int { armed.withLock { $0.cuts } }

    /// Stops listening; connections open go on until either side closes them.
    func stop() {
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }

    private func acceptConnections() {
        while true {
            let client = accept(listener, nil, nil)
            guard client >= 0 else { return }
            let server = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = upstream
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    connect(server, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
                }
            }
            guard connected else {
                close(client)
                close(server)
                continue
            }
            let connection = Connection(client: client, server: server)
            let proxy = self
            Thread.detachNewThread { proxy.pumpFromClient(connection) }
            Thread.detachNewThread { proxy.pumpFromServer(connection) }
        }
    }

    /// Passes the client's bytes on, watching for a submission stored and the `COMMIT` that follows it.
    private func pumpFromClient(_ connection: Connection) {
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = read(connection.client, &buffer, buffer.count)
            guard count > 0 else { break }
            let chunk = Array(buffer[0..<count])
            if chunk.firstRange(of: "INTO submission ".utf8) != nil
                || chunk.firstRange(of: "COPY submission ".utf8) != nil
            {
                connection.storesSubmission.withLock { $0 = true }
            }
            if chunk.firstRange(of: "COMMIT".utf8) != nil, connection.storesSubmission.withLock({ $0 }),
                let cut = armed.withLock({ state -> Cut? in
                    defer { if state.cut != nil { state = (nil, state.cuts + 1) } }
                    return state.cut
                })
            {
                connection.isCut.withLock { $0 = true }
                if cut != .beforeCommit { _ = Self.send(chunk, to: connection.server) }
                if cut == .afterCommitThenUnreachable { stop() }
                // Time for the server to commit, then the connection is lost both ways.
                Thread.sleep(forTimeInterval: 0.3)
                break
            }
            guard Self.send(chunk, to: connection.server) else { break }
        }
        connection.pumpEnded()
    }

    /// Passes the server's bytes on, but none once the connection is cut.
    private func pumpFromServer(_ connection: Connection) {
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = read(connection.server, &buffer, buffer.count)
            guard count > 0, !connection.isCut.withLock({ $0 }) else { break }
            guard Self.send(Array(buffer[0..<count]), to: connection.client) else { break }
        }
        connection.pumpEnded()
    }

    private static func send(_ bytes: [UInt8], to socket: Int32) -> Bool {
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { write(socket, $0.baseAddress, $0.count) }
            guard count > 0 else { return false }
            sent += count
        }
        return true
    }

    /// One client's connection and the server connection made for it.
    private final class Connection: Sendable {
        let client: Int32
        let server: Int32
        /// Whether a statement storing a submission has been sent on it.
        let storesSubmission = Mutex(false)
        /// Whether it has been cut: nothing more from the server is passed on.
        let isCut = Mutex(false)
        /// How many of its two pumps have ended.
        private let ended = Mutex(0)

        init(client: Int32, server: Int32) {
            self.client = client
            self.server = server
        }

        /// Called by each pump as it ends: both sides are shut (so that the other pump's read ends too), and closed
        /// once neither pump can use them.
        func pumpEnded() {
            shutdown(client, Int32(SHUT_RDWR))
            shutdown(server, Int32(SHUT_RDWR))
            guard
                ended.withLock({ ended in
                    ended += 1
                    return ended == 2
                })
            else { return }
            close(client)
            close(server)
        }
    }

    /// Why the proxy could not start.
    struct ProxyError: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }
}
