/// A form, loaded from `Forms/<id>.yaml`: its sections of fields, its choice lists and its decision words.
///
/// Immutable once loaded and shared between tasks without locks: one object, so handing a form to each check of
/// each submission costs one reference count, not one for each of its parts.
public final class FormDefinition: Sendable {
    /// The form's id, which submissions name in `form:`.
    public let id: String
    /// The definition's version.
    public let version: String
    /// The title people see.
    public let title: String
    /// What one submission is about.
    public let subject: Subject
    /// The field that identifies the subject (a school's URN, a driver's licence number).
    public let subjectKey: FieldLocation
    /// The field that names the subject's district, when the form has one: it scopes reports and access.
    public let districtKey: FieldLocation?
    /// The fields that answer what Safeguard's code reads (the reports, the register, the portal), by meaning.
    public let meanings: FormMeanings
    /// The words the form's users use for each decision.
    public let decisions: DecisionLabels
    /// The choice lists, by id.
    public let lists: [String: ChoiceList]
    /// The sections, in order.
    public let sections: [SectionDefinition]
    /// The file the form was loaded from.
    public let file: String
    /// The SHA-256 of the file's bytes, recorded with every evaluation.
    public let hash: String
    /// The file's bytes, kept so the store can record the exact definition an evaluation used.
    public let bytes: [UInt8]
    /// The sections and field types the expressions are checked against.
    let layout: FormLayout
    /// Where each section's fields start among all the form's fields, and (last) how many there are: how
    /// `Answers` keeps every section's answers in one array.
    let answerOffsets: [Int]
    /// What field logic must do for each field, in the order of `Answers` (see `answerOffsets`).
    let fieldChecks: [FieldChecks]
    /// For each field in the same order, what field logic must do for each of its sub-fields (none but a repeat's).
    let subfieldChecks: [[FieldChecks]]
    /// The sections' ids, in order, as bytes to compare a submission's keys with.
    let sectionKeys: KeyTable
    /// The fields' ids, in the order of `Answers`.
    let fieldKeys: KeyTable
    /// For each field in the same order, its sub-fields' ids (none but a repeat's).
    let subfieldKeys: [KeyTable]

    /// A form with all its parts.
    init(
        id: String, version: String, title: String, subject: Subject, subjectKey: FieldLocation,
        districtKey: FieldLocation?, meanings: FormMeanings, decisions: DecisionLabels, lists: [String: ChoiceList],
        sections: [SectionDefinition], file: String, hash: String, bytes: [UInt8], layout: FormLayout
    ) {
        self.id = id
        self.version = version
        self.title = title
        self.subject = subject
        self.subjectKey = subjectKey
        self.districtKey = districtKey
        self.meanings = meanings
        self.decisions = decisions
        self.lists = lists
        self.sections = sections
        self.file = file
        self.hash = hash
        self.bytes = bytes
        self.layout = layout
        answerOffsets = sections.reduce(into: [0]) { offsets, section in
            offsets.append(offsets[offsets.count - 1] + section.fields.count)
        }
        let fields = sections.flatMap(\.fields)
        fieldChecks = fields.map(FieldChecks.init(of:))
        subfieldChecks = fields.map { $0.fields.map(FieldChecks.init(of:)) }
        sectionKeys = KeyTable(sections.map(\.id))
        fieldKeys = KeyTable(fields.map(\.id))
        subfieldKeys = fields.map { KeyTable($0.fields.map(\.id)) }
    }

    /// The field at a location.
    public func field(at location: FieldLocation) -> FieldDefinition {
        sections[location.section].fields[location.field]
    }
}

/// What kind of thing a form's submissions are about.
public enum Subject: String, Sendable, Codable, CaseIterable {
    case school
    case driver
}

/// A field's place in a form: its section's index and its own.
public struct FieldLocation: Sendable, Hashable {
    /// The section's index.
    public let section: Int
    /// The field's index within the section.
    public let field: Int
}

/// The words a form uses for each decision; for drivers, "Incomplete", "Refer to committee", "Ready to grant".
public struct DecisionLabels: Sendable, Equatable {
    /// For a rejected submission.
    public let rejected: String
    /// For a referred submission.
    public let referred: String
    /// For an accepted submission.
    public let accepted: String

    /// The label of a decision.
    public func label(for decision: Decision) -> String {
        switch decision {
        case .rejected: return rejected
        case .referred: return referred
        case .accepted: return accepted
        }
    }
}
