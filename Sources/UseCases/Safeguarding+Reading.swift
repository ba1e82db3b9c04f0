import FormEngine
import Records

extension Safeguarding {
    /// A stored submission with its latest evaluation and findings, decisions, collection and replacement, when the
    /// sender may see it: a school its own URN's returns, a licensing officer their district's applications, the
    /// policy officer every school return. Otherwise it is no such submission: no one learns whether another
    /// school's return or another district's application exists. Viewing is audited (`via` says where from).
    public func submission(_ id: Int64, via: String, by sender: Sender) async throws -> SubmissionDetail {
        guard let detail = try await store.submissionDetail(id), Self.may(sender, see: detail.record) else {
            throw Refusal.noSuchSubmission(id)
        }
        try await store.audit(actor: sender.name, action: .view, target: "submission \(id)", detail: via)
        return detail
    }

    /// True when the sender may see a stored submission.
    static func may(_ sender: Sender, see submission: SubmissionRecord) -> Bool {
        switch sender.role {
        case nil: return true
        case .school: return submission.subjectKind == .school && submission.subjectKey == sender.scope
        case .licensing: return submission.subjectKind == .driver && submission.district == sender.scope
        case .policy: return submission.subjectKind == .school
        case .admin: return false
        }
    }

    /// The submissions an account may list: a school's own returns (every version), a district's applications, or
    /// every school's latest return.
    public func submissions(by sender: Sender) async throws -> SubmissionList {
        try sender.require([.school, .licensing, .policy])
        switch sender.role {
        case .school:
            return .schoolReturns(
                try await store.submissionSummaries(
                    subject: .school, subjectKey: sender.scope ?? "", district: nil, latestOnly: false, limit: 500))
        case .licensing:
            return .applications(
                try await store.submissionSummaries(
                    subject: .driver, subjectKey: nil, district: sender.scope ?? "", latestOnly: true, limit: 1000),
                district: districtLabel(sender.scope ?? ""))
        default:
            return .allReturns(
                try await store.submissionSummaries(
                    subject: .school, subjectKey: nil, district: nil, latestOnly: true, limit: 5000))
        }
    }

    /// Every stored version for one school (a URN) or driver (a licence number), written as people write them,
    /// with evaluations, decisions and checks; a school account sees only its own, a licensing officer only a
    /// driver whose latest application is in their district. Viewing is audited.
    public func history(of subject: String, by sender: Sender) async throws -> [HistoryEntry] {
        try sender.require([.school, .licensing, .policy, .admin])
        let key = IdentifierFormat.urn.normalize(subject) ?? IdentifierFormat.driverNumber.normalize(subject) ?? subject
        if sender.role == .school, key != sender.scope { return [] }
        let entries = try await store.history(subjectKey: key)
        if sender.role == .licensing,
            entries.last?.submission.subjectKind != .driver || entries.last?.submission.district != sender.scope
        {
            return []
        }
        if !entries.isEmpty {
            try await store.audit(
                actor: sender.name, action: .view,
                target: entries.map { "submission \($0.submission.id!)" }.joined(separator: ", "), detail: "history")
        }
        return entries
    }

    /// A school's home: the round open, its draft, what it has sent (not audited as a view: it is the school's own).
    public func schoolHome(by sender: Sender) async throws -> SchoolHome {
        try sender.require([.school])
        let urn = sender.scope ?? ""
        let form = form(about: .school)
        let collection = try await store.collections().last { $0.formID == form?.id }
        let draft = try await draft(by: sender)
        return SchoolHome(
            urn: urn, school: try await store.school(urn: urn), collection: collection, hasDraft: draft != nil,
            sent: try await store.history(subjectKey: urn))
    }

    /// The audit log, oldest first: the lines the filter asks for. For the administrator and the policy officer.
    public func auditLog(_ filter: AuditFilter, by sender: Sender) async throws -> [AuditRecord] {
        try sender.require([.admin, .policy])
        return try await store.auditLog(since: filter.since).filter(filter.matches)
    }
}
