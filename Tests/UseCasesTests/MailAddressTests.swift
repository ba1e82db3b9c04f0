import Testing
import UseCases

@Suite("A mail address from a return is one plain address, or no message is sent")
struct MailAddressTests {
    @Test("an address that could add or split a header is refused before sendmail runs")
    func headerInjection() async {
        #expect(MailMessage.isAddress("h.carter@oakfield.example.org"))
        for bad in [
            "a@b.org\r\nBcc: everyone@example.org", "a@b.org, c@d.org", "A <a@b.org>", " a@b.org", "a@b", "@b.org",
            "a@b.org;c@d.org",
        ] {
            #expect(!MailMessage.isAddress(bad), "\(bad)")
        }
        let mailer = Mailer(sendmail: "/nonexistent/sendmail", from: "board@example.org")
        let failure = await mailer.send(MailMessage(to: "a@b.org\nBcc: x@y.org", subject: "s", body: "b"))
        #expect(failure?.hasSuffix("is not one email address") == true, "\(failure ?? "sent")")
    }
}
