import Foundation
import GRDB
import Records

/// The schema, one migration at a time. A migration that has shipped is never edited: changes are new ones.
enum StoreMigrations {
    /// Every migration, in order.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: submissions, evaluations, register, collections, licensing, accounts, audit") {
            db in
            try createRegister(db)
            try createSubmissions(db)
            try createLicensing(db)
            try createAccess(db)
        }
        migrator.registerMigration("v2: portal sessions and drafts") { db in
            try db.create(table: "session") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("tokenHash", .text).notNull().unique()
                t.column("accountID", .integer).notNull().indexed().references("account")
                t.column("csrfToken", .text).notNull()
                t.column("createdAt", .text).notNull()
                t.column("expiresAt", .text).notNull()
            }
            try db.create(table: "draft") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("accountID", .integer).notNull().references("account")
                t.column("formID", .text).notNull()
                t.column("answers", .text).notNull()
                t.column("updatedAt", .text).notNull()
                t.uniqueKey(["accountID", "formID"])
            }
        }
        migrator.registerMigration("v3: each submission's latest decision read from an index") { db in
            // The reports ask each submission's latest evaluation for its decision: with the decision in the index,
            // SQLite answers from the index alone (360,000 applications: 0.45 s -> 0.15 s).
            try db.create(
                index: "evaluationLatestDecision", on: "evaluation", columns: ["submissionID", "id", "decision"])
        }
        migrator.registerMigration("v4: each typed column holds only its own values") { db in
            try convertSources(db)
            for (table, column, values) in StoredValueSets.typedColumnsOfV4 {
                try constrain(db, table: table, column: column, to: values)
            }
        }
        migrator.registerMigration("v5: transfers between districts, and the audit's security actions") { db in
            try db.create(table: "transfer") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("formID", .text).notNull()
                t.column("subjectKey", .text).notNull()
                t.column("afterSubmission", .integer).notNull().references("submission")
                t.column("fromDistrict", .text)
                t.column("toDistrict", .text).notNull()
                t.column("note", .text)
                t.column("recordedBy", .text).notNull()
                t.column("recordedAt", .text).notNull()
            }
            try db.create(index: "transferBySubject", on: "transfer", columns: ["formID", "subjectKey"])
            try forbidChanges(db, table: "transfer", because: "a recorded transfer is never changed: record a new one")
            for event in ["Insert", "Update"] { try db.execute(sql: "DROP TRIGGER auditActionTyped\(event)") }
            try constrain(db, table: "audit", column: "action", to: StoredValueSets.auditActionsOfV5)
        }
        migrator.registerMigration("v6: failed sign-ins counted by client, shared by every portal process") { db in
            try db.create(table: "signInThrottle") { t in
                t.primaryKey("key", .text)
                t.column("failures", .integer).notNull()
                t.column("windowStart", .text).notNull()
                t.column("lockouts", .integer).notNull()
                t.column("lockedUntil", .text)
                t.column("lastFailureAt", .text).notNull()
            }
        }
        migrator.registerMigration("v7: the retention schedule may erase what has passed its period") { db in
            try allowErasure(db)
        }
        migrator.registerMigration("v8: the chase list: each school's head, telephone and website; mail audited") {
            db in
            try db.alter(table: "school") { t in
                t.add(column: "headName", .text)
                t.add(column: "telephone", .text)
                t.add(column: "website", .text)
            }
            for event in ["Insert", "Update"] { try db.execute(sql: "DROP TRIGGER auditActionTyped\(event)") }
            try constrain(db, table: "audit", column: "action", to: StoredValueSets.auditActionsOfV5 + ["mail"])
        }
        migrator.registerMigration("v9: every licensing outcome, with its grounds and the day it takes effect") { db in
            try db.alter(table: "officerDecision") { t in
                t.add(column: "grounds", .text)
                t.add(column: "effectiveOn", .text)
            }
            for event in ["Insert", "Update"] {
                try db.execute(sql: "DROP TRIGGER officerDecisionOutcomeTyped\(event)")
            }
            try constrain(
                db, table: "officerDecision", column: "outcome",
                to: [
                    "grant", "grant-with-conditions", "refuse", "defer", "refer-to-committee", "suspend", "revoke",
                    "refuse-to-renew",
                ])
            try constrain(
                db, table: "officerDecision", column: "grounds",
                to: ["safeguarding", "road-safety", "dishonesty", "violence", "drugs", "conduct", "other"])
        }
        migrator.registerMigration("v10: the JOF's shared register of refusals, suspensions and revocations") { db in
            try db.create(table: "sharedRegisterEntry") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("driverNumber", .text).notNull().indexed()
                t.column("niNumber", .text).indexed()
                t.column("name", .text)
                t.column("dateOfBirth", .text)
                t.column("authority", .text).notNull()
                t.column("outcome", .text).notNull()
                t.column("grounds", .text).notNull()
                t.column("decidedOn", .text).notNull().indexed()
                t.column("effectiveOn", .text)
                t.column("submissionID", .integer).notNull()  // no reference: the entry outlives the version (11 years)
                t.column("reasons", .text)
            }
            try constrain(
                db, table: "sharedRegisterEntry", column: "outcome",
                to: ["refuse", "suspend", "revoke", "refuse-to-renew"])
            try constrain(db, table: "sharedRegisterEntry", column: "grounds", to: ["safeguarding", "road-safety"])
            // Never changed; deleted only by a retention erasure (see `ErasableTables`), once its 11 years have run.
            let reason = "a register entry is never changed: record a new decision"
            try db.execute(
                sql: """
                    CREATE TRIGGER sharedRegisterEntryKeepUpdate BEFORE UPDATE ON sharedRegisterEntry
                    BEGIN SELECT RAISE(ABORT, '\(reason)'); END
                    """)
            try forbidDeleteUnlessErasing(db, table: "sharedRegisterEntry", because: reason)
        }
        migrator.registerMigration("v11: the facts the reports count, kept as typed columns when a version is stored") {
            db in try createReportFacts(db)
        }
        migrator.registerMigration("v12: the shared register records the driver's current address, as NR3S does") {
            db in
            try db.alter(table: "sharedRegisterEntry") { t in t.add(column: "address", .text) }
        }
        migrator.registerMigration(
            "v13: each driver's licence and checks kept on their facts rows when recorded; versions found by subject"
        ) { db in try keepLicencesAsFacts(db) }
        migrator.registerMigration("v14: the shared register searched by date of birth too, not read through") { db in
            // A driver's register entries are found by driver number, NI number or date of birth: without this
            // index the last of the three read every entry (a scan of NR3S's size for every application checked).
            try db.create(
                index: "sharedRegisterEntry_on_dateOfBirth", on: "sharedRegisterEntry", columns: ["dateOfBirth"])
        }
        migrator.registerMigration(
            "v15: each typed column's value compared with each it may hold, no table of them built for every row"
        ) { db in try compareTypedValues(db) }
        migrator.registerMigration("v16: versions found by subject through the index by form and subject alone") { db in
            // Every stored version wrote a random page of each of two indexes by subject: a fifth of what a national
            // submit wrote. Look-ups by subject alone name the stored forms too (`SQLiteStore.subjectIs`).
            try db.execute(sql: "DROP INDEX submissionBySubjectKey")
        }
        return migrator
    }

    /// The report facts' tables (`SQLiteStore+Facts.swift` writes and reads them): one row a stored version, with
    /// its subject, district, whether it is its subject's latest and its latest evaluation's decision beside what its
    /// answers say, so a report reads these narrow rows and never a stored answer. What was stored before them is
    /// listed in `factBackfill` for the application layer to fill from the stored answers (it needs the forms).
    private static func createReportFacts(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE returnFact (
                  submissionID INTEGER PRIMARY KEY REFERENCES submission(id) ON DELETE CASCADE,
                  formID TEXT NOT NULL, collectionID INTEGER, subjectKey TEXT NOT NULL, district TEXT,
                  latest INTEGER NOT NULL, decision TEXT NOT NULL, firstReceivedAt TEXT NOT NULL,
                  cseDelivered INTEGER NOT NULL, missingDelivered INTEGER NOT NULL, parentsInformed INTEGER NOT NULL,
                  governorsTrained INTEGER NOT NULL, dslLastTraining INTEGER, staffLastUpdate INTEGER, dslName TEXT,
                  dslEmail TEXT);
                CREATE INDEX returnFactLatest ON returnFact(formID, collectionID, latest);
                CREATE TABLE sessionFact (
                  submissionID INTEGER NOT NULL REFERENCES returnFact(submissionID) ON DELETE CASCADE,
                  position INTEGER NOT NULL, topic TEXT NOT NULL CHECK (topic IN ('cse', 'missing')), audience TEXT,
                  provider TEXT, qualityAssured INTEGER NOT NULL,
                  PRIMARY KEY (submissionID, position)) WITHOUT ROWID;
                CREATE TABLE sessionYearGroupFact (
                  submissionID INTEGER NOT NULL, position INTEGER NOT NULL, yearGroup TEXT NOT NULL,
                  PRIMARY KEY (submissionID, position, yearGroup),
                  FOREIGN KEY (submissionID, position) REFERENCES sessionFact(submissionID, position) ON DELETE CASCADE
                ) WITHOUT ROWID;
                CREATE TABLE driverFact (
                  submissionID INTEGER PRIMARY KEY REFERENCES submission(id) ON DELETE CASCADE,
                  formID TEXT NOT NULL, subjectKey TEXT NOT NULL, district TEXT, latest INTEGER NOT NULL,
                  decision TEXT NOT NULL, driverName TEXT, dbsCertificate TEXT, dbsIssueDate INTEGER,
                  dbsUpdateService INTEGER NOT NULL, dbsSubscriptionDate INTEGER, dbsLastStatusCheck INTEGER,
                  trainingCompleted INTEGER NOT NULL, trainingDate INTEGER, registerSearched INTEGER NOT NULL);
                CREATE INDEX driverFactLatest ON driverFact(formID, latest, district);
                CREATE TABLE factBackfill (after INTEGER NOT NULL, through INTEGER NOT NULL);
                INSERT INTO factBackfill SELECT 0, max(id) FROM submission HAVING count(*) > 0;
                """)
    }

    /// What the officers' decisions say about a driver's licence, on each of the driver's facts rows (the latest
    /// grant's term and the earliest ending since, as `DriverLicence` keeps them), what their Update Service checks
    /// found (as `CheckHistory` keeps it), and the outcome of the latest decision on each version, so that the
    /// licensing report reads no decision and no check (`SQLiteStore+LicenceFacts.swift` writes them). Where decisions
    /// or checks are stored, every version's facts are listed in `factBackfill` to be filled again, which works them
    /// out. And an index of the versions by subject alone: recording a check, a driver's history and a subject's
    /// records looked for theirs through every stored version (a national county's: seconds from disk).
    private static func keepLicencesAsFacts(_ db: Database) throws {
        try db.execute(
            sql: """
                ALTER TABLE driverFact ADD COLUMN licenceGranted INTEGER NOT NULL DEFAULT 0;
                ALTER TABLE driverFact ADD COLUMN licenceStart INTEGER;
                ALTER TABLE driverFact ADD COLUMN licenceEnd INTEGER;
                ALTER TABLE driverFact ADD COLUMN licenceEndsOn INTEGER;
                ALTER TABLE driverFact ADD COLUMN officerOutcome TEXT;
                ALTER TABLE driverFact ADD COLUMN lastCheckResult TEXT;
                ALTER TABLE driverFact ADD COLUMN latestNoChange INTEGER;
                CREATE INDEX submissionBySubjectKey ON submission(subjectKey);
                DELETE FROM factBackfill
                  WHERE EXISTS (SELECT 1 FROM officerDecision) OR EXISTS (SELECT 1 FROM dbsCheck);
                INSERT INTO factBackfill SELECT 0, max(id) FROM submission
                  WHERE EXISTS (SELECT 1 FROM officerDecision) OR EXISTS (SELECT 1 FROM dbsCheck) HAVING count(*) > 0;
                """)
    }

    private static func allowErasure(_ db: Database) throws {
        try db.create(table: "erasure") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("startedAt", .text).notNull()
        }
        for (table, reason) in ErasableTables.all {
            try db.execute(sql: "DROP TRIGGER \(table)KeepDelete")
            try forbidDeleteUnlessErasing(db, table: table, because: reason)
        }
        try db.execute(sql: "DROP TRIGGER submissionKeepUpdate")
        try db.execute(
            sql: """
                CREATE TRIGGER submissionKeepUpdate BEFORE UPDATE ON submission
                WHEN NOT EXISTS (SELECT 1 FROM erasure)
                BEGIN SELECT RAISE(ABORT, 'a stored submission is never changed: store a new one'); END
                """)
        let columns = [
            "id", "subjectKind", "subjectKey", "district", "collectionID", "formID", "formVersion", "formHash",
            "fileName", "received", "bound", "source", "submitter", "receivedAt",
        ].map { "\"\($0)\"" }.joined(separator: ", ")
        try db.execute(
            sql: """
                CREATE TRIGGER submissionKeepAnswers BEFORE UPDATE OF \(columns) ON submission
                BEGIN SELECT RAISE(ABORT, 'a stored submission is never changed: store a new one'); END
                """)
    }

    /// Triggers that refuse to insert or set a value a typed column does not hold, naming the values it does. The
    /// migrations that have shipped test the value with `NOT IN (list)`; since v15 it is compared with each value in
    /// turn (`comparing`), and v15 remade the triggers they made so.
    private static func constrain(
        _ db: Database, table: String, column: String, to values: [String], comparing: Bool = false
    ) throws {
        let list = values.map { "'\($0)'" }.joined(separator: ", ")
        let refused =
            comparing
            ? values.map { "NEW.\(column) <> '\($0)'" }.joined(separator: " AND ") : "NEW.\(column) NOT IN (\(list))"
        let message = "\(table).\(column) must be one of: \(values.joined(separator: ", "))"
        let name = typedTriggerName(table: table, column: column)
        for (event, suffix) in [("INSERT", "Insert"), ("UPDATE OF \(column)", "Update")] {
            try db.execute(
                sql: """
                    CREATE TRIGGER \(name)Typed\(suffix) BEFORE \(event) ON \(table)
                    WHEN \(refused)
                    BEGIN SELECT RAISE(ABORT, '\(message)'); END
                    """)
        }
    }

    /// The start of the names of a typed column's triggers: `findingSeverity` (then `TypedInsert`, `TypedUpdate`).
    private static func typedTriggerName(table: String, column: String) -> String {
        table + column.prefix(1).uppercased() + column.dropFirst()
    }

    /// Remakes every typed column's triggers to compare the new value with each the column may hold. SQLite runs a
    /// trigger's `NOT IN (list)` by building a table of the list each time the trigger fires: seven tables for each
    /// stored school's return (its submission, evaluation, findings and audit line), 5% of a submit's CPU time.
    private static func compareTypedValues(_ db: Database) throws {
        let triggers = try Row.fetchAll(
            db, sql: "SELECT tbl_name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%TypedInsert'")
        for trigger in triggers {
            let table: String = trigger["tbl_name"]
            let sql: String = trigger["sql"]
            // Each was made by `constrain`, whose message names the column and its values ("finding.severity must
            // be one of: error, refer, warning, info"); a trigger made otherwise (by hand) is left as it is.
            guard let start = sql.range(of: "'\(table)."),
                let middle = sql.range(of: " must be one of: ", range: start.upperBound..<sql.endIndex),
                let end = sql.range(of: "'", range: middle.upperBound..<sql.endIndex)
            else { continue }
            let column = String(sql[start.upperBound..<middle.lowerBound])
            let name = typedTriggerName(table: table, column: column)
            try db.execute(sql: "DROP TRIGGER IF EXISTS \(name)TypedInsert")
            try db.execute(sql: "DROP TRIGGER IF EXISTS \(name)TypedUpdate")
            try constrain(
                db, table: table, column: column,
                to: sql[middle.upperBound..<end.lowerBound].components(separatedBy: ", "), comparing: true)
        }
    }

    /// Before v4, `submit --source` took any text. A source written in another case or with spaces becomes the
    /// source it names; any other becomes `file` (each was a file given to `submit`), and the audit log says which
    /// submissions changed and what they said. The submission table refuses updates, so its trigger is lifted for
    /// this one change and put back as v1 made it.
    private static func convertSources(_ db: Database) throws {
        let known: Set<String> = ["file", "email", "portal", "api", "batch"]
        let found = try String.fetchAll(db, sql: "SELECT DISTINCT source FROM submission")
        let strays = found.filter { !known.contains($0) }
        guard !strays.isEmpty else { return }
        try db.execute(sql: "DROP TRIGGER submissionKeepUpdate")
        for stray in strays {
            let named = stray.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
            let source = known.contains(named) ? named : "file"
            let ids = try Int64.fetchAll(
                db, sql: "SELECT id FROM submission WHERE source = ? ORDER BY id", arguments: [stray])
            try db.execute(sql: "UPDATE submission SET source = ? WHERE source = ?", arguments: [source, stray])
            try db.execute(
                sql: "INSERT INTO audit (at, actor, action, target, detail) VALUES (?, 'safeguard', 'migrate', ?, ?)",
                arguments: [
                    SQLiteStore.now(), "submissions",
                    "source '\(stray)' recorded as '\(source)' (the sources are file, email, portal, api and batch) "
                        + "on submissions " + ids.map(String.init).joined(separator: ", "),
                ])
        }
        try db.execute(
            sql: """
                CREATE TRIGGER submissionKeepUpdate BEFORE UPDATE ON submission
                BEGIN SELECT RAISE(ABORT, 'a stored submission is never changed: store a new one'); END
                """)
    }

    private static func createRegister(_ db: Database) throws {
        try db.create(table: "district") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("slug", .text).notNull().unique()
            t.column("code", .text)
            t.column("name", .text).notNull()
        }
        try db.create(table: "school") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("urn", .text).notNull().unique()
            t.column("name", .text).notNull()
            t.column("dfeNumber", .text)
            t.column("phase", .text).notNull()
            t.column("phaseName", .text).notNull()
            t.column("typeName", .text).notNull()
            t.column("religiousCharacter", .text)
            t.column("districtID", .integer).notNull().references("district")
            t.column("postcode", .text)
            t.column("status", .text).notNull()
            t.column("updatedAt", .text).notNull()
            t.column("closedAt", .text)
        }
        try db.create(table: "collection") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("name", .text).notNull().unique()
            t.column("formID", .text).notNull()
            t.column("periodStart", .text).notNull()
            t.column("periodEnd", .text).notNull()
            t.column("due", .text).notNull()
            t.column("openedBy", .text).notNull()
            t.column("openedAt", .text).notNull()
        }
    }

    private static func createSubmissions(_ db: Database) throws {
        try db.create(table: "definition") { t in
            t.primaryKey("hash", .text)
            t.column("kind", .text).notNull()
            t.column("formID", .text).notNull()
            t.column("fileName", .text).notNull()
            t.column("content", .blob).notNull()
            t.column("firstUsedAt", .text).notNull()
        }
        try db.create(table: "submission") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("subjectKind", .text).notNull()
            t.column("subjectKey", .text).notNull()
            t.column("district", .text)
            t.column("collectionID", .integer).references("collection")
            t.column("formID", .text).notNull()
            t.column("formVersion", .text).notNull()
            t.column("formHash", .text).notNull().references("definition")
            t.column("fileName", .text).notNull()
            t.column("received", .blob).notNull()
            t.column("bound", .text).notNull()
            t.column("source", .text).notNull()
            t.column("submitter", .text).notNull()
            t.column("receivedAt", .text).notNull()
            t.column("supersedes", .integer).unique().references("submission")
        }
        try db.create(
            index: "submissionBySubject", on: "submission", columns: ["formID", "subjectKey", "collectionID"])
        try db.create(table: "evaluation") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("submissionID", .integer).notNull().indexed().references("submission")
            t.column("formHash", .text).notNull().references("definition")
            t.column("ruleSetHash", .text).references("definition")
            t.column("parameters", .text).notNull()
            t.column("asOf", .text).notNull()
            t.column("decision", .text).notNull()
            t.column("reason", .text).notNull()
            t.column("evaluatedBy", .text).notNull()
            t.column("evaluatedAt", .text).notNull()
        }
        try db.create(table: "finding") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("evaluationID", .integer).notNull().indexed().references("evaluation")
            t.column("rule", .text).notNull()
            t.column("severity", .text).notNull()
            t.column("path", .text).notNull()
            t.column("line", .integer)
            t.column("column", .integer)
            t.column("message", .text).notNull()
            t.column("detail", .text).notNull()
        }
        for table in ["submission", "evaluation", "finding", "definition"] {
            try forbidChanges(db, table: table, because: "a stored \(table) is never changed: store a new one")
        }
    }

    private static func createLicensing(_ db: Database) throws {
        try db.create(table: "officerDecision") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("submissionID", .integer).notNull().indexed().references("submission")
            t.column("outcome", .text).notNull()
            t.column("licenceStart", .text)
            t.column("licenceEnd", .text)
            t.column("note", .text)
            t.column("decidedBy", .text).notNull()
            t.column("decidedAt", .text).notNull()
        }
        try db.create(table: "dbsCheck") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("driverNumber", .text).notNull().indexed()
            t.column("checkedOn", .text).notNull()
            t.column("result", .text).notNull()
            t.column("note", .text)
            t.column("recordedBy", .text).notNull()
            t.column("recordedAt", .text).notNull()
        }
        for table in ["officerDecision", "dbsCheck"] {
            try forbidChanges(db, table: table, because: "a recorded \(table) is never changed: record a new one")
        }
    }

    private static func createAccess(_ db: Database) throws {
        try db.create(table: "account") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("name", .text).notNull()
            t.column("role", .text).notNull()
            t.column("scope", .text)
            t.column("tokenHash", .text).notNull().unique()
            t.column("createdAt", .text).notNull()
            t.column("disabledAt", .text)
        }
        try db.create(table: "audit") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("at", .text).notNull().indexed()
            t.column("actor", .text).notNull()
            t.column("action", .text).notNull()
            t.column("target", .text).notNull()
            t.column("detail", .text).notNull()
        }
        try forbidChanges(db, table: "audit", because: "the audit log is never changed")
    }

    /// Triggers that refuse any UPDATE or DELETE on a table whose rows are a permanent record.
    /// Refuses a delete from the table unless a retention erasure is under way (a row of `erasure` exists).
    private static func forbidDeleteUnlessErasing(_ db: Database, table: String, because reason: String) throws {
        try db.execute(
            sql: """
                CREATE TRIGGER \(table)KeepDelete BEFORE DELETE ON \(table)
                WHEN NOT EXISTS (SELECT 1 FROM erasure)
                BEGIN SELECT RAISE(ABORT, '\(reason)'); END
                """)
    }

    private static func forbidChanges(_ db: Database, table: String, because reason: String) throws {
        for (operation, name) in [("UPDATE", "Update"), ("DELETE", "Delete")] {
            try db.execute(
                sql: """
                    CREATE TRIGGER \(table)Keep\(name) BEFORE \(operation) ON \(table)
                    BEGIN SELECT RAISE(ABORT, '\(reason)'); END
                    """)
        }
    }
}
