import Foundation
import Testing

/// A real SMTP server (aiosmtpd, from Debian's python3-aiosmtpd or PyPI) on a free loopback port, writing each
/// message it receives to a Maildir, and a `sendmail` that hands mail to it (msmtp, from Debian).
struct LocalMailServer {
    /// The python that has aiosmtpd, and msmtp, when this machine has both.
    static let tools: (python: String, msmtp: String)? = {
        let pythons = ["/usr/bin/python3", "/usr/local/bin/python3"].filter {
            FileManager.default.isExecutableFile(atPath: $0)
        }
        guard
            let msmtp = ["/usr/bin/msmtp", "/usr/local/bin/msmtp"].first(where: {
                FileManager.default.isExecutableFile(atPath: $0)
            })
        else { return nil }
        for python in pythons {
            let check = Process()
            check.executableURL = URL(fileURLWithPath: python)
            check.arguments = ["-c", "import aiosmtpd"]
            check.standardError = FileHandle.nullDevice
            guard (try? check.run()) != nil else { continue }
            check.waitUntilExit()
            if check.terminationStatus == 0 { return (python, msmtp) }
        }
        return nil
    }()

    let process: Process
    /// The Maildir the server delivers to.
    let maildir: URL
    /// A `sendmail` program (msmtp, configured for this server) to give Safeguard.
    let sendmail: String

    init(in folder: URL) async throws {
        let tools = try #require(Self.tools)
        let port = try Self.freePort()
        maildir = folder.appendingPathComponent("maildir")
        process = Process()
        process.executableURL = URL(fileURLWithPath: tools.python)
        process.arguments = [
            "-m", "aiosmtpd", "-n", "-l", "127.0.0.1:\(port)", "-c", "aiosmtpd.handlers.Mailbox", maildir.path,
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let configuration = folder.appendingPathComponent("msmtprc")
        try """
        account default
        host 127.0.0.1
        port \(port)
        from board@safeguarding.example.org
        auth off
        tls off

        """.write(to: configuration, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: configuration.path)
        sendmail = folder.appendingPathComponent("sendmail").path
        try "#!/bin/sh\nexec \(tools.msmtp) -C \(configuration.path) \"$@\"\n".write(
            toFile: sendmail, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: sendmail)
        // Wait until the server listens.
        for _ in 0..<100 {
            if Self.accepts(port: port) { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        Issue.record("the SMTP server did not start on port \(port)")
    }

    /// Stops the server (SIGKILL: aiosmtpd's loop may not stop on SIGTERM while the test process blocks it).
    func stop() {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    /// Every message delivered so far, as text.
    func messages() throws -> [String] {
        let new = maildir.appendingPathComponent("new")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: new.path)) ?? []
        return try names.sorted().map { try String(contentsOf: new.appendingPathComponent($0), encoding: .utf8) }
    }

    /// A port no one listens on now.
    static func freePort() throws -> Int {
        let socket = Foundation.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, length) }
        }
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socket, $0, &length) }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// True when something accepts connections on the port.
    static func accepts(port: Int) -> Bool {
        let socket = Foundation.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(port).bigEndian
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
    }
}

@Suite("Receipts and reminders, delivered to a real SMTP server through sendmail")
struct MailTests {
    static func run(_ arguments: [String], in folder: URL) throws -> CommandResult {
        try Safeguard.run(
            arguments,
            environment: [
                "SAFEGUARD_DATABASE": folder.appendingPathComponent("safeguard.sqlite").path,
                "SAFEGUARD_USER": "policy.officer",
            ])
    }

    @Test(
        "a stored return sends its DSL a receipt; chase --send reminds each school to chase; each message audited",
        .enabled(
            if: LocalMailServer.tools != nil,
            "skipped: needs msmtp and python3's aiosmtpd (apt-get install msmtp python3-aiosmtpd; .ci/run does)"))
    func receiptsAndReminders() async throws {
        let folder = try Safeguard.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let server = try await LocalMailServer(in: folder)
        defer { server.stop() }
        _ = try Self.run(["register", "import", "Examples/register/gias-extract.csv"], in: folder)
        _ = try Self.run(Safeguard.openRound, in: folder)
        let submitted = try Self.run(
            [
                "submit", "--quiet", "--as-of", "2026-07-15", "--sendmail", server.sendmail, "--mail-from",
                "board@safeguarding.example.org", "Examples/returns/oakfield-primary.yaml",
                "Examples/returns/riverside-broken.yaml",
            ], in: folder)
        #expect(submitted.stdout.contains("Examples/returns/oakfield-primary.yaml: receipt sent to the DSL\n"))
        #expect(submitted.stdout.contains("Examples/returns/riverside-broken.yaml: receipt sent to the DSL\n"))

        let chased = try Self.run(
            ["chase", "--as-of", "2026-10-31", "--send", "--sendmail", server.sendmail], in: folder)
        #expect(chased.status == 1, "five schools have no address to remind")
        #expect(chased.stdout.contains("137455 Riverside Academy: reminder sent to the DSL\n"))
        #expect(
            chased.stdout.contains(
                "121620 St Peter's CofE Primary School, Weldon: not sent: no DSL email on record: telephone the school")
        )
        #expect(chased.stdout.hasSuffix("1 reminder sent; 5 not sent.\n"))

        var messages: [String] = []
        for _ in 0..<50 where messages.count < 3 {
            messages = try server.messages()
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(messages.count == 3, "two receipts and one reminder arrived")
        let oakfield = try #require(messages.first { $0.contains("To: h.carter@oakfield.example.org") })
        #expect(oakfield.contains("Subject: Section 11 return received for s11-2025-26: Oakfield Primary School"))
        #expect(oakfield.contains("Dear Helen Carter,"))
        #expect(oakfield.contains("and stored it as submission 1. It has been accepted"))
        #expect(oakfield.contains("From: Safeguard <board@safeguarding.example.org>"))
        let riverside = messages.filter { $0.contains("To: s.patel@riverside.example.org") }
        #expect(riverside.count == 2)
        #expect(riverside.contains { $0.contains("It has been sent back to correct. Please correct these") })
        let reminder = try #require(riverside.first { $0.contains("correction needed") })
        #expect(reminder.contains("was sent back to correct, and we have not yet received the corrected return"))
        #expect(reminder.contains("It was due on 30 September 2026 (31 days ago)."))

        let audit = try Self.run(["audit", "--action", "mail"], in: folder).stdout
        #expect(audit.contains("mail  submission 1: receipt; sent"))
        #expect(
            audit.contains(
                "mail  school 137455: reminder for s11-2025-26: sent back, not corrected, 31 days overdue; sent"))
        #expect(!audit.contains("@"), "the audit log names the school or submission, never the address")
    }

    @Test("chase --send with no sendmail named is refused before anything is sent")
    func noSendmail() throws {
        let folder = try Safeguard.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try Self.run(["register", "import", "Examples/register/gias-extract.csv"], in: folder)
        _ = try Self.run(Safeguard.openRound, in: folder)
        let refused = try Self.run(["chase", "--send"], in: folder)
        #expect(refused.status == 64)
        #expect(refused.stderr.contains("No mail can be sent: say which sendmail program"))
        let listed = try Self.run(["chase", "--as-of", "2026-10-31"], in: folder)
        #expect(listed.stdout.contains("7 schools to chase: 7 not returned"))
        #expect(listed.stdout.contains("Give --send to email each DSL a reminder."))
    }

    @Test("a return sent back with a DSL email that is not an address keeps the address an earlier return gave")
    func chasedAtTheLastGoodAddress() throws {
        let folder = try Safeguard.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try Self.run(["register", "import", "Examples/register/gias-extract.csv"], in: folder)
        _ = try Self.run(Safeguard.openRound, in: folder)
        let corrected = try String(contentsOfFile: "Examples/returns/riverside-corrected.yaml", encoding: .utf8)
        let address = try #require(corrected.firstMatch(of: /dsl_email: "?([^"\n]+)"?/).map { String($0.1) })
        let mistaken = folder.appendingPathComponent("riverside-mistaken.yaml")
        try corrected.replacing(/dsl_email: .*/, with: "dsl_email: \"dsl at riverside\"").write(
            to: mistaken, atomically: true, encoding: .utf8)
        _ = try Self.run(
            ["submit", "--quiet", "--as-of", "2026-07-15", "Examples/returns/riverside-corrected.yaml"], in: folder)
        let sentBack = try Self.run(["submit", "--quiet", "--as-of", "2026-07-16", mistaken.path], in: folder)
        #expect(sentBack.status == 1, "the second return is sent back: \(sentBack.stdout)")
        let listed = try Self.run(["chase", "--as-of", "2026-10-31"], in: folder)
        let riverside = try #require(listed.stdout.split(separator: "\n").first { $0.contains("Riverside") })
        #expect(riverside.contains("sent back, not corrected"))
        #expect(riverside.contains(address), "the address the earlier return gave: \(riverside)")
    }
}
