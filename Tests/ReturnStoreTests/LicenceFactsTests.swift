import FormEngine
import Foundation
import Records
import StoreKinds
import TestSupport
import Testing

/// The licensing report reads no officer's decision: each recorded decision leaves the driver's licence on their
/// facts rows, and the outcome of the latest on its version, in either store; a new version carries the licence.
@Suite struct LicenceFactsTests {
    private let form = "taxi-driver-application"
    private let driver = "PATEL702238AP9AB"

    private func latest(_ store: any ReturnStore) async throws -> LatestApplication {
        try #require(
            try await store.latestApplications(formID: form, district: nil).joined().first {
                $0.facts.driverName == "Amir Patel"
            })
    }

    private let example = "applications/amir-patel-renewal.yaml"

    /// A new store with the register and Amir Patel's application stored, and its submission number.
    private func storeWithAmir(_ kind: StoreKind) async throws -> (TemporaryStore, Int64) {
        let temporary = try await TemporaryStore(kind)
        try await temporary.importRegister()
        let amir = try #require(storedID(try await temporary.submit(example: example, asOf: "2026-10-20")))
        return (temporary, amir)
    }

    /// Amir Patel's application sent again, a comment added: a new version.
    private func resubmitted() throws -> String {
        try String(contentsOfFile: Paths.examples + "/" + example, encoding: .utf8) + "\n# Resubmitted\n"
    }

    @Test(
        "each decision leaves the driver's licence on their facts, a new version carries it, a grant on it renews it",
        arguments: StoreKind.available)
    func licenceKeptOnFacts(_ kind: StoreKind) async throws {
        let (temporary, amir) = try await storeWithAmir(kind)
        let beth = try #require(
            storedID(try await temporary.submit(example: "applications/beth-jones-incomplete.yaml", asOf: "2026-10-20"))
        )
        let store = temporary.store
        #expect(try await latest(store).licence == DriverLicence(), "no decision yet")
        #expect(try await latest(store).officerOutcome == nil)
        _ = try await store.recordDecision(
            NewDecision(
                submissionID: amir, outcome: .grant, licenceStart: Day(iso: "2026-10-21"),
                licenceEnd: Day(iso: "2029-10-20"), note: nil, replacesEarlier: false),
            actor: "licensing.kettering")
        _ = try await store.recordDecision(
            NewDecision(
                submissionID: amir, outcome: .suspend, licenceStart: nil, licenceEnd: nil, note: "Charged",
                replacesEarlier: true, grounds: .safeguarding, effectiveOn: Day(iso: "2026-11-11")),
            actor: "licensing.kettering")
        _ = try await store.recordDecision(
            NewDecision(
                submissionID: amir, outcome: .revoke, licenceStart: nil, licenceEnd: nil, note: "Convicted",
                replacesEarlier: true, grounds: .safeguarding),
            actor: "licensing.kettering")

        let decided = try await latest(store)
        #expect(decided.id == amir && decided.officerOutcome == .revoke, "the latest decision on the version")
        let suspended = DriverLicence(
            granted: true, start: Day(iso: "2026-10-21"), end: Day(iso: "2029-10-20"), endsOn: Day(iso: "2026-11-11"))
        #expect(decided.licence == suspended, "the grant's term, ended from the earlier of the two endings' days")
        #expect(decided.licence.licensed(on: try #require(Day(iso: "2026-11-10"))))
        #expect(!decided.licence.licensed(on: try #require(Day(iso: "2026-11-11"))))
        let other = try #require(
            try await store.latestApplications(formID: form, district: nil).joined().first { $0.id == beth })
        #expect(other.licence == DriverLicence() && other.officerOutcome == nil, "another driver's are their own")

        let renewal = try #require(storedID(try await temporary.submit(text: resubmitted(), asOf: "2026-11-20")))
        let carried = try await latest(store)
        #expect(carried.id == renewal && carried.officerOutcome == nil, "no decision on the new version yet")
        #expect(carried.licence == suspended, "the new version carries the driver's licence")

        _ = try await store.recordDecision(
            NewDecision(
                submissionID: renewal, outcome: .grant, licenceStart: Day(iso: "2026-12-01"),
                licenceEnd: Day(iso: "2029-11-30"), note: nil, replacesEarlier: false),
            actor: "licensing.kettering")
        let renewed = try await latest(store)
        #expect(renewed.officerOutcome == .grant)
        #expect(
            renewed.licence
                == DriverLicence(
                    granted: true, start: Day(iso: "2026-12-01"), end: Day(iso: "2029-11-30"), endsOn: nil))
    }

    @Test(
        "each check leaves what the driver's checks found on their facts, and a new version carries it",
        arguments: StoreKind.available)
    func checksKeptOnFacts(_ kind: StoreKind) async throws {
        let (temporary, _) = try await storeWithAmir(kind)
        let store = temporary.store
        #expect(try await latest(store).checks == nil, "no check yet")
        _ = try await store.recordDBSCheck(
            driverNumber: driver, checkedOn: try #require(Day(iso: "2026-10-01")), result: .noChange, note: nil,
            actor: "licensing.kettering")
        _ = try await store.recordDBSCheck(
            driverNumber: driver, checkedOn: try #require(Day(iso: "2026-09-01")), result: .newInformation,
            note: "Caution", actor: "licensing.kettering")
        let found = CheckHistory(lastResult: .newInformation, latestNoChange: Day(iso: "2026-10-01"))
        #expect(try await latest(store).checks == found, "what the last found, and the latest day of no change")

        let renewal = try #require(storedID(try await temporary.submit(text: resubmitted(), asOf: "2026-11-20")))
        let carried = try await latest(store)
        #expect(carried.id == renewal && carried.checks == found, "the new version carries the driver's checks")
        _ = try await store.recordDBSCheck(
            driverNumber: driver, checkedOn: try #require(Day(iso: "2026-11-25")), result: .notSubscribed, note: nil,
            actor: "licensing.kettering")
        #expect(
            try await latest(store).checks
                == CheckHistory(lastResult: .notSubscribed, latestNoChange: Day(iso: "2026-10-01")))
    }
}
