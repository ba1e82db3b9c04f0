import FormEngine
import Foundation
import Records
import StoreKinds
import Testing

/// The licensing report reads the officers' decisions and the Update Service checks narrowly (on SQLite through its C
/// API): each must come back from either store with its driver and its days as they were recorded.
@Suite struct LicenceDecisionsTests {
    @Test(
        "decisions come back with their driver and days (a decision with no effective day takes effect the day made)",
        arguments: StoreKind.available)
    func decisionsAndChecksComeBack(_ kind: StoreKind) async throws {
        let temporary = try await TemporaryStore(kind)
        try await temporary.importRegister()
        let amir = try #require(
            storedID(try await temporary.submit(example: "applications/amir-patel-renewal.yaml", asOf: "2026-10-20")))
        let store = temporary.store
        let grant = try await store.recordDecision(
            NewDecision(
                submissionID: amir, outcome: .grant, licenceStart: Day(iso: "2026-10-21"),
                licenceEnd: Day(iso: "2029-10-20"), note: nil, replacesEarlier: false),
            actor: "licensing.kettering")
        let suspension = try await store.recordDecision(
            NewDecision(
                submissionID: amir, outcome: .suspend, licenceStart: nil, licenceEnd: nil, note: "Charged",
                replacesEarlier: true, grounds: .safeguarding, effectiveOn: Day(iso: "2026-11-11")),
            actor: "licensing.kettering")
        let revocation = try await store.recordDecision(
            NewDecision(
                submissionID: amir, outcome: .revoke, licenceStart: nil, licenceEnd: nil, note: "Convicted",
                replacesEarlier: true, grounds: .safeguarding),
            actor: "licensing.kettering")

        let decisions = try await store.licenceDecisions(formID: "taxi-driver-application")
        let driver = "PATEL702238AP9AB"
        #expect(
            decisions == [
                LicenceDecision(
                    id: try #require(grant.id), submissionID: amir, driver: driver, outcome: .grant,
                    licenceStart: Day(iso: "2026-10-21"), licenceEnd: Day(iso: "2029-10-20"),
                    takesEffect: Day(iso: String(grant.decidedAt.prefix(10)))),
                LicenceDecision(
                    id: try #require(suspension.id), submissionID: amir, driver: driver, outcome: .suspend,
                    licenceStart: nil, licenceEnd: nil, takesEffect: Day(iso: "2026-11-11")),
                LicenceDecision(
                    id: try #require(revocation.id), submissionID: amir, driver: driver, outcome: .revoke,
                    licenceStart: nil, licenceEnd: nil,
                    takesEffect: Day(iso: revocation.effectiveOn ?? String(revocation.decidedAt.prefix(10)))),
            ])
        #expect(try await store.licenceDecisions(formID: "section11-school-return").isEmpty)

        _ = try await store.recordDBSCheck(
            driverNumber: driver, checkedOn: try #require(Day(iso: "2026-10-01")), result: .noChange, note: nil,
            actor: "licensing.kettering")
        _ = try await store.recordDBSCheck(
            driverNumber: driver, checkedOn: try #require(Day(iso: "2026-09-01")), result: .newInformation,
            note: "Caution", actor: "licensing.kettering")
        #expect(
            try await store.statusChecks() == [
                StatusCheck(driver: driver, checkedOn: Day(iso: "2026-10-01"), result: .noChange),
                StatusCheck(driver: driver, checkedOn: Day(iso: "2026-09-01"), result: .newInformation),
            ])
    }
}
