import FormEngine
import Records
import UseCases

/// The admin's accounts page: every account with a button to disable it, and the form that adds one, read and
/// checked as `safeguard users add` checks it.
struct AccountForm {
    var name = ""
    var role = ""
    var scope = ""

    /// An empty form.
    init() {}

    /// The form as posted.
    init(posted: FormBody) {
        name = (posted["name"] ?? "").trimmingWhitespace
        role = posted["role"] ?? ""
        scope = (posted["scope"] ?? "").trimmingWhitespace
    }

    /// The role chosen, if one is.
    var chosenRole: Role? { Role(rawValue: role) }

    /// What is wrong with the page itself, each naming its field; whether the scope fits the role is the use
    /// case's to say.
    var errors: [Components.FieldError] {
        var errors: [Components.FieldError] = []
        if name.isEmpty {
            errors.append(Components.FieldError(id: "name", message: "Enter the name of the person or school"))
        } else if name.count > 100 {
            errors.append(Components.FieldError(id: "name", message: "The name must be 100 characters or fewer"))
        }
        if chosenRole == nil { errors.append(Components.FieldError(id: "role", message: "Select the account's role")) }
        return errors
    }

    /// The whole page.
    static func page(
        accounts: [AccountRecord], form: AccountForm, errors: [Components.FieldError],
        created: AddedAccount?, csrf: String, selfID: Int64?
    ) -> String {
        var html = Components.errorSummary(errors)
        if let created {
            html +=
                Components.panel(
                    title: "Account added",
                    body:
                        "\(Components.escape(created.account.name))'s sign-in token<br><code class=\"govuk-token\">\(Components.escape(created.token))</code>"
                )
                + Components.warningText(
                    "Copy this token now and give it to \(created.account.name) by a secure route. It is not shown again: the portal keeps only a hash of it."
                )
            if created.schoolNotOpen {
                html += Components.warningText(
                    "\(created.account.scope ?? "") is not an open school in the register: the account can sign in, "
                        + "but its school cannot send a return until the register lists it.")
            }
        }
        html += "<h1 class=\"govuk-heading-l\">Accounts</h1>"
        let rows = accounts.map { account -> [String] in
            var action = ""
            if account.disabledAt == nil && account.id != selfID {
                action =
                    "<form method=\"post\" action=\"/admin/users/\(account.id!)/disable\">" + Components.csrf(csrf)
                    + "<button class=\"govuk-button govuk-button--warning govuk-button--small\" type=\"submit\">Disable<span class=\"govuk-visually-hidden\"> \(Components.escape(account.name))</span></button></form>"
            }
            return [
                String(account.id!), Components.escape(account.name), Components.escape(account.role.rawValue),
                Components.escape(account.scope ?? "the county"), Components.escape(account.createdAt),
                account.disabledAt.map { "Disabled " + Components.escape($0) } ?? "Active", action,
            ]
        }
        html += Components.table(
            caption: "Every account, oldest first",
            columns: ["Number", "Name", "Role", "Covers", "Added", "Status", ""],
            rows: rows, rawColumns: Set(0..<7))
        func error(_ id: String) -> String? { errors.first { $0.id == id }?.message }
        let roles: [(value: String, label: String)] = [
            (Role.school.rawValue, "School: sends its own returns"),
            (Role.licensing.rawValue, "Licensing officer: enters and decides on one district's drivers"),
            (Role.policy.rawValue, "Policy officer: reads every report"),
            (Role.admin.rawValue, "Admin: manages the accounts"),
        ]
        html +=
            "<h2 class=\"govuk-heading-m\">Add an account</h2><form method=\"post\" action=\"/admin/users\" novalidate>"
            + Components.csrf(csrf)
            + Components.textInput(
                id: "name", name: "name", label: "Name", hint: "The person, or the school", value: form.name,
                error: error("name"), width: "20")
            + Components.radios(
                id: "role", name: "role", legend: "Role", hint: nil, options: roles, selected: form.role,
                error: error("role"))
            + Components.textInput(
                id: "scope", name: "scope", label: "What the account covers",
                hint:
                    "A school's 6-digit URN, or a licensing officer's district (such as corby). Blank for a policy officer or an admin.",
                value: form.scope, error: error("scope"), width: "10")
            + Components.button("Add account", value: "add") + "</form>"
        return html
    }
}
