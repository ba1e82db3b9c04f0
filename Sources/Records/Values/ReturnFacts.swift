import FormEngine

/// What a Section 11 return says, as the schools report and the chase list count it: kept as typed values when the
/// return is stored, read from its answers through the form's meanings (`ReturnReading`), never by a field id.
public struct ReturnFacts: Sendable, Equatable {
    /// Which sessions repeat a session was in.
    public enum Topic: String, Sendable {
        /// Child sexual exploitation.
        case cse
        /// Missing education.
        case missing
    }

    /// One session delivered.
    public struct Session: Sendable, Equatable {
        /// CSE or Missing.
        public let topic: Topic
        /// Who it was for (a choice's value).
        public let audience: String?
        /// The year groups it reached (choices' values).
        public let yearGroups: [String]
        /// Who delivered it (a choice's value).
        public let providerType: String?
        /// True when it was quality-assured.
        public let qualityAssured: Bool

        /// Creates one.
        public init(topic: Topic, audience: String?, yearGroups: [String], providerType: String?, qualityAssured: Bool)
        {
            self.topic = topic
            self.audience = audience
            self.yearGroups = yearGroups
            self.providerType = providerType
            self.qualityAssured = qualityAssured
        }
    }

    /// True when the school says it delivered CSE education.
    public let cseDelivered: Bool
    /// True when it says it delivered Missing education.
    public let missingDelivered: Bool
    /// Every session, the CSE ones first, each in its order.
    public let sessions: [Session]
    /// True when parents and carers were informed.
    public let parentsInformed: Bool
    /// True when governors were trained.
    public let governorsTrained: Bool
    /// The DSL's last training.
    public let dslLastTraining: Day?
    /// The last whole-staff update.
    public let lastStaffUpdate: Day?
    /// The DSL's name, as written.
    public let dslName: String?
    /// The DSL's email address, when it is one.
    public let dslEmail: String?

    /// Creates the facts from their values (as the store reads them back).
    public init(
        cseDelivered: Bool, missingDelivered: Bool, sessions: [Session], parentsInformed: Bool, governorsTrained: Bool,
        dslLastTraining: Day?, lastStaffUpdate: Day?, dslName: String?, dslEmail: String?
    ) {
        self.cseDelivered = cseDelivered
        self.missingDelivered = missingDelivered
        self.sessions = sessions
        self.parentsInformed = parentsInformed
        self.governorsTrained = governorsTrained
        self.dslLastTraining = dslLastTraining
        self.lastStaffUpdate = lastStaffUpdate
        self.dslName = dslName
        self.dslEmail = dslEmail
    }

    /// The facts of a return's answers as bound, read where `reading` says.
    init(answers root: Node, reading: ReturnReading) {
        func node(_ path: [String]?) -> Node? {
            guard let path, !path.isEmpty else { return nil }
            return root[path: path]
        }
        func field(_ item: Node, _ id: String?) -> Node? { id.flatMap { item[$0] } }
        var sessions: [Session] = []
        for (topic, path) in reading.sessionRepeats {
            for item in node(path)?.items ?? [] {
                sessions.append(
                    Session(
                        topic: topic, audience: field(item, reading.audience)?.scalar?.text,
                        yearGroups: (field(item, reading.yearGroups)?.items ?? []).compactMap { $0.scalar?.text },
                        providerType: field(item, reading.provider)?.scalar?.text,
                        qualityAssured: Self.flag(field(item, reading.qualityAssured))))
            }
        }
        self.init(
            cseDelivered: Self.flag(node(reading.cseDelivered)),
            missingDelivered: Self.flag(node(reading.missingDelivered)), sessions: sessions,
            parentsInformed: Self.flag(node(reading.parentsInformed)),
            governorsTrained: Self.flag(node(reading.governorsTrained)),
            dslLastTraining: Self.day(node(reading.dslLastTraining)),
            lastStaffUpdate: Self.day(node(reading.staffLastUpdate)),
            dslName: reading.dslName.flatMap(root.text(at:)),
            dslEmail: reading.dslEmail.flatMap(root.text(at:)).flatMap(IdentifierFormat.email.normalize))
    }

    /// True for an answer of yes.
    static func flag(_ node: Node?) -> Bool {
        guard let scalar = node?.scalar else { return false }
        return scalar.isPlain && scalar.text == "true"
    }

    /// The date an answer gives, when it is one.
    static func day(_ node: Node?) -> Day? { node?.scalar.flatMap { Day(iso: $0.text) } }

    /// True when a session was for pupils about CSE.
    public var hasPupilCSE: Bool { sessions.contains { $0.topic == .cse && $0.audience == "pupils" } }
    /// True when a session reached staff, teaching or support.
    public var reachedStaff: Bool {
        sessions.contains { $0.audience == "teaching-staff" || $0.audience == "support-staff" }
    }
    /// True when parents were informed or a session was for them.
    public var reachedParents: Bool { parentsInformed || sessions.contains { $0.audience == "parents" } }
    /// True when governors were trained or a session was for them.
    public var reachedGovernors: Bool { governorsTrained || sessions.contains { $0.audience == "governors" } }
}
