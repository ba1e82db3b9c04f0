import FormEngine
import Records

/// One school to chase for a round: it has not returned, or its return was sent back and not yet corrected.
public struct ChaseEntry: Sendable, Equatable {
    /// Why it is chased.
    public enum Status: String, Sendable {
        /// No return stored for the round.
        case notReturned = "not returned"
        /// The latest return was sent back (rejected) and no corrected one has come.
        case sentBack = "sent back, not corrected"
    }

    /// The school's URN.
    public let urn: String
    /// The school's name, from the register.
    public let school: String
    /// Its district, by name.
    public let district: String
    /// Why it is chased.
    public let status: Status
    /// Days since the round's due date; 0 before it.
    public let daysOverdue: Int
    /// The DSL's name, from the school's latest return of any round.
    public let dslName: String?
    /// The DSL's email address, from the school's latest return of any round.
    public let dslEmail: String?
    /// The head teacher's name, from the register.
    public let head: String?
    /// The school's telephone number, from the register.
    public let telephone: String?
}

/// The schools to chase for a round, by district, the most overdue first.
public struct ChaseList: Sendable {
    /// The round.
    public let collection: CollectionRecord
    /// The day the days overdue are counted to.
    public let asOf: Day
    /// The district the list is limited to, by name, when it is.
    public let district: String?
    /// The schools, by district, the most overdue first (those not returned before those sent back), then by name.
    public let entries: [ChaseEntry]

    /// The list for a round (by name; the newest when nil) on `asOf`, from the schools report's figures, the DSL
    /// named in each school's latest return of any round (through the form's `dsl-name` and `dsl-email`
    /// meanings) and the head and telephone the register holds.
    public static func make(
        store: any ReturnStore, catalog: FormCatalog, collection name: String?, asOf: Day, district: String? = nil
    ) async throws -> ChaseList {
        let analysis = try await SchoolsAnalysis.make(
            store: store, catalog: catalog, collection: name, asOf: asOf, today: asOf, district: district)
        guard let form = catalog.forms.values.first(where: { $0.subject == .school }) else {
            throw Refusal.noFormAbout(.school)
        }
        var contacts = try await latestContacts(store: store, form: form)
        // A school to chase whose latest returns give no address that is one: its earlier versions may.
        for school in analysis.schools where school.decision == .rejected && contacts[school.urn]?.email == nil {
            for entry in try await store.history(subjectKey: school.urn).reversed() {
                guard let root = StoredJSON.read(entry.submission.bound),
                    case .school(let facts) = ReportFacts(answers: root, form: form), let email = facts.dslEmail
                else { continue }
                contacts[school.urn, default: (nil, nil)].email = email
                break
            }
        }
        let register = Dictionary(
            try await store.schools(status: .open).map { ($0.urn, $0) }, uniquingKeysWith: { first, _ in first })
        let due = Day(iso: analysis.collection.due) ?? asOf
        let overdue = max(0, asOf.daysSinceEpoch - due.daysSinceEpoch)
        let entries = analysis.schools.compactMap { school -> ChaseEntry? in
            let status: ChaseEntry.Status
            switch school.decision {
            case nil: status = .notReturned
            case .rejected?: status = .sentBack
            default: return nil
            }
            let contact = contacts[school.urn]
            return ChaseEntry(
                urn: school.urn, school: school.name, district: school.district, status: status,
                daysOverdue: overdue, dslName: contact?.name, dslEmail: contact?.email,
                head: register[school.urn]?.headName, telephone: register[school.urn]?.telephone)
        }
        return ChaseList(
            collection: analysis.collection, asOf: asOf, district: analysis.district,
            entries: entries.sorted {
                ($0.district, -$0.daysOverdue, $0.status == .sentBack ? 1 : 0, $0.school)
                    < ($1.district, -$1.daysOverdue, $1.status == .sentBack ? 1 : 0, $1.school)
            })
    }

    /// The DSL's name and email from each school's returns, the later rounds' over the earlier ones', each from the
    /// latest return that gives it: a return whose address is not one keeps the address an earlier return gave.
    private static func latestContacts(store: any ReturnStore, form: FormDefinition) async throws
        -> [String: (name: String?, email: String?)]
    {
        var contacts: [String: (name: String?, email: String?)] = [:]
        for collection in try await store.collections() where collection.formID == form.id {
            for latest in try await store.latestReturns(formID: form.id, collectionID: collection.id) {
                if let name = latest.facts.dslName { contacts[latest.subjectKey, default: (nil, nil)].name = name }
                if let email = latest.facts.dslEmail { contacts[latest.subjectKey, default: (nil, nil)].email = email }
            }
        }
        return contacts
    }
}
