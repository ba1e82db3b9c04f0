import Records

/// The page around every page's content: the header with who is signed in and how to sign out, the content, the footer.
enum Layout {
    /// A whole page.
    static func page(title: String, account: AccountRecord?, csrf: String?, flash: String? = nil, body: String)
        -> String
    {
        var header =
            "<header class=\"govuk-header\"><div class=\"govuk-header__container govuk-width-container\">"
            + "<a href=\"/\" class=\"govuk-header__link govuk-header__service-name\">Safeguard</a>"
        if let account, let csrf {
            header +=
                "<div class=\"govuk-header__account\"><span>\(Components.escape(account.name))</span>"
                + "<form method=\"post\" action=\"/sign-out\">\(Components.csrf(csrf))<button class=\"govuk-header__sign-out\" type=\"submit\">Sign out</button></form></div>"
        }
        header += "</div></header>"
        let notice =
            flash.map {
                "<div class=\"govuk-notification-banner\" role=\"region\"><div class=\"govuk-notification-banner__content\"><p class=\"govuk-notification-banner__heading\">\(Components.escape($0))</p></div></div>"
            } ?? ""
        // A page that shows errors says so first in its title, as GOV.UK's do: a screen reader reads it at once.
        let shownTitle = (body.contains("class=\"govuk-error-summary\"") ? "Error: " : "") + title
        return """
            <!DOCTYPE html>
            <html lang="en-GB">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(Components.escape(shownTitle)) - Safeguard</title>
            <link rel="stylesheet" href="/assets/portal.css">
            </head>
            <body class="govuk-template__body">
            <a href="#main" class="govuk-skip-link">Skip to main content</a>
            \(header)
            <div class="govuk-width-container">
            <main class="govuk-main-wrapper" id="main" role="main">
            \(notice)\(body)
            </main>
            </div>
            <footer class="govuk-footer"><div class="govuk-width-container">The safeguarding children board's returns and licensing checks.</div></footer>
            </body>
            </html>

            """
    }
}
