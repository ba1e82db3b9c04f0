import FormEngine

/// Where the facts of a return are found in its answers: the paths of the form's meanings.
struct ReturnReading: Sendable {
    let cseDelivered: [String]?
    let missingDelivered: [String]?
    let parentsInformed: [String]?
    let governorsTrained: [String]?
    let dslLastTraining: [String]?
    let staffLastUpdate: [String]?
    let dslName: [String]?
    let dslEmail: [String]?
    /// The sessions repeats, each with its topic.
    let sessionRepeats: [(topic: ReturnFacts.Topic, path: [String])]
    /// The sub-fields of each session.
    let audience: String?
    let yearGroups: String?
    let provider: String?
    let qualityAssured: String?

    /// The paths a form's meanings give.
    init(form: FormDefinition) {
        cseDelivered = form.path(of: .cseDelivered)
        missingDelivered = form.path(of: .missingDelivered)
        parentsInformed = form.path(of: .parentsInformed)
        governorsTrained = form.path(of: .governorsTrained)
        dslLastTraining = form.path(of: .dslLastTraining)
        staffLastUpdate = form.path(of: .staffLastUpdate)
        dslName = form.path(of: .dslName)
        dslEmail = form.path(of: .dslEmail)
        sessionRepeats = [(ReturnFacts.Topic.cse, Meaning.cseSessions), (.missing, .missingSessions)].compactMap {
            topic, meaning in form.path(of: meaning).map { (topic, $0) }
        }
        audience = form.meanings.itemField(of: .sessionAudience)
        yearGroups = form.meanings.itemField(of: .sessionYearGroups)
        provider = form.meanings.itemField(of: .sessionProvider)
        qualityAssured = form.meanings.itemField(of: .sessionQualityAssured)
    }
}
