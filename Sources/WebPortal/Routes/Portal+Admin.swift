import Foundation
import FormEngine
import Hummingbird
import Records
import UseCases

extension Portal {
    func addAdminRoutes(to routes: PortalRoutes) {
        routes.people(.get, "/admin/users", [.admin]) { request, context, sender in
            let flash = request.uri.queryParameters["disabled"].map {
                "Account \($0) is disabled. Its sessions have ended."
            }
            return try await usersPage(
                sender: sender, context: context, form: AccountForm(), errors: [], created: nil, flash: flash)
        }
        routes.people(.post, "/admin/users", [.admin]) { request, context, sender in
            var request = request
            let posted = AccountForm(posted: try await form(&request, context))
            var errors = posted.errors
            if let role = posted.chosenRole {
                do {
                    _ = try safeguarding.accountScope(role: role, scope: posted.scope)
                } catch let refusal as Refusal {
                    errors.append(Components.FieldError(id: "scope", message: refusal.portalError.message))
                }
                if errors.isEmpty {
                    let added = try await safeguarding.addAccount(
                        role: role, scope: posted.scope, name: posted.name, by: sender)
                    return try await usersPage(
                        sender: sender, context: context, form: AccountForm(), errors: [], created: added)
                }
            }
            return try await usersPage(
                sender: sender, context: context, form: posted, errors: errors, created: nil,
                status: .unprocessableContent)
        }
        routes.people(.post, "/admin/users/{id}/disable", [.admin]) { request, context, sender in
            var request = request
            _ = try await form(&request, context)
            guard let id = context.parameters.get("id", as: Int64.self) else { throw PortalError.notFound() }
            try await safeguarding.disableAccount(id, by: sender)
            return Self.redirect("/admin/users?disabled=\(id)")
        }
    }

    func addTransferRoutes(to routes: PortalRoutes) {
        routes.people(.get, "/admin/transfers", [.admin]) { request, context, _ in
            let flash = request.uri.queryParameters["done"].map { "\($0) is transferred." }
            return transferPage(TransferForm(), errors: [], context: context, flash: flash)
        }
        routes.people(.post, "/admin/transfers", [.admin]) { request, context, sender in
            var request = request
            let posted = TransferForm(posted: try await form(&request, context))
            do {
                let record = try await safeguarding.transferDriver(
                    posted.driver, to: posted.district, note: posted.note, by: sender)
                return Self.redirect("/admin/transfers?done=\(record.subjectKey)")
            } catch let refusal as Refusal {
                let error = Components.FieldError(
                    id: TransferForm.field(of: refusal), message: refusal.portalError.message)
                return transferPage(posted, errors: [error], context: context, status: .unprocessableContent)
            }
        }
    }

    func addLockoutRoutes(to routes: PortalRoutes) {
        routes.people(.get, "/admin/lockouts", [.admin]) { request, context, sender in
            let flash = request.uri.queryParameters["cleared"].map { "\($0) may sign in again." }
            let body = LockoutList.html(
                try await safeguarding.lockouts(by: sender), now: Date(), csrf: context.session?.csrfToken ?? "")
            return page("Sign-in lockouts", body, context: context, flash: flash)
        }
        routes.people(.post, "/admin/lockouts/clear", [.admin]) { request, context, sender in
            var request = request
            let posted = try await form(&request, context)
            let key = posted["key"] ?? ""
            try await safeguarding.clearLockout(key, by: sender)
            let query = key.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
            return Self.redirect("/admin/lockouts?cleared=\(query)")
        }
    }

    private func transferPage(
        _ form: TransferForm, errors: [Components.FieldError], context: PortalContext, flash: String? = nil,
        status: HTTPResponse.Status = .ok
    ) -> Response {
        let districts = configuration.driverForm.flatMap { form in form.districtKey.map { form.field(at: $0) } }?
            .choices
        let body = form.html(districts: districts, csrf: context.session?.csrfToken ?? "", errors: errors)
        return page("Transfer a driver", body, context: context, flash: flash, status: status)
    }

    private func usersPage(
        sender: Sender, context: PortalContext, form: AccountForm, errors: [Components.FieldError],
        created: AddedAccount?, flash: String? = nil, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let body = AccountForm.page(
            accounts: try await safeguarding.accounts(by: sender), form: form, errors: errors, created: created,
            csrf: context.session?.csrfToken ?? "", selfID: context.account?.id)
        return page("Accounts", body, context: context, flash: flash, status: status)
    }
}
