import ArgumentParser
import FormEngine
import Records

extension Refusal {
    /// The refusal in the words of someone at the command line, who may be told which command or option to use.
    var commandLineText: String {
        switch self {
        case .unreadable:
            return "not stored: it could not be read as a submission (see the errors above)"
        case .noSubject(let field), .noDistrict(let field):
            return "not stored: it has no valid answer to \"\(field)\", so it cannot be filed"
        case .notRegistered(let urn, let closed):
            return "not stored: the URN \(urn) \(closed ? "is closed in the register" : "is not in the register"). "
                + "Import the current GIAS extract with 'safeguard register import', or submit with --allow-unregistered"
        case .collectionForAnotherForm(let collection, let collectionForm, let form):
            return "not stored: the collection '\(collection)' is for the form '\(collectionForm)', not '\(form)'"
        case .noCollectionOpen(let form):
            return "not stored: no round of returns is open for \"\(form)\". Open one with 'safeguard collection open'"
        case .noSuchCollection(let name):
            return "There is no collection '\(name)'. Open it with 'safeguard collection open'; "
                + "'safeguard collection list' shows those there are."
        case .receivedList(let file, let line, let problem):
            return "\(file):\(line): \(problem) Nothing was stored: correct the list, then submit the folder again."
        case .hasErrors(let count):
            return "not stored: it has \(Wording.count(count, "error")) to correct first"
        case .otherSchool(let own):
            return "not stored: only the school's own return (URN \(own)) can be sent by this account"
        case .otherDistrict(let own):
            return "not stored: only applications to \(own) can be entered by this account"
        case .notAllowed(let role):
            return "A \(role.rawValue) account cannot do this."
        case .knownToAnotherDistrict(let driver):
            return "not stored: the driver \(driver) is known to another district, which holds their applications. "
                + "Ask that district, or record a transfer with 'safeguard transfer \(driver) --to DISTRICT'"
        case .alreadyInDistrict(let driver, let district):
            return "The driver \(driver)'s latest application is already in \(district): there is nothing to transfer."
        case .noSuchDistrict(let text, let districts, let suggestion):
            return
                "'\(text)' is not a district.\(suggestion.map { " Did you mean '\($0)'?" } ?? "") The districts are: "
                + "\(districts)."
        case .noSuchForm(let id, let known):
            return "There is no form '\(id)'.\(Suggestion.didYouMean(id, in: known)) The forms are: "
                + "\(known.joined(separator: ", "))."
        case .noFormAbout(let subject):
            return "No form is about \(subject == .school ? "schools" : "drivers"): add one to the forms folder."
        case .noRoundsFor(let form):
            return "\"\(form)\" is not collected in rounds: its submissions are made at any time, to no collection."
        case .collectionExists(let name):
            return "There is already a collection '\(name)'. Choose another name."
        case .periodReversed(let start, let end):
            return "The period starts (\(start.iso)) after it ends (\(end.iso)): check --period-start and --period-end."
        case .noSuchSubmission(let id):
            return "There is no submission \(id)."
        case .notAnApplication(let id):
            return "Submission \(id) is not a driver's application: only applications are decided."
        case .replaced(let id, let later):
            return "Submission \(id) has been replaced by submission \(later): decide on the latest version."
        case .incomplete(let id):
            return "Submission \(id) is incomplete (rejected): a licence cannot be granted on it. "
                + "Record 'refuse' or 'defer', or have the applicant submit a corrected application."
        case .licenceStartNeeded:
            return "A licence granted needs the day it starts: give --start (and --end, or --years)."
        case .licenceDatesReversed(let start, let end):
            return "The licence would end (\(end.iso)) on or before the day it starts (\(start.iso)): check --end."
        case .licenceOutlastsLeave(let leaveEnds):
            return "The applicant's permission to stay in the UK ends on \(leaveEnds.iso): a licence may not run past "
                + "it. Give an --end no later than that day, or leave --end out and the licence ends on it."
        case .noteNeeded(let outcome):
            return "'\(outcome.rawValue)' needs \(outcome == .grantWithConditions ? "the conditions" : "the reasons"): "
                + "give them with --note."
        case .groundsNeeded(let outcome):
            return "'\(outcome.rawValue)' needs the category of its grounds: give it with --grounds ("
                + DecisionGrounds.allCases.map(\.rawValue).joined(separator: ", ") + ")."
        case .immediateNotFor(let outcome):
            return "Only a suspension or a revocation can take effect at once; '\(outcome.rawValue)' cannot: leave out "
                + "--immediate."
        case .sharedRegisterMatch(let entry):
            return "The JOF's shared register records \(entry). Refer the application to the licensing "
                + "sub-committee first ('safeguard decide N --outcome refer-to-committee --note ...'); record the grant after its decision."
        case .noLicenceInForce(let id, let outcome):
            return "Submission \(id) has no licence in force to \(outcome.rawValue): its latest decision is not a "
                + "grant. See 'safeguard history' for the driver's decisions."
        case .earlierDecision(let id, let outcome, let by, let on):
            return "Submission \(id) was decided on \(on) by \(by) ('\(outcome.rawValue)'). To record a decision "
                + "in its place, give --replace."
        case .notADriverNumber(let text, let expected):
            return "'\(text)' is not a driver number: \(expected)."
        case .noApplicationForDriver:
            return "No application is stored for that driver number: check the number, or submit the application first."
        case .dateInFuture(let day, let today):
            return "\(day.iso) is after today (\(today.iso)): a check is recorded once it has been made."
        case .noSuchEvaluation(let id):
            return "There is no evaluation \(id)."
        case .damaged(let what):
            return "The store is damaged: \(what)."
        case .commitOutcomeUnknown:
            return "The connection to the database was lost as this was being stored, and the database has not said "
                + "whether it was: look for it ('safeguard history') before doing it again."
        case .noSuchAccount(let id):
            return "There is no account \(id)."
        case .noSuchLockout(let key):
            return "No client is locked out or has failed sign-ins counted as '\(key)': 'safeguard lockouts list' "
                + "shows those there are."
        case .mailNotConfigured:
            return "No mail can be sent: say which sendmail program hands mail to this machine's mail system with "
                + "--sendmail PATH (or $SAFEGUARD_SENDMAIL), for example --sendmail /usr/sbin/sendmail."
        case .readOnlyDatabase(let path):
            return "\(path) is read-only for you, and this command changes it. Ask for write access to it and its "
                + "folder, or work on a copy."
        case .databaseOutOfDate(let path):
            return "\(path) was made by an earlier Safeguard and is read-only for you, so it cannot be brought up to "
                + "date. Run any command on it once as someone who can write it, then read it again."
        case .badDatabaseURL(let url, let why):
            return "\(url) cannot be used as the database: \(why). Give a file path for SQLite, or a URL such as "
                + "postgresql://safeguard:PASSWORD@db.example:5432/safeguard?sslmode=require."
        case .nothingHeldAbout(let subject):
            return "Nothing is held about '\(subject)': no submission names it and no check was recorded on it. "
                + "Give a URN or a driver number exactly as submitted ('safeguard history' finds them)."
        case .ownAccount:
            return "An admin cannot disable their own account: ask another admin."
        case .scopeNeeded(let role, let expected):
            return "A \(role.rawValue) account needs \(expected). Give it with --scope."
        case .scopeNotTaken(let role):
            return "A \(role.rawValue) account has no scope: it covers the county. Leave out --scope."
        case .noSuchTable(let id, let tables):
            return "There is no table '\(id)'.\(Suggestion.didYouMean(id, in: tables)) The tables are: "
                + "\(tables.joined(separator: ", "))."
        case .notDemoDatabase(let path):
            return "\(path) holds work that is not the demo's. Run the demo with --database demo.sqlite, "
                + "or move \(path) away first."
        case .storeNotEmpty(let table):
            return "The database to copy into already holds records (its \(table) table is not empty), and a copy "
                + "goes only into an empty one. Make a new database (createdb, or a new file's path) and copy into it."
        case .copyDiffers(let table, let sourceRows, let targetRows):
            return "The copy does not match: the \(table) table holds \(sourceRows) rows in the source and "
                + "\(targetRows) in the copy, or rows that differ. Was the source changed while it was copied? Stop "
                + "every process that writes it, make the target empty again, and copy once more."
        case .notEmptyDatabase(let url):
            return "\(url) already holds work, and the demo fills only an empty PostgreSQL database. Make one "
                + "(createdb safeguard_demo) and give its URL, or run the demo with --database demo.sqlite."
        }
    }

    /// True when the refusal is of what was typed (an option's value, a missing option): a usage mistake, exit 64.
    var isUsage: Bool {
        switch self {
        case .noSuchForm, .noSuchCollection, .noSuchTable, .scopeNeeded, .scopeNotTaken, .notADriverNumber,
            .noSuchDistrict,
            .periodReversed, .licenceStartNeeded, .licenceDatesReversed, .licenceOutlastsLeave, .noteNeeded,
            .dateInFuture, .noRoundsFor,
            .mailNotConfigured, .groundsNeeded, .immediateNotFor:
            return true
        default:
            return false
        }
    }

    /// The error the command ends with, once the refusal is printed as `error: ...`: 64 for a usage mistake, 1 for
    /// a request refused.
    var commandLineError: any Error {
        printError("error: \(commandLineText)")
        return ExitCode(isUsage ? 64 : 1)
    }
}

/// Runs a use case; a refusal ends the command in its words (see `Refusal.commandLineError`).
func carryOut<T>(_ work: () async throws -> T) async throws -> T {
    do {
        return try await work()
    } catch let refusal as Refusal {
        throw refusal.commandLineError
    }
}
