import FormEngine

/// What a Section 11 return says, read from its answers as bound: the facts the schools report counts.
///
/// The report reads these paths of `Forms/section11-school-return.yaml`: `cse.delivered`,
/// `cse.sessions`, `missing.delivered`, `missing.sessions` (each session's `audience`, `year_groups`,
/// `provider_type`, `quality_assured`), `reach.parents_informed`, `reach.governors_trained`,
/// `school.dsl_last_training` and `staff.last_all_staff_update`. A renamed field reads as unanswered.
struct ReturnFacts: Sendable {
    /// One session delivered.
    struct Session: Sendable {
        /// `cse` or `missing`.
        let topic: String
        let audience: String?
        let yearGroups: [String]
        let providerType: String?
        let qualityAssured: Bool
    }

    let cseDelivered: Bool
    let missingDelivered: Bool
    let sessions: [Session]
    let parentsInformed: Bool
    let governorsTrained: Bool
    let dslLastTraining: Day?
    let lastStaffUpdate: Day?

    /// The facts of a return's bound answers (JSON), or nil when they cannot be read.
    init?(bound: String) {
        guard let root = StoredJSON.read(bound) else { return nil }
        func flag(_ section: String, _ field: String) -> Bool {
            guard let scalar = root[section]?[field]?.scalar else { return false }
            return scalar.isPlain && scalar.text == "true"
        }
        func day(_ section: String, _ field: String) -> Day? {
            root[section]?[field]?.scalar.flatMap { Day(iso: $0.text) }
        }
        var sessions: [Session] = []
        for topic in ["cse", "missing"] {
            for item in root[topic]?["sessions"]?.items ?? [] {
                let qa = item["quality_assured"]?.scalar
                sessions.append(
                    Session(
                        topic: topic, audience: item["audience"]?.scalar?.text,
                        yearGroups: (item["year_groups"]?.items ?? []).compactMap { $0.scalar?.text },
                        providerType: item["provider_type"]?.scalar?.text,
                        qualityAssured: qa?.isPlain == true && qa?.text == "true"))
            }
        }
        cseDelivered = flag("cse", "delivered")
        missingDelivered = flag("missing", "delivered")
        self.sessions = sessions
        parentsInformed = flag("reach", "parents_informed")
        governorsTrained = flag("reach", "governors_trained")
        dslLastTraining = day("school", "dsl_last_training")
        lastStaffUpdate = day("staff", "last_all_staff_update")
    }

    /// True when a session was for pupils about CSE.
    var hasPupilCSE: Bool { sessions.contains { $0.topic == "cse" && $0.audience == "pupils" } }
    /// True when a session reached staff, teaching or support.
    var reachedStaff: Bool { sessions.contains { $0.audience == "teaching-staff" || $0.audience == "support-staff" } }
    /// True when parents were informed or a session was for them.
    var reachedParents: Bool { parentsInformed || sessions.contains { $0.audience == "parents" } }
    /// True when governors were trained or a session was for them.
    var reachedGovernors: Bool { governorsTrained || sessions.contains { $0.audience == "governors" } }
    /// The year groups CSE sessions for pupils reached.
    var cseYearGroups: Set<String> {
        Set(sessions.filter { $0.topic == "cse" && $0.audience == "pupils" }.flatMap(\.yearGroups))
    }
}
