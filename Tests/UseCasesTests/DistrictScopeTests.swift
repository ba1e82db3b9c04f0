import FormEngine
import Foundation
import Records
import SQLiteStore
import StoreKinds
import TestSupport
import Testing
import UseCases

@Suite("A submission replaces only a version in its sender's district")
struct DistrictScopeTests {
    /// The example application, for another district.
    static func application(district: String) throws -> [UInt8] {
        let text = try String(
            contentsOfFile: Paths.examples + "/applications/amir-patel-renewal.yaml", encoding: .utf8)
        let moved = text.replacingOccurrences(
            of: #"district: [a-z-]+"#, with: "district: \(district)", options: .regularExpression)
        #expect(moved.contains("district: \(district)"))
        return Array(moved.utf8)
    }

    @Test(
        "another district's driver is refused without a word of theirs, until an administrator transfers them",
        arguments: StoreKind.available)
    func transfer(_ kind: StoreKind) async throws {
        let temporary = try await TemporaryCounty(kind)
        let cases = temporary.cases()
        let corby = try await cases.addAccount(role: .licensing, scope: "corby", name: "Corby", by: tester)
        let kettering = try await cases.addAccount(role: .licensing, scope: "kettering", name: "Kettering", by: tester)
        let admin = try await cases.addAccount(role: .admin, scope: nil, name: "Admin", by: tester)
        let options = SubmitOptions(source: .api)
        let first = try await cases.submit(
            try Self.application(district: "corby"), file: "api", options: options, by: .account(corby.account))
        let held = try #require(storedID(first.outcome))

        let other = try await cases.submit(
            try Self.application(district: "kettering"), file: "api", options: options,
            by: .account(kettering.account))
        #expect(other.outcome == .refused(.knownToAnotherDistrict(driver: "PATEL702238AP9AB")))
        #expect(try await temporary.store.latestSubmissionIDs(formID: nil) == [held], "Corby's version stands")
        let fromFile = try await cases.submit(
            try Self.application(district: "kettering"), file: "a.yaml", options: SubmitOptions(source: .file),
            by: tester)
        #expect(fromFile.outcome == .refused(.knownToAnotherDistrict(driver: "PATEL702238AP9AB")), "at every door")

        await #expect(throws: Refusal.notAllowed(.licensing)) {
            try await cases.transferDriver(
                "PATEL702238AP9AB", to: "kettering", note: nil, by: .account(kettering.account))
        }
        await #expect(throws: Refusal.alreadyInDistrict(driver: "PATEL702238AP9AB", district: "corby")) {
            try await cases.transferDriver("PATEL702238AP9AB", to: "Corby", note: nil, by: .account(admin.account))
        }
        let transfer = try await cases.transferDriver(
            "patel702238ap9ab", to: "Kettering", note: "Moved house", by: .account(admin.account))
        #expect(
            transfer.fromDistrict == "corby" && transfer.toDistrict == "kettering" && transfer.afterSubmission == held)
        let moved = try await cases.submit(
            try Self.application(district: "kettering"), file: "api", options: options,
            by: .account(kettering.account))
        #expect(moved.outcome == .stored(id: held + 1, supersedes: held), "the transfer lets Kettering continue it")
        let log = try await temporary.store.auditLog(since: nil).first { $0.action == .transfer }
        #expect(log?.target == "submission \(held)" && log?.detail == "from corby to kettering")
        #expect(log.map { !$0.detail.contains("PATEL") } == true)
        let back = try await cases.submit(
            try Self.application(district: "corby"), file: "api", options: options, by: .account(corby.account))
        #expect(back.outcome == .refused(.knownToAnotherDistrict(driver: "PATEL702238AP9AB")), "a transfer is one way")
    }

    @Test(
        "a school's return is filed under the register's district, and a return that names another is told so",
        arguments: StoreKind.available)
    func schoolDistrict(_ kind: StoreKind) async throws {
        let temporary = try await TemporaryCounty(kind)
        try await temporary.importRegister()
        try await temporary.openCollection()
        let text = try String(contentsOfFile: Paths.examples + "/returns/oakfield-primary.yaml", encoding: .utf8)
        #expect(text.contains("district: northampton"))
        let wrong = text.replacingOccurrences(of: "district: northampton", with: "district: corby")
        let id = try #require(storedID(try await temporary.submit(text: wrong, asOf: "2026-07-15")))
        let detail = try #require(try await temporary.store.submissionDetail(id))
        #expect(detail.record.district == "northampton", "the register's district")
        let finding = try #require(detail.findings.first { $0.rule == "register.district" })
        #expect(finding.severity == .warning && finding.path == "/school/district")
        #expect(
            finding.message
                == "This return names the district Corby, but the register holds URN 121734 in Northampton: the "
                + "return is filed under Northampton. If the register is wrong, tell the board.")
        #expect(finding.line != nil)
        #expect(detail.evaluation.decision == .accepted, "a warning: the return is still accepted")
        let replay = try await temporary.cases().replay(evaluationID: detail.evaluation.id!, by: tester)
        #expect(replay.matches, "a replay leaves the register's word aside")
        let report = try await temporary.cases().revalidate(formID: nil, asOf: Day(iso: "2026-07-15")!, by: tester)
        #expect(report.unchanged == 1, "revalidation asks the register again")
    }
}
