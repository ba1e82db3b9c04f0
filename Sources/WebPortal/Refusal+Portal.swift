import FormEngine
import Hummingbird
import Records

extension Refusal {
    /// The refusal as the portal and the API answer it: a status, and a sentence for a person at a page or the
    /// programmer of a client, saying what to do. It never names a command or an option.
    var portalError: PortalError {
        switch self {
        case .unreadable:
            return .unprocessable("It could not be read as a submission: its findings say why.")
        case .noSubject(let field), .noDistrict(let field):
            return .unprocessable("It has no valid answer to \"\(field)\", so it cannot be filed.")
        case .notRegistered(let urn, let closed):
            return .unprocessable(
                "The URN \(urn) is \(closed ? "closed in" : "not in") the register of schools, so a return cannot be "
                    + "filed for it. Ask the board to bring the register up to date.")
        case .collectionForAnotherForm(let collection, let collectionForm, let form):
            return .unprocessable("The round '\(collection)' is for the form '\(collectionForm)', not '\(form)'.")
        case .noCollectionOpen:
            return PortalError(
                status: .conflict, message: "No round of returns is open, so a return cannot be sent yet.")
        case .noSuchCollection(let name):
            return .notFound("There is no collection '\(name)'.")
        case .hasErrors(let count):
            return .unprocessable(
                "Your return has \(Wording.count(count, "error")) to correct before it can be sent: each is shown "
                    + "below, with a link to the question.")
        case .otherSchool(let own):
            return .forbidden("You can only send your own school's return (URN \(own)).")
        case .otherDistrict(let own):
            return .forbidden("You can only enter applications for your own district (\(own)).")
        case .notAllowed(let role):
            return .forbidden("A \(role.rawValue) account cannot use this.")
        case .knownToAnotherDistrict:
            return PortalError(
                status: .conflict,
                message: "This driver is known to another district, which holds their applications. Ask that "
                    + "district, or ask the board's administrator to record a transfer of the driver to yours.")
        case .alreadyInDistrict(let driver, let district):
            return PortalError(
                status: .conflict,
                message: "The driver \(driver)'s latest application is already in \(district): there is nothing to "
                    + "transfer.")
        case .noSuchDistrict(let text, let districts, let suggestion):
            return .unprocessable(
                "'\(text)' is not a district.\(suggestion.map { " Did you mean '\($0)'?" } ?? "") The districts are: "
                    + "\(districts).")
        case .noSuchForm, .noFormAbout, .noSuchSubmission, .noSuchEvaluation, .noSuchAccount, .noSuchLockout:
            return .notFound()
        case .noRoundsFor(let form):
            return .unprocessable("\"\(form)\" is not collected in rounds.")
        case .collectionExists(let name):
            return PortalError(status: .conflict, message: "There is already a collection '\(name)'.")
        case .periodReversed(let start, let end):
            return .badRequest("The period starts (\(start.spoken)) after it ends (\(end.spoken)).")
        case .notAnApplication(let id):
            return .unprocessable("Submission \(id) is not a driver's application: only applications are decided.")
        case .replaced(let id, let later):
            return PortalError(
                status: .conflict,
                message: "Submission \(id) has been replaced by submission \(later): decide on the latest version.")
        case .incomplete(let id):
            return PortalError(
                status: .conflict,
                message:
                    "Submission \(id) is incomplete (rejected): a licence cannot be granted on it. Refuse or defer "
                    + "it, or ask the applicant for a corrected application.")
        case .licenceStartNeeded:
            return .unprocessable("Enter the day the licence starts, like 1 4 2027")
        case .licenceDatesReversed:
            return .unprocessable("The last day of the licence must be after the day it starts")
        case .licenceOutlastsLeave(let leaveEnds):
            return .unprocessable(
                "The applicant's permission to stay ends on \(leaveEnds.spoken): the last day of the licence must be "
                    + "no later, or leave it empty")
        case .noteNeeded(let outcome):
            return .unprocessable(
                "Enter \(outcome == .grantWithConditions ? "the conditions" : "the reasons") for your decision")
        case .groundsNeeded:
            return .unprocessable("Select the grounds for your decision")
        case .immediateNotFor:
            return .unprocessable("Only a suspension or a revocation can take effect at once")
        case .sharedRegisterMatch(let entry):
            return PortalError(
                status: .conflict,
                message: "The JOF's shared register records \(entry). Refer the application to the licensing "
                    + "sub-committee first; record the grant after its decision. Nothing was recorded.")
        case .noLicenceInForce(_, let outcome):
            return PortalError(
                status: .conflict,
                message: "There is no licence in force to \(outcome == .suspend ? "suspend" : "revoke"): the "
                    + "application's latest decision is not a grant. Nothing was recorded.")
        case .earlierDecision(_, let outcome, let by, let on):
            return PortalError(
                status: .conflict,
                message: "A decision is already recorded on this application (\(outcome.rawValue), by \(by) on "
                    + "\(Day(iso: on)?.spoken ?? on)). To record yours in its place, say that it replaces it.")
        case .notADriverNumber(let text, let expected):
            return .unprocessable("'\(text)' is not a driver number: \(expected).")
        case .noApplicationForDriver:
            return .notFound("No application is stored for that driver number.")
        case .mailNotConfigured:
            return PortalError(
                status: .serviceUnavailable,
                message: "No mail can be sent from the portal: tell the board's administrator. Nothing was sent.")
        case .readOnlyDatabase, .databaseOutOfDate, .badDatabaseURL:
            return PortalError(
                status: .serviceUnavailable,
                message:
                    "Nothing can be changed on the portal just now. Tell the board's administrator; nothing was changed."
            )
        case .receivedList:
            return .unprocessable("The list of when the files were received does not match the files.")
        case .nothingHeldAbout:
            return .notFound("Nothing is held about that URN or driver number.")
        case .dateInFuture(let day, let today):
            return .unprocessable("\(day.spoken) is after today (\(today.spoken)): record a check once it is made.")
        case .commitOutcomeUnknown:
            return PortalError(
                status: .serviceUnavailable,
                message:
                    "The connection to the database was lost as this was being saved, and it may have been saved: "
                    + "look for it before sending it again.")
        case .damaged:
            return PortalError(
                status: .internalServerError,
                message: "Something stored cannot be read. Tell the board's administrator; nothing has been changed.")
        case .ownAccount:
            return .badRequest("You cannot disable your own account: ask another admin.")
        case .scopeNeeded(let role, let expected):
            return .unprocessable("A \(role.rawValue) account needs \(expected).")
        case .scopeNotTaken(let role):
            return .unprocessable("A \(role.rawValue) account has no scope: it covers the county.")
        case .noSuchTable(let id, let tables):
            return .notFound(
                "There is no table '\(id)' in this report. The tables are: \(tables.joined(separator: ", ")).")
        case .notDemoDatabase, .notEmptyDatabase, .storeNotEmpty, .copyDiffers:
            return PortalError(status: .conflict, message: "This database holds work that is not the demo's.")
        }
    }
}
