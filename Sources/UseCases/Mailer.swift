import Foundation

/// Hands messages to the machine's mail transfer agent through its `sendmail` interface (`sendmail -i -t`), the
/// ordinary way a server sends mail: Postfix, Exim and msmtp all provide it.
public struct Mailer: Sendable {
    /// The sendmail program: `/usr/sbin/sendmail`, or another that takes `-i -t`.
    public let sendmail: String
    /// The address messages are sent from.
    public let from: String
    /// How long the program may take before it is stopped and the message counted as not sent.
    public let timeout: Duration

    /// A mailer through `sendmail`, from `from`.
    public init(sendmail: String, from: String, timeout: Duration = .seconds(60)) {
        self.sendmail = sendmail
        self.from = from
        self.timeout = timeout
    }

    /// Sends a message; nil when the program took it, else why not (its exit status and what it printed).
    public func send(_ message: MailMessage) async -> String? {
        guard MailMessage.isAddress(message.to) else { return "'\(message.to)' is not one email address" }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: sendmail)
        process.arguments = ["-i", "-t"]
        let input = Pipe()
        let errors = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        do {
            try process.run()
        } catch {
            return "\(sendmail) cannot be run: \(error.localizedDescription)"
        }
        let text = message.text(from: from, date: Date(), id: UUID().uuidString.lowercased())
        try? input.fileHandleForWriting.write(contentsOf: Data(text.utf8))
        try? input.fileHandleForWriting.close()
        let started = ContinuousClock.now
        while process.isRunning {
            if ContinuousClock.now - started > timeout {
                process.terminate()
                return "\(sendmail) did not finish within \(timeout)"
            }
            try? await Task.sleep(for: .milliseconds(20))
        }
        guard process.terminationStatus == 0 else {
            let said = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                .trimmingCharacters(in: .whitespacesAndNewlines)
            return "\(sendmail) exited with \(process.terminationStatus)" + (said.isEmpty ? "" : ": \(said)")
        }
        return nil
    }
}
