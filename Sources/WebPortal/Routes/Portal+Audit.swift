import Hummingbird
import Records
import UseCases

extension Portal {
    func addAuditRoutes(to routes: PortalRoutes) {
        routes.people(.get, "/audit", [.policy, .admin]) { request, context, sender in
            let query = try FormBody.query(request)
            let (filter, errors) = AuditPage.filter(query)
            let records = errors.isEmpty ? try await safeguarding.auditLog(filter, by: sender) : []
            return page(
                "Audit log", AuditPage.html(query: query, records: records, errors: errors), context: context,
                status: errors.isEmpty ? .ok : .badRequest)
        }
    }
}
