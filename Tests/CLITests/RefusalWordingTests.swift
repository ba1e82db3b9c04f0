import FormEngine
import HTTPTypes
import Records
import Testing

@testable import WebPortal
@testable import safeguard

@Suite("Each refusal in each door's words")
struct RefusalWordingTests {
    /// One of every refusal, with data as a use case gives it.
    static let every: [Refusal] = [
        .unreadable, .noSubject(field: "Driving licence number"), .noDistrict(field: "District council applied to"),
        .notRegistered(urn: "121734", closed: false), .notRegistered(urn: "121801", closed: true),
        .collectionForAnotherForm(
            collection: "s11-2025-26", collectionForm: "section11-school-return", form: "taxi-driver-application"),
        .noCollectionOpen(form: "Section 11 return"), .noSuchCollection("s99"), .hasErrors(count: 3),
        .otherSchool(own: "121734"), .otherDistrict(own: "Corby"), .notAllowed(.policy),
        .knownToAnotherDistrict(driver: "PATEL702238AP9AB"),
        .alreadyInDistrict(driver: "PATEL702238AP9AB", district: "corby"),
        .noSuchDistrict("Narnia", districts: "corby (Corby), kettering (Kettering)"),
        .noSuchForm("taxi", known: ["section11-school-return", "taxi-driver-application"]), .noFormAbout(.driver),
        .noRoundsFor(form: "Taxi and private hire driver licence application"), .collectionExists("s11-2025-26"),
        .periodReversed(start: Day(iso: "2026-09-01")!, end: Day(iso: "2025-08-31")!), .noSuchSubmission(9),
        .notAnApplication(1), .replaced(5, by: 8), .incomplete(6), .licenceStartNeeded,
        .licenceDatesReversed(start: Day(iso: "2026-11-01")!, end: Day(iso: "2026-10-01")!),
        .licenceOutlastsLeave(leaveEnds: Day(iso: "2028-01-31")!),
        .noteNeeded(.grantWithConditions), .noteNeeded(.refuse),
        .earlierDecision(submission: 5, outcome: .grant, by: "corby.officer", on: "2026-11-01"),
        .notADriverNumber("ABC", expected: IdentifierFormat.driverNumber.expectation),
        .noApplicationForDriver("JONES957309BA9XY"),
        .dateInFuture(Day(iso: "2026-12-03")!, today: Day(iso: "2026-12-02")!), .noSuchEvaluation(99),
        .damaged("evaluation 3 has lost the form it used"), .noSuchAccount(42), .ownAccount,
        .scopeNeeded(.school, expected: "the school's 6-digit URN as its scope"), .scopeNotTaken(.policy),
        .noSuchTable("nope", tables: ["by-district", "gaps"]), .notDemoDatabase("safeguard.sqlite"),
        .noSuchLockout("address 192.0.2.7"), .nothingHeldAbout("NOONE000000XX0XX"),
        .readOnlyDatabase("safeguard.sqlite"), .databaseOutOfDate("safeguard.sqlite"),
        .badDatabaseURL(
            url: "postgresql://db.example/x?sslmode=sometimes",
            why: "sslmode 'sometimes' is not disable, prefer or require"),
        .notEmptyDatabase("postgresql://safeguard:***@db.example/safeguard"), .storeNotEmpty(table: "submission"),
        .copyDiffers(table: "audit", sourceRows: 12, targetRows: 11), .commitOutcomeUnknown,
    ]

    @Test("the command line words every refusal, and may name the option or command that puts it right")
    func commandLine() {
        for refusal in Self.every {
            let text = refusal.commandLineText
            #expect(!text.isEmpty && (text.hasSuffix(".") || text.hasPrefix("not stored:")), "\(refusal): \(text)")
        }
        #expect(
            Refusal.notRegistered(urn: "121734", closed: false).commandLineText
                == "not stored: the URN 121734 is not in the register. Import the current GIAS extract with "
                + "'safeguard register import', or submit with --allow-unregistered")
        #expect(Refusal.noteNeeded(.refuse).commandLineText == "'refuse' needs the reasons: give them with --note.")
        #expect(
            Refusal.earlierDecision(submission: 5, outcome: .grant, by: "corby.officer", on: "2026-11-01")
                .commandLineText.hasSuffix("To record a decision in its place, give --replace."))
        #expect(Refusal.noteNeeded(.refuse).isUsage && !Refusal.incomplete(6).isUsage)
    }

    @Test("the portal and the API word every refusal with a status, and never name a command or an option")
    func portal() {
        for refusal in Self.every {
            let error = refusal.portalError
            #expect(!error.message.isEmpty, "\(refusal)")
            #expect(!error.message.contains("--") && !error.message.contains("safeguard "), "\(refusal): \(error)")
            #expect((400..<600).contains(error.status.code), "\(refusal)")
        }
        let statuses: [(Refusal, Int)] = [
            (.noCollectionOpen(form: "Section 11 return"), 409), (.otherSchool(own: "121734"), 403),
            (.otherDistrict(own: "Corby"), 403), (.notAllowed(.policy), 403), (.noSuchSubmission(9), 404),
            (.noSubject(field: "URN"), 422), (.notRegistered(urn: "121734", closed: false), 422),
            (.incomplete(6), 409), (.replaced(5, by: 8), 409), (.damaged("x"), 500),
            (.knownToAnotherDistrict(driver: "PATEL702238AP9AB"), 409), (.commitOutcomeUnknown, 503),
        ]
        for (refusal, status) in statuses { #expect(refusal.portalError.status.code == status, "\(refusal)") }
        #expect(
            Refusal.notRegistered(urn: "121734", closed: false).portalError.message
                == "The URN 121734 is not in the register of schools, so a return cannot be filed for it. "
                + "Ask the board to bring the register up to date.")
        #expect(
            !Refusal.damaged("evaluation 3 has lost the form it used").portalError.message.contains("evaluation 3"),
            "what is damaged inside is not told to the outside")
    }
}
