import Records
import UseCases

/// Fills an older database's report facts before a report or the portal needs them, saying so first: it happens
/// once, and on a national database it takes from 20 s to over a minute (where decisions and checks are stored, each
/// driver's licence and checks are worked out too). A database this user cannot write
/// is left as it is (its reports are refused, with the reason, until someone who can write it runs one).
func fillReportFactsSayingSo(_ safeguarding: Safeguarding) async throws {
    guard try await safeguarding.reportFactsToFill() else { return }
    printError(
        "note: keeping the report facts of the versions stored before this version of Safeguarding kept them; "
            + "once, from about 20 s to over a minute for 400,000 versions.")
    do {
        try await safeguarding.fillReportFacts()
    } catch Refusal.readOnlyDatabase {
        printError(
            "note: this database is read-only for you: its reports will be refused until someone who can write it runs one."
        )
    }
}
