import FormEngine
import Foundation
import Records
import StoreKinds
import TestSupport
import UseCases
import Testing

@Suite("Storing submissions: versions, supersession, refusals")
struct SubmissionStoreTests {
    @Test(
        "a resubmission for the same school and collection supersedes the old version, which stays",
        arguments: StoreKind.available)
    func supersession(_ kind: StoreKind) async throws {
        let temporary = try await TemporaryStore(kind)
        try await temporary.importRegister()
        let collection = try await temporary.openCollection()
        let first = try #require(
            storedID(try await temporary.submit(example: "returns/riverside-broken.yaml", collection: collection)))
        let second = try await temporary.submit(example: "returns/riverside-corrected.yaml", collection: collection)
        #expect(second == .stored(id: first + 1, supersedes: first))
        #expect(try await temporary.store.latestSubmissionIDs(formID: nil) == [first + 1])
        let history = try await temporary.store.history(subjectKey: "137455")
        #expect(history.map(\.submission.id) == [first, first + 1])
        #expect(history[0].supersededBy == first + 1)
        #expect(history[0].evaluations.map(\.record.decision) == [.rejected])
        #expect(history[1].evaluations.map(\.record.decision) == [.accepted])
        #expect(
            history[0].submission.received
                == Data(try FileBytes.read(Paths.examples + "/returns/riverside-broken.yaml").get().bytes))
        #expect(history[1].submission.district == "kettering")
        #expect(history[1].collection == "s11-2025-26")
    }

    @Test("a return to another collection, or no collection, does not supersede", arguments: StoreKind.available)
    func collectionsKeepVersionsApart(_ kind: StoreKind) async throws {
        let temporary = try await TemporaryStore(kind)
        try await temporary.importRegister()
        let collection = try await temporary.openCollection()
        let first = try await temporary.submit(example: "returns/oakfield-primary.yaml", collection: collection)
        let second = try await temporary.submit(example: "returns/oakfield-primary.yaml", collection: nil)
        #expect(first == .stored(id: 1, supersedes: nil))
        #expect(second == .stored(id: 2, supersedes: nil))
    }

    @Test(
        "rejected returns are stored with every finding; the findings keep their values and rule location",
        arguments: StoreKind.available)
    func rejectedStored(_ kind: StoreKind) async throws {
        let temporary = try await TemporaryStore(kind)
        try await temporary.importRegister()
        let id = try #require(storedID(try await temporary.submit(example: "returns/riverside-broken.yaml")))
        let detail = try #require(try await temporary.store.submissionDetail(id))
        #expect(detail.evaluation.decision == .rejected)
        #expect(detail.evaluation.asOf == "2026-07-20")
        #expect(detail.evaluation.ruleSetHash == catalog.ruleSets["section11-school-return"]!.hash)
        let findings = detail.findings
        #expect(
            findings.map(\.rule) == [
                "field.type", "s11.priority-years-not-reached", "field.list", "s11.no-missing-education",
                "field.required", "s11.no-parents-reached", "field.unknown",
            ])
        #expect(findings[0].line == 13 && findings[0].column == 22)
        #expect(
            findings[3].detail.contains("\"rule_location\":\"\(Paths.root)/Rules/section11-school-return.rules.yaml:"))
    }

    @Test("a URN not in the register is refused unless allowed; a closed school's too", arguments: StoreKind.available)
    func unregistered(_ kind: StoreKind) async throws {
        let temporary = try await TemporaryStore(kind)
        #expect(
            try await temporary.submit(example: "returns/oakfield-primary.yaml")
                == .refused(.notRegistered(urn: "121734", closed: false)))
        #expect(
            try await temporary.submit(example: "returns/oakfield-primary.yaml", allowsUnregistered: true)
                == .stored(id: 1, supersedes: nil))
        try await temporary.importRegister()
        let closed = try await temporary.submit(text: "form: section11-school-return\nschool: {urn: '121801'}\n")
        #expect(
            closed == .refused(.notRegistered(urn: "121801", closed: false)),
            "the extract marks 121801 Closed, so it was never added")
        let register = try await temporary.store.schools(status: nil)
        #expect(!register.contains { $0.urn == "121801" })
    }

    @Test(
        "a file that cannot be read, or names no subject, is refused and nothing is stored",
        arguments: StoreKind.available)
    func unreadable(_ kind: StoreKind) async throws {
        let temporary = try await TemporaryStore(kind)
        #expect(try await temporary.submit(text: "form: [") == .refused(.unreadable))
        #expect(
            try await temporary.submit(text: "form: taxi-driver-application\nlicence: {driver_number: nonsense}\n")
                == .refused(.noSubject(field: "Driving licence number")))
        #expect(try await temporary.store.latestSubmissionIDs(formID: nil).isEmpty)
    }

    @Test("a return for another form than the collection's is refused", arguments: StoreKind.available)
    func wrongCollection(_ kind: StoreKind) async throws {
        let temporary = try await TemporaryStore(kind)
        let collection = try await temporary.openCollection()
        let outcome = try await temporary.submit(
            example: "applications/amir-patel-renewal.yaml", collection: collection, asOf: "2026-10-20")
        #expect(
            outcome
                == .refused(
                    .collectionForAnotherForm(
                        collection: "s11-2025-26", collectionForm: "section11-school-return",
                        form: "taxi-driver-application")))
    }

    @Test(
        "a stored submission, evaluation, finding or audit line cannot be changed or deleted",
        arguments: StoreKind.available)
    func immutable(_ kind: StoreKind) async throws {
        let temporary = try await TemporaryStore(kind)
        _ = try await temporary.submit(example: "applications/carl-mason-refer.json", asOf: "2026-10-20")
        for sql in [
            "UPDATE submission SET subjectKey = 'X'", "DELETE FROM submission",
            "UPDATE evaluation SET decision = 'accepted'",
            "DELETE FROM finding", "DELETE FROM audit", "UPDATE definition SET fileName = 'x'",
        ] {
            await #expect(throws: DatabaseRefusal.self, "\(sql)") { try await temporary.executeDirectly(sql) }
        }
    }

    @Test(
        "a typed column takes only its own values: a role, an outcome, a decision that does not exist is refused",
        arguments: StoreKind.available)
    func typedColumns(_ kind: StoreKind) async throws {
        let temporary = try await TemporaryStore(kind)
        try await temporary.importRegister()
        _ = try await temporary.submit(example: "applications/carl-mason-refer.json", asOf: "2026-10-20")
        for (sql, message) in [
            (
                "INSERT INTO account (name, role, tokenHash, createdAt) VALUES ('x', 'superuser', 'h', 'now')",
                "account.role must be one of: school, licensing, policy, admin"
            ),
            (
                "INSERT INTO officerDecision (submissionID, outcome, decidedBy, decidedAt) VALUES (1, 'approve', 'o', 'now')",
                "officerDecision.outcome must be one of: grant, grant-with-conditions, refuse, defer"
            ),
            (
                "INSERT INTO audit (at, actor, action, target, detail) VALUES ('now', 'a', 'delete', 't', '')",
                "audit.action must be one of"
            ),
            ("UPDATE school SET status = 'shut'", "school.status must be one of: open, closed"),
        ] {
            do {
                try await temporary.executeDirectly(sql)
                Issue.record("\(sql) was not refused")
            } catch let error as DatabaseRefusal {
                #expect(error.message.contains(message), "\(error)")
            }
        }
    }

    @Test("each submission, decision, check and view is audited, without personal data", arguments: StoreKind.available)
    func audited(_ kind: StoreKind) async throws {
        let temporary = try await TemporaryStore(kind)
        let id = try #require(
            storedID(try await temporary.submit(example: "applications/amir-patel-renewal.yaml", asOf: "2026-10-20")))
        _ = try await temporary.store.recordDecision(
            NewDecision(
                submissionID: id, outcome: .grant, licenceStart: Day(iso: "2026-11-01"),
                licenceEnd: Day(iso: "2029-10-31"), note: nil, replacesEarlier: false),
            actor: "officer")
        _ = try await temporary.store.recordDBSCheck(
            driverNumber: "PATEL702238AP9AB", checkedOn: Day(iso: "2026-11-15")!, result: .noChange, note: nil,
            actor: "officer")
        _ = try await temporary.cases().history(of: "PATEL702238AP9AB", by: .commandLine("viewer"))
        let log = try await temporary.store.auditLog(since: nil)
        #expect(log.map(\.action) == [.submit, .decide, .dbsCheck, .view])
        #expect(log.map(\.actor) == ["tester", "officer", "officer", "viewer"])
        #expect(log.allSatisfy { $0.target == "submission \(id)" })
        #expect(
            log.allSatisfy { !($0.target + $0.detail).contains("PATEL") && !($0.target + $0.detail).contains("1978") })
        #expect(try await temporary.store.auditLog(since: Day(iso: "2999-01-01")).isEmpty)
    }
}
