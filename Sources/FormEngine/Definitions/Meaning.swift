/// Something Safeguard's own code reads from a form's answers: the reports, the register and the portal. The code
/// never names a form's field ids; each form says, under `meanings`, which of its fields answers each meaning of
/// its subject, so a policy officer can rename or move a field and every figure still reads the right answer.
///
/// A *repeat* meaning (`cse-sessions`) names a repeat; an *item* meaning (`session-audience`) names the sub-field,
/// by its id, that answers it in each item of every repeat its repeat meanings name.
public enum Meaning: String, Sendable, CaseIterable {
    /// The school's name.
    case schoolName = "school-name"
    /// The school's DfE number.
    case dfeNumber = "dfe-number"
    /// The school's phase of education.
    case phase
    /// The type of school (community, academy, ...), started from the register's type of establishment.
    case schoolType = "school-type"
    /// The designated safeguarding lead's name: the board's contact at the school.
    case dslName = "dsl-name"
    /// The designated safeguarding lead's email address, where reminders and receipts go.
    case dslEmail = "dsl-email"
    /// The day the designated safeguarding lead last completed formal training.
    case dslLastTraining = "dsl-last-training"
    /// The day of the last whole-staff safeguarding update.
    case staffLastUpdate = "staff-last-update"
    /// Whether any CSE education or training was delivered.
    case cseDelivered = "cse-delivered"
    /// Whether any Missing education or training was delivered.
    case missingDelivered = "missing-delivered"
    /// Whether parents and carers were given information.
    case parentsInformed = "parents-informed"
    /// Whether governors were trained.
    case governorsTrained = "governors-trained"
    /// The CSE sessions delivered.
    case cseSessions = "cse-sessions"
    /// The Missing sessions delivered.
    case missingSessions = "missing-sessions"
    /// Whom a session was for.
    case sessionAudience = "session-audience"
    /// The year groups a session for pupils reached.
    case sessionYearGroups = "session-year-groups"
    /// Who delivered a session.
    case sessionProvider = "session-provider"
    /// Whether a session was quality-assured.
    case sessionQualityAssured = "session-quality-assured"
    /// The day the return was declared: the portal records it as the day the return is sent.
    case declaredOn = "declared-on"
    /// The driver's name.
    case driverName = "driver-name"
    /// The DBS certificate's number.
    case dbsCertificate = "dbs-certificate"
    /// The day the DBS certificate was issued.
    case dbsIssueDate = "dbs-issue-date"
    /// Whether the driver is subscribed to the DBS Update Service.
    case dbsUpdateService = "dbs-update-service"
    /// The day the driver subscribed to the DBS Update Service: within 30 days of the certificate's issue, or the
    /// certificate cannot be status-checked.
    case dbsSubscriptionDate = "dbs-subscription-date"
    /// The day of the last Update Service status check.
    case dbsLastStatusCheck = "dbs-last-status-check"
    /// Whether the driver completed safeguarding training.
    case trainingCompleted = "training-completed"
    /// The day the safeguarding training was completed.
    case trainingDate = "training-date"
    /// Whether the national register (NR3S) was searched.
    case registerSearched = "register-searched"
    /// The driver's date of birth, which the JOF's shared register records and searches with.
    case driverDateOfBirth = "driver-date-of-birth"
    /// The driver's National Insurance number, which the JOF's shared register records and searches with.
    case driverNINumber = "driver-ni-number"
    /// The driver's addresses, the current one first, which the JOF's shared register records (NR3S).
    case driverAddresses = "driver-addresses"
    /// An address's lines: a field of each item of the addresses repeat.
    case addressLines = "address-lines"
    /// An address's postcode: a field of each item of the addresses repeat.
    case addressPostcode = "address-postcode"
    /// The day the driver's time-limited permission to stay in the UK ends: a licence granted may not outlast it.
    /// Optional: a form that does not ask it names none.
    case driverLeaveEnds = "driver-leave-ends"
    /// Whether the driver declares that a council refused, suspended or revoked a licence of theirs: a match in the
    /// JOF's shared register that was not declared says so. Optional: a form that does not ask it names none.
    case driverDeclaredRefusal = "driver-declared-refusal"

    /// The kind of form the meaning belongs to.
    public var subject: Subject {
        switch self {
        case .driverName, .dbsCertificate, .dbsIssueDate, .dbsUpdateService, .dbsSubscriptionDate, .dbsLastStatusCheck,
            .trainingCompleted, .trainingDate, .registerSearched, .driverDateOfBirth, .driverNINumber, .driverAddresses,
            .addressLines, .addressPostcode, .driverLeaveEnds, .driverDeclaredRefusal:
            return .driver
        default:
            return .school
        }
    }

    /// The field types that can answer it.
    public var types: Set<FieldType> {
        switch self {
        case .schoolName, .driverName, .dslName, .addressLines: return [.text]
        case .addressPostcode: return [.postcode]
        case .dslEmail: return [.email]
        case .dfeNumber: return [.dfeNumber]
        case .phase, .schoolType, .sessionAudience, .sessionProvider: return [.choice]
        case .sessionYearGroups: return [.multiChoice]
        case .dslLastTraining, .staffLastUpdate, .declaredOn, .driverDateOfBirth, .dbsIssueDate, .dbsSubscriptionDate,
            .dbsLastStatusCheck,
            .trainingDate, .driverLeaveEnds:
            return [.date]
        case .cseDelivered, .missingDelivered, .parentsInformed, .governorsTrained, .sessionQualityAssured,
            .dbsUpdateService, .trainingCompleted, .registerSearched, .driverDeclaredRefusal:
            return [.yesNo]
        case .cseSessions, .missingSessions, .driverAddresses: return [.repeat]
        case .dbsCertificate: return [.dbsCertificate]
        case .driverNINumber: return [.niNumber]
        }
    }

    /// True for a meaning a form may leave unnamed: the code that reads it does without when the form does not ask.
    public var isOptional: Bool { self == .driverLeaveEnds || self == .driverDeclaredRefusal }

    /// True for a meaning answered by a sub-field of each item of the repeats that repeat meanings name.
    public var isItem: Bool {
        [
            .sessionAudience, .sessionYearGroups, .sessionProvider, .sessionQualityAssured, .addressLines,
            .addressPostcode,
        ]
        .contains(self)
    }

    /// The choices the code compares answers with, which the field's list must hold.
    public var choices: [String] {
        self == .sessionAudience ? ["pupils", "teaching-staff", "support-staff", "governors", "parents"] : []
    }

    /// What reads it, for the messages of `forms check`.
    public var reader: String {
        switch self {
        case .schoolName, .dfeNumber, .schoolType: return "the portal, to start a school's return from the register"
        case .phase: return "the register import and the portal"
        case .dslName, .dslEmail: return "the chase list, its reminders and the receipts"
        case .declaredOn: return "the portal, which records the day a return is sent"
        case .driverDateOfBirth, .driverNINumber: return "the JOF's shared register, which records and searches them"
        case .driverAddresses, .addressLines, .addressPostcode: return "the JOF's shared register, which records them"
        case .driverName, .dbsCertificate, .dbsIssueDate, .dbsUpdateService, .dbsSubscriptionDate, .dbsLastStatusCheck,
            .trainingCompleted, .trainingDate, .registerSearched:
            return "the licensing report"
        default: return "the schools report"
        }
    }
}
