import FormEngine
import Foundation
import GRDB
import Records
import TestSupport
import Testing

@testable import SQLiteStore

@Suite("A database made by an earlier version opens and is brought up to date")
struct MigrationTests {
    /// A new store holding the three example applications, and its database file.
    static func storeOfApplications() async throws -> (TemporaryStore, String) {
        let temporary = try await TemporaryStore()
        for file in ["amir-patel-renewal.yaml", "beth-jones-incomplete.yaml", "carl-mason-refer.json"] {
            _ = try await temporary.submit(example: "applications/" + file, asOf: "2026-10-20")
        }
        return (temporary, temporary.folder.appendingPathComponent("test.sqlite").path)
    }

    @Test("a database from before v3 gains the decision index when opened, and keeps every submission")
    func upgradeToV3() async throws {
        let temporary = try await TemporaryStore()
        try await temporary.importRegister()
        let collection = try await temporary.openCollection()
        let stored = try #require(
            storedID(try await temporary.submit(example: "returns/oakfield-primary.yaml", collection: collection)))
        let path = temporary.folder.appendingPathComponent("test.sqlite").path
        // Make it a database as v2 left it: no index, and v3 not recorded as applied.
        try await temporary.sqlite.pool.write { db in
            try db.execute(sql: "DROP INDEX evaluationLatestDecision")
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier LIKE 'v3:%'")
        }
        let before = try await temporary.store.latestReturns(
            formID: "section11-school-return", collectionID: collection.id)

        let reopened = try SQLiteStore.open(path: path)
        let indexes = try await reopened.pool.read { db in
            try String.fetchAll(
                db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'evaluation'")
        }
        #expect(indexes.contains("evaluationLatestDecision"))
        let after = try await reopened.latestReturns(
            formID: "section11-school-return", collectionID: collection.id)
        #expect(after.map(\.id) == [stored])
        #expect(after.map(\.id) == before.map(\.id))
        #expect(after.map(\.decision) == before.map(\.decision))
    }

    @Test("v16 drops the index by subject alone: a subject's versions are found through the one by form and subject")
    func upgradeToV16() async throws {
        let (temporary, path) = try await Self.storeOfApplications()
        // Make it a database as v15 left it: the index by subject alone, and v16 not recorded as applied.
        try await temporary.sqlite.pool.write { db in
            try db.execute(sql: "CREATE INDEX submissionBySubjectKey ON submission(subjectKey)")
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier LIKE 'v16:%'")
        }
        let reopened = try SQLiteStore.open(path: path)
        let (indexes, plan) = try await reopened.pool.read { db in
            (
                try String.fetchAll(
                    db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'submission'"),
                try Row.fetchAll(
                    db, sql: "EXPLAIN QUERY PLAN SELECT id FROM submission WHERE \(SQLiteStore.subjectIs())",
                    arguments: ["PATEL702238AP9AB"]
                ).map { $0["detail"] as String }
            )
        }
        #expect(!indexes.contains("submissionBySubjectKey"))
        #expect(indexes.contains("submissionBySubject"))
        #expect(plan.contains { $0.contains("submissionBySubject (formID=? AND subjectKey=?)") }, "\(plan)")
        #expect(!plan.contains { $0.hasPrefix("SCAN submission") }, "\(plan)")
        let history = try await reopened.history(subjectKey: "PATEL702238AP9AB")
        #expect(history.map(\.submission.subjectKey) == ["PATEL702238AP9AB"])
    }

    @Test("v4 records a source typed in another case as the one it names, and any other as file, in the audit log")
    func upgradeToV4() async throws {
        let (temporary, path) = try await Self.storeOfApplications()
        // Make it a database as v3 left it: no typed columns, and sources as `submit --source` took them, any text.
        try await temporary.sqlite.pool.write { db in
            let triggers = try String.fetchAll(
                db, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%Typed%'")
            for trigger in triggers { try db.execute(sql: "DROP TRIGGER \(trigger)") }
            // And as before v7: no erasure, so nothing but submissionKeepUpdate guards a submission.
            try db.execute(sql: "DROP TRIGGER submissionKeepAnswers")
            try db.execute(sql: "DROP TABLE erasure")
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier LIKE 'v7:%'")
            try db.execute(sql: "DROP TRIGGER submissionKeepUpdate")
            try db.execute(sql: "UPDATE submission SET source = ' Email' WHERE id = 1")
            try db.execute(sql: "UPDATE submission SET source = 'fax' WHERE id IN (2, 3)")
            try db.execute(
                sql: """
                    CREATE TRIGGER submissionKeepUpdate BEFORE UPDATE ON submission
                    BEGIN SELECT RAISE(ABORT, 'a stored submission is never changed: store a new one'); END
                    """)
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier LIKE 'v4:%'")
        }

        let reopened = try SQLiteStore.open(path: path)
        #expect(try await reopened.submission(1)?.source == .email)
        #expect(try await reopened.submission(2)?.source == .file)
        #expect(try await reopened.submission(3)?.source == .file)
        let migrated = try await reopened.auditLog(since: nil).filter { $0.action == .migrate }
        #expect(
            migrated.map(\.detail).contains { $0.contains("source 'fax' recorded as 'file'") && $0.hasSuffix("2, 3") })
        #expect(migrated.map(\.detail).contains { $0.contains("source ' Email' recorded as 'email'") })
        #expect(throws: DatabaseError.self, "a submission is still never changed") {
            try reopened.pool.write { try $0.execute(sql: "UPDATE submission SET source = 'api'") }
        }
        do {
            try await reopened.pool.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO evaluation (submissionID, formHash, parameters, asOf, decision, reason, evaluatedBy,
                          evaluatedAt)
                        SELECT id, formHash, '{}', '2026-10-20', 'maybe', 'submitted', 'x', 'now' FROM submission
                        WHERE id = 1
                        """)
            }
            Issue.record("an evaluation whose decision is not one of the three was stored")
        } catch let error as DatabaseError {
            #expect(error.message?.contains("evaluation.decision must be one of: accepted, referred, rejected") == true)
        }
    }

    @Test(
        "v7: outside a retention erasure nothing stored is deleted; inside one, a submission's answers still never change"
    )
    func erasureOnly() async throws {
        let temporary = try await TemporaryStore()
        _ = try await temporary.submit(example: "applications/amir-patel-renewal.yaml", asOf: "2026-10-20")
        for table in ["submission", "evaluation", "audit"] {
            #expect(throws: DatabaseError.self, "\(table) rows are not deleted outside an erasure") {
                try temporary.sqlite.pool.write { try $0.execute(sql: "DELETE FROM \(table)") }
            }
        }
        #expect(throws: DatabaseError.self, "nor is a submission changed") {
            try temporary.sqlite.pool.write { try $0.execute(sql: "UPDATE submission SET supersedes = NULL") }
        }
        #expect(throws: DatabaseError.self, "and within one, only which version it follows may change") {
            try temporary.sqlite.pool.write { db in
                try db.execute(sql: "INSERT INTO erasure (startedAt) VALUES ('now')")
                try db.execute(sql: "UPDATE submission SET received = 'other words'")
            }
        }
        #expect(try await temporary.store.submission(1)?.received.isEmpty == false)
    }

    @Test("v15 remakes the typed columns' triggers to compare values: the same values refused, in the same words")
    func upgradeToV15() async throws {
        let temporary = try await TemporaryStore()
        _ = try await temporary.submit(example: "applications/amir-patel-renewal.yaml", asOf: "2026-10-20")
        let path = temporary.folder.appendingPathComponent("test.sqlite").path
        /// Each typed column's trigger, by name, with the words it refuses a value in.
        func typedTriggers(_ store: SQLiteStore) async throws -> [String: String] {
            try await store.pool.read { db in
                Dictionary(
                    uniqueKeysWithValues: try Row.fetchAll(
                        db, sql: "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%Typed%'"
                    ).map { row -> (String, String) in
                        let sql: String = row["sql"]
                        #expect(!sql.contains(" IN ("), "\(sql)")
                        return (row["name"], String(sql[sql.range(of: "RAISE(ABORT")!.lowerBound...]))
                    })
            }
        }
        let made = try await typedTriggers(temporary.sqlite)
        #expect(made.count >= 28)
        // Make it a database as v14 left it: a finding's severity and an evaluation's decision tested with NOT IN.
        try await temporary.sqlite.pool.write { db in
            for (table, column, values) in [
                ("finding", "severity", "'error', 'refer', 'warning', 'info'"),
                ("evaluation", "decision", "'accepted', 'referred', 'rejected'"),
            ] {
                let name = table + column.prefix(1).uppercased() + column.dropFirst() + "TypedInsert"
                let words = values.replacingOccurrences(of: "'", with: "")
                try db.execute(sql: "DROP TRIGGER \(name)")
                try db.execute(
                    sql: """
                        CREATE TRIGGER \(name) BEFORE INSERT ON \(table) WHEN NEW.\(column) NOT IN (\(values))
                        BEGIN SELECT RAISE(ABORT, '\(table).\(column) must be one of: \(words)'); END
                        """)
            }
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier LIKE 'v15:%'")
        }

        let reopened = try SQLiteStore.open(path: path)
        #expect(try await typedTriggers(reopened) == made)
        let finding = "INSERT INTO finding (evaluationID, rule, severity, path, message, detail) VALUES (1, 'r', "
        do {
            try await temporary.executeDirectly(finding + "'urgent', '/', 'm', '{}')")
            Issue.record("a finding whose severity is not one of the four was stored")
        } catch let refusal as DatabaseRefusal {
            #expect(refusal.message == "finding.severity must be one of: error, refer, warning, info")
        }
        try await temporary.executeDirectly(finding + "'warning', '/', 'm', '{}')")
    }
}
