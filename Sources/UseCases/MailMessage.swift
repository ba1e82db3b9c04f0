import FormEngine
import Foundation

/// A plain-text email to one person, as Safeguard sends reminders and receipts.
public struct MailMessage: Sendable, Equatable {
    /// The address it goes to.
    public let to: String
    /// The subject line.
    public let subject: String
    /// The text.
    public let body: String

    /// A message.
    public init(to: String, subject: String, body: String) {
        self.to = to
        self.subject = subject
        self.body = body
    }

    /// True for one plain address (`name@school.sch.uk`), as the forms' email check takes it: nothing a header
    /// could be split or added with (no line break, comma, semicolon, angle bracket, quote or space).
    public static func isAddress(_ text: String) -> Bool {
        IdentifierFormat.email.normalize(text) == text
    }

    /// The message as RFC 5322 text for `sendmail -t`: headers (a subject outside ASCII encoded as RFC 2047
    /// says), a blank line, the text in UTF-8.
    func text(from: String, date: Date, id: String) -> String {
        let subjectLine =
            subject.unicodeScalars.allSatisfy({ $0.isASCII && $0.value >= 0x20 })
            ? subject : "=?UTF-8?B?" + Data(subject.utf8).base64EncodedString() + "?="
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        return """
            From: Safeguard <\(from)>
            To: \(to)
            Subject: \(subjectLine)
            Date: \(formatter.string(from: date))
            Message-ID: <\(id)@safeguard>
            MIME-Version: 1.0
            Content-Type: text/plain; charset=utf-8
            Content-Transfer-Encoding: 8bit

            \(body)

            """
    }
}
