import Foundation
import Records

/// The administrator's list of clients with failed sign-ins counted or locked out, each with a button to clear it.
enum LockoutList {
    /// The page's content at `now`.
    static func html(_ records: [SignInThrottleRecord], now: Date, csrf: String) -> String {
        var html =
            "<h1 class=\"govuk-heading-l\">Sign-in lockouts</h1>"
            + "<p>Clients that sent wrong sign-in tokens. After too many in 15 minutes a client is locked out for a "
            + "while, longer each time; clearing it lets it sign in again at once. Each failure and lockout is in the "
            + "audit log.</p>"
        guard !records.isEmpty else { return html + "<p>No client has failed to sign in.</p>" }
        let rows = records.map { record -> [String] in
            let locked = record.lockedUntil.flatMap { try? Date($0, strategy: .iso8601) }.map { $0 > now } ?? false
            return [
                Components.escape(record.key), String(record.failures), String(record.lockouts),
                locked ? "Locked out until \(Components.escape(record.lockedUntil ?? ""))" : "Not locked out",
                Components.escape(record.lastFailureAt),
                "<form method=\"post\" action=\"/admin/lockouts/clear\" novalidate>" + Components.csrf(csrf)
                    + "<input type=\"hidden\" name=\"key\" value=\"\(Components.escape(record.key))\">"
                    + Components.button("Clear", value: "clear", secondary: true) + "</form>",
            ]
        }
        html += Components.table(
            caption: "Clients with failed sign-ins, the most recent first",
            columns: ["Client", "Failures now counted", "Lockouts", "Status", "Last failure", "Action"], rows: rows,
            rawColumns: [0, 1, 2, 3, 4, 5])
        return html
    }
}
