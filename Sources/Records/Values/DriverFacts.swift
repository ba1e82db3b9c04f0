import FormEngine

/// What a driver's application says, as the licensing report counts it: kept as typed values when the application
/// is stored, read from its answers through the form's meanings.
public struct DriverFacts: Sendable, Equatable {
    /// The driver's name, as written.
    public let driverName: String?
    /// The enhanced DBS certificate's number.
    public let dbsCertificate: String?
    /// The day the certificate was issued.
    public let dbsIssueDate: Day?
    /// True when the driver says the certificate is on the DBS Update Service.
    public let dbsUpdateService: Bool
    /// The day it was added to the Update Service.
    public let dbsSubscriptionDate: Day?
    /// The day of the last Update Service status check.
    public let dbsLastStatusCheck: Day?
    /// True when the safeguarding training was completed.
    public let trainingCompleted: Bool
    /// The day it was completed.
    public let trainingDate: Day?
    /// True when the national refusals register was searched.
    public let registerSearched: Bool

    /// Creates the facts from their values (as the store reads them back).
    public init(
        driverName: String?, dbsCertificate: String?, dbsIssueDate: Day?, dbsUpdateService: Bool,
        dbsSubscriptionDate: Day?, dbsLastStatusCheck: Day?, trainingCompleted: Bool, trainingDate: Day?,
        registerSearched: Bool
    ) {
        self.driverName = driverName
        self.dbsCertificate = dbsCertificate
        self.dbsIssueDate = dbsIssueDate
        self.dbsUpdateService = dbsUpdateService
        self.dbsSubscriptionDate = dbsSubscriptionDate
        self.dbsLastStatusCheck = dbsLastStatusCheck
        self.trainingCompleted = trainingCompleted
        self.trainingDate = trainingDate
        self.registerSearched = registerSearched
    }

    /// The facts of an application's answers as bound, found through `form`'s meanings.
    init(answers root: Node, form: FormDefinition) {
        func node(_ meaning: Meaning) -> Node? { root.answer(to: meaning, in: form) }
        func text(_ meaning: Meaning) -> String? { node(meaning)?.scalar?.text }
        self.init(
            driverName: text(.driverName), dbsCertificate: text(.dbsCertificate),
            dbsIssueDate: ReturnFacts.day(node(.dbsIssueDate)),
            dbsUpdateService: ReturnFacts.flag(node(.dbsUpdateService)),
            dbsSubscriptionDate: ReturnFacts.day(node(.dbsSubscriptionDate)),
            dbsLastStatusCheck: ReturnFacts.day(node(.dbsLastStatusCheck)),
            trainingCompleted: ReturnFacts.flag(node(.trainingCompleted)),
            trainingDate: ReturnFacts.day(node(.trainingDate)),
            registerSearched: ReturnFacts.flag(node(.registerSearched))
        )
    }
}
