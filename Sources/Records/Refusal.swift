import FormEngine

/// A request Safeguard will not carry out, with what it needs to say why. It is a value, not a sentence: each
/// door words it for its own users (the command line may name its options; the portal and the API never do).
public enum Refusal: Error, Sendable, Equatable {
    // MARK: Submitting

    /// The submission could not be read as a submission of a form; its findings say why.
    case unreadable
    /// The submission has no valid answer to the field (by its label) that names its subject: a URN, a driver number.
    case noSubject(field: String)
    /// The submission has no valid answer to the field (by its label) that names its district.
    case noDistrict(field: String)
    /// The school is not an open school in the register: not in it at all, or closed.
    case notRegistered(urn: String, closed: Bool)
    /// The collection named is for another form.
    case collectionForAnotherForm(collection: String, collectionForm: String, form: String)
    /// The form's submissions belong to a round of returns, and none has been opened for it.
    case noCollectionOpen(form: String)
    /// There is no collection of that name (for that form, when one is named).
    case noSuchCollection(String)
    /// The submission has errors, and was sent from a page where they can be put right before it is sent.
    case hasErrors(count: Int)
    /// A folder's list of when its files were received does not match the folder: the list, the line, and why.
    case receivedList(file: String, line: Int, problem: String)

    // MARK: Whose it is

    /// Another school's return: the sender may send only their own school's (this URN).
    case otherSchool(own: String)
    /// Another district's driver: the sender may deal only with their own district's (this one, by label).
    case otherDistrict(own: String)
    /// The account's role may not do this.
    case notAllowed(Role)
    /// The driver's applications are held by another district: a new version from this one would replace theirs.
    case knownToAnotherDistrict(driver: String)
    /// The driver's latest application is already in that district: there is nothing to transfer.
    case alreadyInDistrict(driver: String, district: String)
    /// The text is not one of the districts; what they are, and the nearest one when one is close.
    case noSuchDistrict(String, districts: String, suggestion: String? = nil)

    // MARK: Forms and rounds

    /// There is no form of that id.
    case noSuchForm(String, known: [String])
    /// No form is about this kind of subject, so there is nothing of it to do.
    case noFormAbout(Subject)
    /// The form's submissions are not collected in rounds (drivers' applications come at any time).
    case noRoundsFor(form: String)
    /// A collection of that name exists already.
    case collectionExists(String)
    /// A period that starts after it ends.
    case periodReversed(start: Day, end: Day)

    // MARK: Licensing

    /// There is no submission of that number (or it is not the sender's to see: the two are not told apart).
    case noSuchSubmission(Int64)
    /// The submission is a school's return, and only drivers' applications are decided.
    case notAnApplication(Int64)
    /// The submission has been replaced by a later version, which is the one to act on.
    case replaced(Int64, by: Int64)
    /// The application is incomplete (rejected), so a licence cannot be granted on it.
    case incomplete(Int64)
    /// A licence granted needs the day it starts.
    case licenceStartNeeded
    /// A licence that ends on or before the day it starts.
    case licenceDatesReversed(start: Day, end: Day)
    /// A licence that would run past the day the driver's permission to stay in the UK ends.
    case licenceOutlastsLeave(leaveEnds: Day)
    /// The outcome needs a note: the conditions of a grant with conditions, the reasons for the others.
    case noteNeeded(LicensingOutcome)
    /// An officer has already decided on this application; a new decision must say that it replaces it.
    case earlierDecision(submission: Int64, outcome: LicensingOutcome, by: String, on: String)
    /// The text is not a driver number; what one looks like.
    case notADriverNumber(String, expected: String)
    /// No application is stored for the driver number.
    case noApplicationForDriver(String)
    /// A check dated after today, which cannot have happened yet.
    case dateInFuture(Day, today: Day)

    // MARK: The store

    /// There is no evaluation of that number.
    case noSuchEvaluation(Int64)
    /// What is stored cannot be read as it was written: the store is damaged (what, in words).
    case damaged(String)
    /// A write's `COMMIT` was sent as the connection to the database was lost, and the database did not say, within
    /// ten seconds, whether it was stored.
    case commitOutcomeUnknown
    /// The database (this file) was opened only to read, and the request would change it.
    case readOnlyDatabase(String)
    /// Mail was asked for, and no way to send it is configured.
    case mailNotConfigured
    /// An outcome that ends or stops a licence was given without its grounds' category.
    case groundsNeeded(LicensingOutcome)
    /// Immediate effect was asked for an outcome that is not a suspension or revocation.
    case immediateNotFor(LicensingOutcome)
    /// A licence granted to a driver the JOF's shared register holds an entry about (described), without a referral
    /// to the sub-committee first.
    case sharedRegisterMatch(String)
    /// A suspension or revocation of an application whose latest decision left no licence in force.
    case noLicenceInForce(submission: Int64, outcome: LicensingOutcome)
    /// The database (this file) was made by an earlier version, and cannot be brought up to date by a process that
    /// may only read it.
    case databaseOutOfDate(String)
    /// A `postgresql://` URL that cannot be used (its password hidden), and why.
    case badDatabaseURL(url: String, why: String)
    /// Nothing is held about this URN or driver number.
    case nothingHeldAbout(String)

    // MARK: Accounts

    /// There is no account of that number.
    case noSuchAccount(Int64)
    /// No client of that key has failed sign-ins counted or a lockout.
    case noSuchLockout(String)
    /// An administrator may not disable their own account.
    case ownAccount
    /// The role needs a scope (a school's URN, a district): what it needs, in words.
    case scopeNeeded(Role, expected: String)
    /// The role covers the whole county and takes no scope.
    case scopeNotTaken(Role)

    // MARK: Reports

    /// A report of that kind has no table of that id; these are its tables.
    case noSuchTable(String, tables: [String])
    /// The database holds work that the demo did not make, so the demo will not replace it.
    case notDemoDatabase(String)
    /// The PostgreSQL database (its URL, password hidden) already holds something, and the demo fills only an empty one.
    case notEmptyDatabase(String)

    // MARK: Copying between stores

    /// The store a copy would go into already holds rows of this table.
    case storeNotEmpty(table: String)
    /// After a copy, this table's rows in the two stores differ (their counts given).
    case copyDiffers(table: String, sourceRows: Int, targetRows: Int)
}
