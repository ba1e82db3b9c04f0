import Records
import UseCases

/// Fills an older database's report facts before a report or the portal needs them, saying so first: it happens
/// once, and on a national database it takes the better part of half a minute. A database this user cannot write
/// is left as it is (its reports are refused, with the reason, until someone who can write it runs one).
func fillReportFactsSayingSo(_ safeguarding: Safeguarding) async throws {
    guard try await safeguarding.reportFactsToFill() else { return }
    printError(
        "note: keeping the report facts of the versions stored before this version of Safeguarding kept them; "
            + "once, about 20 s for 400,000 versions.")
    do {
        try await safeguarding.fillReportFacts()
    } catch Refusal.readOnlyDatabase {
        printError(
            "note: this database is read-only for you: its reports will be refused until someone who can write it runs one."
        )
    }
}
