import ArgumentParser
import Foundation
import UseCases

/// Where mail goes: the sendmail program that hands it to the machine's mail system, and the address it is from.
/// No mail is sent unless a sendmail is named.
struct MailOptions: ParsableArguments {
    @Option(
        help: """
            Send mail (receipts, reminders) through this sendmail program, which takes -i -t: /usr/sbin/sendmail \
            (default $SAFEGUARD_SENDMAIL; without either, no mail is sent).
            """)
    var sendmail: String?
    @Option(name: .customLong("mail-from"), help: "The address mail is sent from (default $SAFEGUARD_MAIL_FROM).")
    var mailFrom: String?

    /// The mailer these options name, or nil when no sendmail is named.
    var mailer: Mailer? {
        let environment = ProcessInfo.processInfo.environment
        guard let path = sendmail ?? environment["SAFEGUARD_SENDMAIL"], !path.isEmpty else { return nil }
        return Mailer(sendmail: path, from: mailFrom ?? environment["SAFEGUARD_MAIL_FROM"] ?? "safeguarding@localhost")
    }

    func validate() throws {
        if let from = mailFrom ?? ProcessInfo.processInfo.environment["SAFEGUARD_MAIL_FROM"],
            !MailMessage.isAddress(from)
        {
            throw ValidationError("--mail-from '\(from)' is not one email address (name@example.org).")
        }
    }
}
