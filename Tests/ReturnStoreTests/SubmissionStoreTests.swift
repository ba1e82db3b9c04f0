import FormEngine
import Foundation
import GRDB
@testable import ReturnStore
import Testing

@Suite("Storing submissions: versions, supersession, refusals")
struct SubmissionStoreTests {
    @Test("a resubmission for the same school and collection supersedes the old version, which stays")
    func supersession() throws {
        let temporary = try TemporaryStore()
        try temporary.importRegister()
        let collection = try temporary.openCollection()
        let first = try #require(
            storedID(try temporary.submit(example: "returns/riverside-broken.yaml", collection: collection)))
        let second = try temporary.submit(example: "returns/riverside-corrected.yaml", collection: collection)
        #expect(second == .stored(id: first + 1, supersedes: first))
        #expect(try temporary.store.latestSubmissionIDs() == [first + 1])
        let history = try temporary.store.history(subjectKey: "137455", actor: "test")
        #expect(history.map(\.submission.id) == [first, first + 1])
        #expect(history[0].supersededBy == first + 1)
        #expect(history[0].evaluations.map(\.record.decision) == ["rejected"])
        #expect(history[1].evaluations.map(\.record.decision) == ["accepted"])
        #expect(
            history[0].submission.received
                == Data(try FileBytes.read(Paths.examples + "/returns/riverside-broken.yaml").get().bytes))
        #expect(history[1].submission.district == "kettering")
        #expect(history[1].collection == "s11-2025-26")
    }

    @Test("a return to another collection, or no collection, does not supersede")
    func collectionsKeepVersionsApart() throws {
        let temporary = try TemporaryStore()
        try temporary.importRegister()
        let collection = try temporary.openCollection()
        let first = try temporary.submit(example: "returns/oakfield-primary.yaml", collection: collection)
        let second = try temporary.submit(example: "returns/oakfield-primary.yaml", collection: nil)
        #expect(first == .stored(id: 1, supersedes: nil))
        #expect(second == .stored(id: 2, supersedes: nil))
    }

    @Test("rejected returns are stored with every finding; the findings keep their values and rule location")
    func rejectedStored() throws {
        let temporary = try TemporaryStore()
        try temporary.importRegister()
        let id = try #require(storedID(try temporary.submit(example: "returns/riverside-broken.yaml")))
        let evaluation = try #require(try temporary.store.latestEvaluation(ofSubmission: id))
        #expect(evaluation.decision == "rejected")
        #expect(evaluation.asOf == "2026-07-20")
        #expect(evaluation.ruleSetHash == catalog.ruleSets["section11-school-return"]!.hash)
        let findings = try temporary.store.findings(ofEvaluation: evaluation.id!)
        #expect(
            findings.map(\.rule) == [
                "field.type", "field.list", "s11.no-missing-education", "field.required", "s11.no-parents-reached",
                "field.unknown",
            ])
        #expect(findings[0].line == 13 && findings[0].column == 22)
        #expect(
            findings[2].detail.contains("\"rule_location\":\"\(Paths.root)/Rules/section11-school-return.rules.yaml:"))
    }

    @Test("a URN not in the register is refused unless allowed; a closed school's too")
    func unregistered() throws {
        let temporary = try TemporaryStore()
        let refused = try temporary.submit(example: "returns/oakfield-primary.yaml")
        guard case .refused(let reason) = refused else {
            Issue.record("an unregistered school's return was stored")
            return
        }
        #expect(reason.contains("the URN 121734 is not in the register"))
        #expect(reason.contains("--allow-unregistered"))
        #expect(
            try temporary.submit(example: "returns/oakfield-primary.yaml", allowsUnregistered: true)
                == .stored(id: 1, supersedes: nil))
        try temporary.importRegister()
        let closed = try temporary.submit(text: "form: section11-school-return\nschool: {urn: '121801'}\n")
        #expect(
            closed
                == .refused(
                    "not stored: the URN 121801 is not in the register. Import the current GIAS extract with 'safeguard register import', or submit with --allow-unregistered"
                ))
    }

    @Test("a file that cannot be read, or names no subject, is refused and nothing is stored")
    func unreadable() throws {
        let temporary = try TemporaryStore()
        #expect(
            try temporary.submit(text: "form: [")
                == .refused("not stored: it could not be read as a submission (see the errors above)"))
        #expect(
            try temporary.submit(text: "form: taxi-driver-application\nlicence: {driver_number: nonsense}\n")
                == .refused("not stored: it has no valid answer to \"Driving licence number\", so it cannot be filed"))
        #expect(try temporary.store.latestSubmissionIDs().isEmpty)
    }

    @Test("a return for another form than the collection's is refused")
    func wrongCollection() throws {
        let temporary = try TemporaryStore()
        let collection = try temporary.openCollection()
        let outcome = try temporary.submit(
            example: "applications/amir-patel-renewal.yaml", collection: collection, asOf: "2026-10-20")
        #expect(
            outcome
                == .refused(
                    "not stored: the collection 's11-2025-26' is for the form 'section11-school-return', not 'taxi-driver-application'"
                ))
    }

    @Test("a stored submission, evaluation, finding or audit line cannot be changed or deleted")
    func immutable() throws {
        let temporary = try TemporaryStore()
        _ = try temporary.submit(example: "applications/carl-mason-refer.json", asOf: "2026-10-20")
        for sql in [
            "UPDATE submission SET subjectKey = 'X'", "DELETE FROM submission",
            "UPDATE evaluation SET decision = 'accepted'",
            "DELETE FROM finding", "DELETE FROM audit", "UPDATE definition SET content = x''",
        ] {
            #expect(throws: DatabaseError.self, "\(sql)") {
                try temporary.store.pool.write { try $0.execute(sql: sql) }
            }
        }
    }

    @Test("each submission, decision, check, revalidation, export and view is audited, without personal data")
    func audited() throws {
        let temporary = try TemporaryStore()
        let id = try #require(
            storedID(try temporary.submit(example: "applications/amir-patel-renewal.yaml", asOf: "2026-10-20")))
        _ = try temporary.store.decide(
            submissionID: id, outcome: .grant, licenceStart: Day(iso: "2026-11-01"), licenceEnd: Day(iso: "2029-10-31"),
            note: nil,
            actor: "officer")
        _ = try temporary.store.recordDBSCheck(
            driverNumber: "PATEL702238AP9AB", checkedOn: Day(iso: "2026-11-15")!, result: .noChange, note: nil,
            actor: "officer")
        _ = try temporary.store.history(subjectKey: "PATEL702238AP9AB", actor: "viewer")
        let log = try temporary.store.auditLog()
        #expect(log.map(\.action) == ["submit", "decide", "dbs-check", "view"])
        #expect(log.map(\.actor) == ["tester", "officer", "officer", "viewer"])
        #expect(log.allSatisfy { $0.target == "submission \(id)" })
        #expect(
            log.allSatisfy { !($0.target + $0.detail).contains("PATEL") && !($0.target + $0.detail).contains("1978") })
        #expect(try temporary.store.auditLog(since: "2999-01-01").isEmpty)
    }
}
