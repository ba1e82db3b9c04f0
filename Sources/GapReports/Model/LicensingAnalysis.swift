import FormEngine
import Records

/// Where one driver stands on the report's date, with personal data masked: the name as an initial and
/// surname (in full only for the driver's own district's licensing officer), the DBS certificate as its last 4
/// digits, no date of birth. A value, kept in one array: as objects, a national report's 360,000 were as many
/// allocations, and counting references to them as they were gathered by district, then freeing them, took longer
/// than working them out.
public struct DriverFigures: Sendable {
    /// The latest application's submission number.
    public let submission: Int64
    /// The district's name.
    public let district: String
    /// The driver: masked, `A. Patel`, unless shown to their district's licensing officer. Masked when read: most
    /// of a national report's 360,000 drivers are counted and never shown.
    public var driver: String { namesShown ? (name ?? "") : LicensingAnalysis.mask(name: name) }
    /// The DBS certificate number, masked when read: `********7890`.
    public var dbsCertificate: String { LicensingAnalysis.mask(certificate: certificate) }
    /// The driver's name as the application gives it; shown only through `driver`.
    private let name: String?
    /// True when the name is shown in full: to the licensing officer of the driver's district.
    private let namesShown: Bool
    /// The DBS certificate number as the application gives it; shown only masked.
    private let certificate: String?
    /// The latest application's evaluation; nil if it has none.
    public let evaluation: Decision?
    /// The officer's latest decision on the latest application; nil while awaited.
    public let officerOutcome: LicensingOutcome?
    /// True when a grant covers the report's date and nothing has refused the driver since.
    public let licensed: Bool
    /// When the next DBS check is due: 6 months after the latest evidence (certificate, Update Service check).
    public let dbsDue: Day?
    /// True when the latest Update Service check found new information.
    public let dbsNewInformation: Bool
    /// True when the driver is on the DBS Update Service.
    public let onUpdateService: Bool
    /// When the safeguarding training runs out.
    public let trainingExpires: Day?
    /// True when the national register was searched for the latest application.
    public let registerSearched: Bool
    /// True when the application was referred and no decision (other than to defer) has been made.
    public let referralOpen: Bool

    init(
        submission: Int64, district: String, name: String?, namesShown: Bool, certificate: String?,
        evaluation: Decision?,
        officerOutcome: LicensingOutcome?, licensed: Bool, dbsDue: Day?, dbsNewInformation: Bool,
        onUpdateService: Bool, trainingExpires: Day?, registerSearched: Bool, referralOpen: Bool
    ) {
        self.submission = submission
        self.district = district
        self.name = name
        self.namesShown = namesShown
        self.certificate = certificate
        self.evaluation = evaluation
        self.officerOutcome = officerOutcome
        self.licensed = licensed
        self.dbsDue = dbsDue
        self.dbsNewInformation = dbsNewInformation
        self.onUpdateService = onUpdateService
        self.trainingExpires = trainingExpires
        self.registerSearched = registerSearched
        self.referralOpen = referralOpen
    }
}

/// Counts for a district (or the county).
public struct LicensingRollup: Sendable, Equatable {
    /// The district's name.
    public let label: String
    /// Drivers with an application stored.
    public var drivers = 0
    /// Of them, licensed on the date.
    public var licensed = 0
    /// Latest applications granted (with or without conditions), refused, deferred, awaiting a decision.
    public var granted = 0, refused = 0, deferred = 0, awaiting = 0
    /// Latest applications referred to the sub-committee, and licences suspended, revoked, not renewed.
    public var referredToCommittee = 0, suspended = 0, revoked = 0, refusedToRenew = 0
    /// Licensed drivers with a DBS check inside the re-check interval, and no new information.
    public var dbsInDate = 0
    /// Licensed drivers on the Update Service.
    public var onUpdateService = 0
    /// Licensed drivers whose safeguarding training is in date.
    public var trainingInDate = 0
    /// Drivers whose latest application had a register search.
    public var registerSearched = 0
    /// Referrals waiting for the sub-committee.
    public var referralsOpen = 0

    /// Creates an empty rollup.
    public init(label: String) {
        self.label = label
    }

    /// Counts a driver in, on `asOf`.
    mutating func add(_ driver: DriverFigures, asOf: Day) {
        drivers += 1
        switch driver.officerOutcome {
        case .grant, .grantWithConditions: granted += 1
        case .refuse: refused += 1
        case .deferred: deferred += 1
        case .referToCommittee: referredToCommittee += 1
        case .suspend: suspended += 1
        case .revoke: revoked += 1
        case .refuseToRenew: refusedToRenew += 1
        case nil: awaiting += 1
        }
        if driver.registerSearched { registerSearched += 1 }
        if driver.referralOpen { referralsOpen += 1 }
        guard driver.licensed else { return }
        licensed += 1
        if let due = driver.dbsDue, due >= asOf, !driver.dbsNewInformation { dbsInDate += 1 }
        if driver.onUpdateService { onUpdateService += 1 }
        if let expires = driver.trainingExpires, expires >= asOf { trainingInDate += 1 }
    }
}

/// The licensing report's figures on a date: every driver, by district and for the county.
public struct LicensingAnalysis: Sendable {
    /// The date.
    public let asOf: Day
    /// Every driver with an application stored, by district then submission.
    public let drivers: [DriverFigures]
    /// One rollup a district.
    public let byDistrict: [LicensingRollup]
    /// The county.
    public let total: LicensingRollup
    /// The district the analysis is limited to, by its label, when it is.
    public let district: String?
    /// How many days ahead "due soon" looks.
    public static let dueSoonDays = 30

    /// The analysis on `asOf`; with `district` (a slug), only that district's drivers. Drivers' names are masked
    /// (an initial and a surname) unless `namesShown`: for the licensing officer of that district, whose drivers
    /// they are.
    public static func make(
        store: any ReturnStore, catalog: FormCatalog, asOf: Day, district: String? = nil, namesShown: Bool = false
    ) async throws -> LicensingAnalysis {
        guard let form = catalog.forms.values.first(where: { $0.subject == .driver }) else {
            throw Refusal.noFormAbout(.driver)
        }
        let parameters = Dictionary(
            (catalog.ruleSets[form.id]?.parameters ?? []).map { ($0.name, $0.value) },
            uniquingKeysWith: { first, _ in first })
        func whole(_ name: String, _ fallback: Int) -> Int {
            if case .number(let value)? = parameters[name] { return Int(value) }
            return fallback
        }
        let recheckMonths = whole("dbs_recheck_months", 6)
        let subscriptionDays = whole("dbs_subscription_days", 30)
        let trainingMonths = whole("training_refresh_months", 36)
        // No officer's decision or Update Service check is read: each application comes with the outcome of the
        // latest decision on it, the driver's licence and what their checks found, kept on its facts when each was
        // recorded.
        let applications = try await store.latestApplications(formID: form.id, district: district)
        let districts = form.districtKey.map { form.field(at: $0) }?.choices
        @Sendable func figures(_ latest: LatestApplication, district: String) -> DriverFigures {
            let facts = latest.facts
            let driverChecks = latest.checks
            // A status check keeps the certificate current only if it was added to the Update Service within
            // `subscriptionDays` of its issue; otherwise its own age decides (as the rules say). The evidence is the
            // latest of the certificate's issue and, when checkable, the checks that found no change.
            var checkable = false
            if facts.dbsUpdateService, let issued = facts.dbsIssueDate, let subscribed = facts.dbsSubscriptionDate {
                checkable = subscribed.daysSinceEpoch - issued.daysSinceEpoch <= subscriptionDays
            }
            var evidence = facts.dbsIssueDate
            func consider(_ day: Day?) {
                if let day, evidence.map({ day > $0 }) ?? true { evidence = day }
            }
            if checkable {
                consider(facts.dbsLastStatusCheck)
                consider(driverChecks?.latestNoChange)
            }
            let outcome = latest.officerOutcome
            let licensed = latest.licence.licensed(on: asOf)
            let trainingDate = facts.trainingCompleted ? facts.trainingDate : nil
            return DriverFigures(
                submission: latest.id, district: district,
                name: facts.driverName, namesShown: namesShown, certificate: facts.dbsCertificate,
                evaluation: latest.decision, officerOutcome: outcome, licensed: licensed,
                dbsDue: evidence.map { $0.adding(months: recheckMonths) },
                dbsNewInformation: driverChecks?.lastResult == .newInformation,
                onUpdateService: facts.dbsUpdateService && driverChecks?.lastResult != .notSubscribed,
                trainingExpires: trainingDate.map { $0.adding(months: trainingMonths) },
                registerSearched: facts.registerSearched,
                referralOpen: latest.decision == .referred && (outcome == nil || outcome?.waits == true))
        }
        // Each driver's figures from the facts kept when the application was stored, worked out on every core, each
        // in its place by district (by label), each district's drivers in the order of their applications (the
        // store's order).
        let (drivers, groups) = applications.groupedConcurrentMap(
            groupedBy: { districts?.label(for: $0.district ?? "") ?? $0.district ?? "" }, figures)
        var total = LicensingRollup(label: district == nil ? countyLabel : limitedTotalLabel)
        let byDistrict = groups.map { group in
            var rollup = LicensingRollup(label: group.key)
            for driver in drivers[group.range] {
                rollup.add(driver, asOf: asOf)
                total.add(driver, asOf: asOf)
            }
            return rollup
        }
        return LicensingAnalysis(
            asOf: asOf, drivers: drivers, byDistrict: byDistrict, total: total,
            district: district.map { districts?.label(for: $0) ?? $0 })
    }

    /// `Amir Patel` as `A. Patel`: enough for an officer to recognise a driver, less than a full name.
    static func mask(name: String?) -> String {
        let name = name ?? ""
        // The first and last words, found by their spaces' bytes (a space is one byte, and a boundary between
        // characters), without splitting the name into characters: 360,000 names are masked for a county report.
        let bytes = name.utf8
        guard let start = bytes.firstIndex(where: { $0 != 0x20 }), let last = bytes.lastIndex(where: { $0 != 0x20 })
        else { return "" }
        let words = name[start..<bytes.index(after: last)]
        guard let lastSpace = words.utf8.lastIndex(of: 0x20) else { return String(words) }
        return "\(words[start]). \(words[words.utf8.index(after: lastSpace)...])"
    }

    /// A DBS certificate number with all but its last 4 digits hidden.
    static func mask(certificate: String?) -> String {
        guard let certificate, certificate.count > 4 else { return certificate ?? "" }
        return String(repeating: "*", count: certificate.count - 4) + certificate.suffix(4)
    }
}
