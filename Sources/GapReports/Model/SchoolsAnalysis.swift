import FormEngine
import Records

/// One school's place in a collection: did it return, on time, and what its return says. A class, so that the
/// report's tables, which go over 24,000 schools several times, share each school rather than copy it.
public final class SchoolFigures: Sendable {
    /// URN.
    public let urn: String
    /// Name, from the register.
    public let name: String
    /// District name, from the register.
    public let district: String
    /// Phase label, from the register.
    public let phase: String
    /// The latest return's submission number, when the school returned.
    public let submission: Int64?
    /// The latest return's decision; nil when missing.
    public let decision: Decision?
    /// True when the first version arrived by the due date; nil when missing.
    public let onTime: Bool?
    /// The return's facts, when it returned and the return is not rejected (a rejected return is not counted).
    let facts: ReturnFacts?
    /// True when the school's phase is one the board expects pupil CSE education in.
    public let expectsPupilCSE: Bool
    /// The year groups its phase teaches.
    public let taughtYearGroups: [String]
    /// DSL training in date on the report's date; nil without a usable return.
    public let dslInDate: Bool?
    /// Whole-staff update in date on the report's date; nil without a usable return.
    public let staffUpdateInDate: Bool?

    init(
        urn: String, name: String, district: String, phase: String, submission: Int64?, decision: Decision?,
        onTime: Bool?, facts: ReturnFacts?, expectsPupilCSE: Bool, taughtYearGroups: [String], dslInDate: Bool?,
        staffUpdateInDate: Bool?
    ) {
        self.urn = urn
        self.name = name
        self.district = district
        self.phase = phase
        self.submission = submission
        self.decision = decision
        self.onTime = onTime
        self.facts = facts
        reach = facts.map { Reach($0, taughtYearGroups: taughtYearGroups) }
        self.expectsPupilCSE = expectsPupilCSE
        self.taughtYearGroups = taughtYearGroups
        self.dslInDate = dslInDate
        self.staffUpdateInDate = staffUpdateInDate
    }

    /// True when a return was made.
    public var returned: Bool { decision != nil }
    /// True when the latest return can be counted: made, and not rejected.
    public var usable: Bool { facts != nil }
    /// What the return reached, worked out once from its facts, when it is usable.
    let reach: Reach?
    /// The taught year groups that CSE sessions for pupils reached.
    public var yearGroupsCovered: Int { reach?.yearGroupsCovered ?? 0 }

    /// What a usable return reached: worked out once a school, as every rollup and table counts it.
    struct Reach: Sendable {
        let pupilCSE: Bool
        let missingEducation: Bool
        let staff: Bool
        let parents: Bool
        let governors: Bool
        let sessions: Int
        let sessionsQualityAssured: Int
        let yearGroupsCovered: Int

        init(_ facts: ReturnFacts, taughtYearGroups: [String]) {
            pupilCSE = facts.hasPupilCSE
            missingEducation = facts.missingDelivered
            staff = facts.reachedStaff
            parents = facts.reachedParents
            governors = facts.reachedGovernors
            sessions = facts.sessions.count
            sessionsQualityAssured = facts.sessions.filter(\.qualityAssured).count
            // The taught year groups (each once) that a CSE session for pupils reached; found without making sets
            // of them, for each of a national report's 47,000 schools.
            yearGroupsCovered = taughtYearGroups.indices.count { index in
                let year = taughtYearGroups[index]
                return !taughtYearGroups[..<index].contains(year)
                    && facts.sessions.contains {
                        $0.topic == .cse && $0.audience == "pupils" && $0.yearGroups.contains(year)
                    }
            }
        }
    }
}

/// Counts for a group of schools (a district, a phase, the county): returns and the coverage of each measure.
public struct SchoolsRollup: Sendable, Equatable {
    /// The group's name.
    public let label: String
    /// Open schools in the register.
    public var expected = 0
    /// Schools that made a return.
    public var returned = 0
    /// Returns whose first version came by the due date.
    public var onTime = 0
    /// Returns whose first version came after it.
    public var late = 0
    /// Latest returns that were rejected.
    public var rejected = 0
    /// Returns that can be counted (made, not rejected): the whole of every share below but the first.
    public var usable = 0
    /// Usable returns from phases expected to teach pupils about CSE, and how many of them did.
    public var pupilCSE = (part: 0, whole: 0)
    /// Usable returns reporting Missing education.
    public var missingEducation = 0
    /// Usable returns that reached staff.
    public var staff = 0
    /// Usable returns that reached parents and carers.
    public var parents = 0
    /// Usable returns that reached governors.
    public var governors = 0
    /// Usable returns with at least one session quality-assured.
    public var anyQualityAssured = 0
    /// Sessions, and how many were quality-assured.
    public var sessionsQualityAssured = (part: 0, whole: 0)
    /// Usable returns whose DSL training is in date.
    public var dslInDate = 0
    /// Usable returns whose whole-staff update is in date.
    public var staffUpdateInDate = 0
    /// Taught year groups, and how many CSE sessions for pupils reached, over usable returns expected to teach CSE.
    public var yearGroups = (part: 0, whole: 0)

    /// Creates an empty rollup.
    public init(label: String) {
        self.label = label
    }

    /// Counts a school in.
    mutating func add(_ school: SchoolFigures) {
        expected += 1
        guard school.returned else { return }
        returned += 1
        if school.onTime == true { onTime += 1 } else { late += 1 }
        if school.decision == .rejected { rejected += 1 }
        guard let reach = school.reach else { return }
        usable += 1
        if school.expectsPupilCSE {
            pupilCSE.whole += 1
            if reach.pupilCSE { pupilCSE.part += 1 }
            yearGroups.whole += school.taughtYearGroups.count
            yearGroups.part += reach.yearGroupsCovered
        }
        if reach.missingEducation { missingEducation += 1 }
        if reach.staff { staff += 1 }
        if reach.parents { parents += 1 }
        if reach.governors { governors += 1 }
        if reach.sessionsQualityAssured > 0 { anyQualityAssured += 1 }
        sessionsQualityAssured.part += reach.sessionsQualityAssured
        sessionsQualityAssured.whole += reach.sessions
        if school.dslInDate == true { dslInDate += 1 }
        if school.staffUpdateInDate == true { staffUpdateInDate += 1 }
    }

    /// Rollups compare by their counts.
    public static func == (lhs: SchoolsRollup, rhs: SchoolsRollup) -> Bool {
        lhs.label == rhs.label && lhs.expected == rhs.expected && lhs.returned == rhs.returned
            && lhs.onTime == rhs.onTime
            && lhs.late == rhs.late && lhs.rejected == rhs.rejected && lhs.usable == rhs.usable
            && lhs.pupilCSE == rhs.pupilCSE && lhs.missingEducation == rhs.missingEducation && lhs.staff == rhs.staff
            && lhs.parents == rhs.parents && lhs.governors == rhs.governors
            && lhs.anyQualityAssured == rhs.anyQualityAssured
            && lhs.sessionsQualityAssured == rhs.sessionsQualityAssured
            && lhs.dslInDate == rhs.dslInDate && lhs.staffUpdateInDate == rhs.staffUpdateInDate
            && lhs.yearGroups == rhs.yearGroups
    }
}

/// The schools report's figures for one collection: every school, rolled up by district, by phase and for
/// the county, with the previous collection's county figures to compare.
public struct SchoolsAnalysis: Sendable {
    /// The collection.
    public let collection: CollectionRecord
    /// The date measures such as "DSL training in date" are taken on.
    public var asOf: Day { measureDay.day }
    /// That date, and why it was chosen.
    public let measureDay: MeasureDay
    /// Every open school in the register, by district then name.
    public let schools: [SchoolFigures]
    /// One rollup a district.
    public let byDistrict: [SchoolsRollup]
    /// One rollup a phase.
    public let byPhase: [SchoolsRollup]
    /// The county.
    public let total: SchoolsRollup
    /// The previous collection of the same form, and its county figures (measures in date taken on its due
    /// date), when there is one.
    public let previous: (collection: CollectionRecord, total: SchoolsRollup)?
    /// Every round of the form up to this one, the oldest first, this one last: the trends.
    public let rounds: [RoundFigures]
    /// Findings of the latest returns, counted by rule.
    public let ruleCounts: [RuleCount]
    /// The plain title of each counted rule, by id: the rule set's `title`, a built-in check's own.
    public let ruleTitles: [String: String]
    /// Returns stored for URNs that are not open schools in the register.
    public let unregistered: [String]
    /// The choices of who delivered a session, for their labels.
    public let providers: ChoiceList?
    /// The district the report is limited to, by name, when it is.
    public let district: String?

    /// The analysis of a collection (by name; the newest for the school form when nil) on `asOf`, or when that is
    /// nil on the collection's due date once it is past `today`, else today; with `district` (a value, such as
    /// `corby`), only that district's schools.
    public static func make(
        store: any ReturnStore, catalog: FormCatalog, collection name: String?, asOf asked: Day?, today: Day,
        district: String? = nil
    ) async throws -> SchoolsAnalysis {
        guard let form = catalog.forms.values.first(where: { $0.subject == .school }) else {
            throw Refusal.noFormAbout(.school)
        }
        let collections = try await store.collections().filter { $0.formID == form.id }
        guard let collection = name.map({ wanted in collections.first { $0.name == wanted } }) ?? collections.last
        else {
            throw name.map { Refusal.noSuchCollection($0) } ?? Refusal.noCollectionOpen(form: form.title)
        }
        let measureDay = MeasureDay(asked: asked, due: Day(iso: collection.due), today: today)
        let asOf = measureDay.day
        let ruleSet = catalog.ruleSets[form.id]
        let totalLabel = district == nil ? countyLabel : limitedTotalLabel
        let districts = try await store.districts()
        let districtNames = Dictionary(districts.map { ($0.id!, $0.name) }, uniquingKeysWith: { first, _ in first })
        // The register and the findings' counts are read while the rounds' returns are: each read leaves a core
        // idle while it alone runs. (A task of its own prefers no executor: it is given the long work's, so that in
        // the portal it keeps off the event loops.)
        let registerRead = Task(executorPreference: LongWork.executor) {
            inReportOrder(try await store.schools(status: .open), districtNames: districtNames)
        }
        defer { registerRead.cancel() }
        async let counted = store.ruleCounts(formID: form.id, collectionID: collection.id, district: district)
        // Every round up to this one, each worked out on its own core as the store reads it; earlier rounds'
        // "in date" measures are taken on their own due dates, not today, so the years compare.
        let earlier = collections.filter { $0.periodEnd < collection.periodStart }
        let rounds = earlier + [collection]
        let worked = try await withThrowingTaskGroup(of: WorkedRound.self) { group in
            for (index, round) in rounds.enumerated() {
                group.addTask {
                    let returns = try await store.latestReturns(formID: form.id, collectionID: round.id)
                    let context = Context(
                        form: form, ruleSet: ruleSet,
                        asOf: index == earlier.count ? asOf : Day(iso: round.due) ?? asOf, district: district,
                        districts: districts, districtNames: districtNames, register: try await registerRead.value)
                    let (schools, unregistered) = figures(round, returns: returns, context: context)
                    // Rolled up here too, each round on its own core.
                    return WorkedRound(
                        index: index, context: context, schools: schools, unregistered: unregistered,
                        figures: RoundFigures(
                            collection: round, asOf: context.asOf, byDistrict: groups(schools, by: \.district),
                            total: rollup(schools, label: totalLabel)),
                        byPhase: index == earlier.count ? groups(schools, by: \.phase) : [])
                }
            }
            var results: [WorkedRound] = []
            for try await result in group { results.append(result) }
            return results.sorted { $0.index < $1.index }
        }
        let current = worked[earlier.count]
        let (context, schools, unregistered) = (current.context, current.schools, current.unregistered)
        let previous = worked.dropLast().last.map { ($0.figures.collection, $0.figures.total) }
        let byDistrict = current.figures.byDistrict
        let total = current.figures.total
        let ruleCounts = try await counted
        return SchoolsAnalysis(
            collection: collection, measureDay: measureDay, schools: schools,
            byDistrict: byDistrict, byPhase: current.byPhase,
            total: total, previous: previous, rounds: worked.map(\.figures),
            ruleCounts: ruleCounts,
            ruleTitles: Dictionary(
                ruleCounts.map { count in
                    (
                        count.rule,
                        ruleSet?.rules.first { $0.id == count.rule }?.title ?? FieldCheck.title(of: count.rule)
                            ?? count.rule
                    )
                }, uniquingKeysWith: { first, _ in first }),
            unregistered: unregistered,
            providers: form.field(for: .sessionProvider, in: .cseSessions)?.choices,
            district: context.onlyDistrict.flatMap { context.districtNames[$0] } ?? district)
    }

    /// A round worked out: its schools' figures and rollups, and (for the round reported on) its phases'.
    private struct WorkedRound {
        let index: Int
        let context: Context
        let schools: [SchoolFigures]
        let unregistered: [String]
        let figures: RoundFigures
        let byPhase: [SchoolsRollup]
    }

    /// What the analysis needs besides the collection: the register, the lists and the rule set's parameters.
    struct Context {
        let form: FormDefinition
        let asOf: Day
        let districtNames: [Int64: String]
        /// The open schools in the register, read once for every round, in the report's order: by district, then
        /// by name.
        let register: [SchoolRecord]
        /// The register's district the report is limited to, when it is.
        let onlyDistrict: Int64?
        /// True when a district was asked for (which the register may not hold: then no school is in it).
        let limited: Bool
        let phaseYearGroups: [String: [String]]
        let phasesExpectingCSE: Set<String>
        let dslMonths: Int
        let staffMonths: Int

        init(
            form: FormDefinition, ruleSet: RuleSet?, asOf: Day, district: String?, districts: [DistrictRecord],
            districtNames: [Int64: String], register: [SchoolRecord]
        ) {
            self.register = register
            self.form = form
            self.asOf = asOf
            self.districtNames = districtNames
            onlyDistrict = district.flatMap { slug in districts.first { $0.slug == slug }?.id }
            limited = district != nil
            let parameters = Dictionary(
                (ruleSet?.parameters ?? []).map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
            var years: [String: [String]] = [:]
            if case .map(let table)? = parameters["phase_year_groups"] {
                for (phase, value) in table {
                    if case .list(let items) = value {
                        years[phase] = items.compactMap { item in
                            if case .text(let text) = item { return text }
                            return nil
                        }
                    }
                }
            }
            phaseYearGroups = years
            var expecting = Set<String>()
            if case .list(let items)? = parameters["phases_expecting_pupil_cse"] {
                for case .text(let phase) in items { expecting.insert(phase) }
            }
            phasesExpectingCSE = expecting
            func months(_ name: String, _ fallback: Int) -> Int {
                if case .number(let value)? = parameters[name] { return Int(value) }
                return fallback
            }
            dslMonths = months("dsl_training_months", 24)
            staffMonths = months("staff_update_months", 12)
        }
    }

    private static func figures(
        _ collection: CollectionRecord, returns latest: [LatestReturn], context: Context
    ) -> (schools: [SchoolFigures], unregistered: [String]) {
        var returns: [String: LatestReturn] = .init(minimumCapacity: latest.count)
        for latest in latest where returns[latest.subjectKey] == nil { returns[latest.subjectKey] = latest }
        var matched = 0
        let due = Day(iso: collection.due)
        let phases = context.form.field(for: .phase)?.choices
        var schools: [SchoolFigures] = []
        for school in context.register
        where !context.limited || school.districtID == context.onlyDistrict {
            let latest = returns[school.urn]
            if latest != nil { matched += 1 }
            let rejected = latest?.decision == .rejected
            let facts = rejected ? nil : latest?.facts
            let firstDay = latest.flatMap { Day(iso: String($0.firstReceivedAt.prefix(10))) }
            func inDate(_ day: Day?, months: Int) -> Bool? {
                guard facts != nil else { return nil }
                guard let day else { return false }
                return day.adding(months: months) >= context.asOf
            }
            schools.append(
                SchoolFigures(
                    urn: school.urn, name: school.name, district: context.districtNames[school.districtID] ?? "",
                    phase: phases?.label(for: school.phase) ?? school.phaseName, submission: latest?.id,
                    decision: latest?.decision, onTime: latest.map { _ in firstDay.map { $0 <= (due ?? $0) } ?? false },
                    facts: facts, expectsPupilCSE: context.phasesExpectingCSE.contains(school.phase),
                    taughtYearGroups: context.phaseYearGroups[school.phase] ?? [],
                    dslInDate: inDate(facts?.dslLastTraining, months: context.dslMonths),
                    staffUpdateInDate: inDate(facts?.lastStaffUpdate, months: context.staffMonths)))
        }
        // A return for a URN that is no open school has no district to be limited to: listed for the county only.
        // Looked for only when some return matched no open school.
        guard !context.limited, matched < returns.count else { return (schools, []) }
        let open = Set(context.register.map(\.urn))
        let unregistered = returns.keys.filter { !open.contains($0) }.sorted()
        return (schools, unregistered)
    }

    /// The register's schools by district name, then by school name (schools alike in both in the register's
    /// order). Sorted once for every round, districts compared by their place among the names: sorting each round's
    /// figures, their names read through objects, took a fifth of a national report.
    private static func inReportOrder(_ register: [SchoolRecord], districtNames: [Int64: String]) -> [SchoolRecord] {
        let districts = register.map { districtNames[$0.districtID] ?? "" }
        let ranks = Dictionary(
            Set(districts).sorted().enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let rank = districts.map { ranks[$0]! }
        let order = register.indices.sorted { a, b in
            rank[a] != rank[b] ? rank[a] < rank[b] : register[a].name < register[b].name
        }
        return order.map { register[$0] }
    }

    private static func rollup(_ schools: [SchoolFigures], label: String) -> SchoolsRollup {
        var rollup = SchoolsRollup(label: label)
        for school in schools { rollup.add(school) }
        return rollup
    }

    private static func groups(_ schools: [SchoolFigures], by key: KeyPath<SchoolFigures, String>) -> [SchoolsRollup] {
        // One pass over the schools, each counted into its group's rollup in place.
        var rollups: [String: SchoolsRollup] = [:]
        for school in schools {
            let label = school[keyPath: key]
            rollups[label, default: SchoolsRollup(label: label)].add(school)
        }
        return rollups.keys.sorted().map { rollups[$0]! }
    }
}
