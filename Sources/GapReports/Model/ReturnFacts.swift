import FormEngine

/// What a Section 11 return says, read from its answers as bound: the facts the schools report counts. Every
/// answer is found through the form's meanings (`ReturnReading`), never by a field id written here.
struct ReturnFacts: Sendable {
    /// Which sessions repeat a session was in.
    enum Topic: Sendable {
        case cse
        case missing
    }

    /// One session delivered.
    struct Session: Sendable {
        let topic: Topic
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

    /// The facts of a return's bound answers (JSON), read where `reading` says, or nil when they cannot be read.
    init?(bound: String, reading: ReturnReading) {
        guard let root = StoredJSON.read(bound) else { return nil }
        func node(_ path: [String]?) -> Node? {
            guard let path, !path.isEmpty else { return nil }
            return root[path: path]
        }
        func flag(_ node: Node?) -> Bool {
            guard let scalar = node?.scalar else { return false }
            return scalar.isPlain && scalar.text == "true"
        }
        func day(_ path: [String]?) -> Day? { node(path)?.scalar.flatMap { Day(iso: $0.text) } }
        func field(_ item: Node, _ id: String?) -> Node? { id.flatMap { item[$0] } }
        var sessions: [Session] = []
        for (topic, path) in reading.sessionRepeats {
            for item in node(path)?.items ?? [] {
                sessions.append(
                    Session(
                        topic: topic, audience: field(item, reading.audience)?.scalar?.text,
                        yearGroups: (field(item, reading.yearGroups)?.items ?? []).compactMap { $0.scalar?.text },
                        providerType: field(item, reading.provider)?.scalar?.text,
                        qualityAssured: flag(field(item, reading.qualityAssured))))
            }
        }
        cseDelivered = flag(node(reading.cseDelivered))
        missingDelivered = flag(node(reading.missingDelivered))
        self.sessions = sessions
        parentsInformed = flag(node(reading.parentsInformed))
        governorsTrained = flag(node(reading.governorsTrained))
        dslLastTraining = day(reading.dslLastTraining)
        lastStaffUpdate = day(reading.staffLastUpdate)
    }

    /// True when a session was for pupils about CSE.
    var hasPupilCSE: Bool { sessions.contains { $0.topic == .cse && $0.audience == "pupils" } }
    /// True when a session reached staff, teaching or support.
    var reachedStaff: Bool { sessions.contains { $0.audience == "teaching-staff" || $0.audience == "support-staff" } }
    /// True when parents were informed or a session was for them.
    var reachedParents: Bool { parentsInformed || sessions.contains { $0.audience == "parents" } }
    /// True when governors were trained or a session was for them.
    var reachedGovernors: Bool { governorsTrained || sessions.contains { $0.audience == "governors" } }
    /// The year groups CSE sessions for pupils reached.
    var cseYearGroups: Set<String> {
        Set(sessions.filter { $0.topic == .cse && $0.audience == "pupils" }.flatMap(\.yearGroups))
    }
}
