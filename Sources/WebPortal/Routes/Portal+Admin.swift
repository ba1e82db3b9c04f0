import FormEngine
import Hummingbird
import ReturnStore

extension Portal {
    func addAdminRoutes(to router: Router<PortalContext>) {
        router.get("/admin/users") { request, context in
            _ = try require(context, [.admin])
            let flash = request.uri.queryParameters["disabled"].map {
                "Account \($0) is disabled. Its sessions have ended."
            }
            return try await usersPage(context: context, form: AccountForm(), errors: [], created: nil, flash: flash)
        }
        router.post("/admin/users") { request, context in
            var request = request
            let admin = try require(context, [.admin])
            let posted = AccountForm(posted: try await form(&request, context))
            let catalog = self.catalog
            switch posted.checked(catalog: catalog) {
            case .errors(let errors):
                return try await usersPage(
                    context: context, form: posted, errors: errors, created: nil, status: .unprocessableContent)
            case .account(let name, let role, let scope):
                let created = try await Blocking.run {
                    try store.addAccount(name: name, role: role, scope: scope, actor: admin.name)
                }
                return try await usersPage(context: context, form: AccountForm(), errors: [], created: created)
            }
        }
        router.post("/admin/users/{id}/disable") { request, context in
            var request = request
            let admin = try require(context, [.admin])
            _ = try await form(&request, context)
            guard let id = context.parameters.get("id", as: Int64.self),
                try await Blocking.run({ try store.accounts().contains { $0.id == id } })
            else { throw PortalError.notFound() }
            guard id != admin.id else {
                throw PortalError.badRequest("You cannot disable your own account: ask another admin.")
            }
            try await Blocking.run { try store.disableAccount(id, actor: admin.name) }
            return Self.redirect("/admin/users?disabled=\(id)")
        }
    }

    private func usersPage(
        context: PortalContext, form: AccountForm, errors: [Components.FieldError],
        created: (account: AccountRecord, token: String)?, flash: String? = nil, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let accounts = try await Blocking.run { try store.accounts() }
        let body = AccountForm.page(
            accounts: accounts, form: form, errors: errors, created: created, csrf: context.session?.csrfToken ?? "",
            selfID: context.account?.id)
        return page("Accounts", body, context: context, flash: flash, status: status)
    }
}
