import FormEngine
import Foundation
import Records
import StoreKinds
import TestSupport
import Testing

/// The licensing report reads each driver's latest application's facts from the store (on SQLite, column by column
/// through SQLite's C API): what comes back must be what the application said.
@Suite struct LatestApplicationsTests {
    @Test(
        "a driver's facts come back as given: a name with a NUL and letters beyond ASCII, a certificate or none, dates",
        arguments: StoreKind.available)
    func factsComeBackAsGiven(_ kind: StoreKind) async throws {
        let temporary = try await TemporaryStore(kind)
        try await temporary.importRegister()
        let amir = try String(contentsOfFile: Paths.examples + "/applications/amir-patel-renewal.yaml", encoding: .utf8)
            .replacingOccurrences(of: "full_name: Amir Patel", with: #"full_name: "Zoë\0Ó Briain-Łukasz""#)
        let amirID = try #require(storedID(try await temporary.submit(text: amir, asOf: "2026-10-20")))
        let beth = try String(
            contentsOfFile: Paths.examples + "/applications/beth-jones-incomplete.yaml", encoding: .utf8
        )
        .replacingOccurrences(of: "  certificate_number: \"00123456789\"\n", with: "")
        .replacingOccurrences(of: "  issue_date: 2026-08-01\n", with: "")
        let bethID = try #require(storedID(try await temporary.submit(text: beth, asOf: "2026-10-20")))

        // Three drivers more, stored one after another: two in one district whose name is too long to be kept in
        // place (read once, shared), then one in another.
        var districts: [Int64: String] = [:]
        for (number, district) in [
            ("PATEL702238AP9AC", "south-northamptonshire"), ("PATEL702238AP9AD", "south-northamptonshire"),
            ("PATEL702238AP9AE", "east-northamptonshire"),
        ] {
            let text = try String(
                contentsOfFile: Paths.examples + "/applications/amir-patel-renewal.yaml", encoding: .utf8
            )
            .replacingOccurrences(of: "PATEL702238AP9AB", with: number)
            .replacingOccurrences(of: "district: kettering", with: "district: \(district)")
            districts[try #require(storedID(try await temporary.submit(text: text, asOf: "2026-10-20")))] = district
        }

        let read = try await temporary.store.latestApplications(formID: "taxi-driver-application", district: nil)
        let byID = Dictionary(uniqueKeysWithValues: read.joined().map { ($0.id, $0) })
        #expect(byID.count == 5)
        for (id, district) in districts { #expect(byID[id]?.district == district) }

        let first = try #require(byID[amirID])
        #expect(first.district == "kettering")
        #expect(first.decision == .accepted)
        #expect(first.facts.driverName == "Zoë\u{0}Ó Briain-Łukasz")
        #expect(first.facts.dbsCertificate == "001234567890")
        #expect(first.facts.dbsIssueDate == Day(iso: "2023-09-18"))
        #expect(first.facts.dbsUpdateService)
        #expect(first.facts.dbsSubscriptionDate == Day(iso: "2023-09-25"))
        #expect(first.facts.dbsLastStatusCheck == Day(iso: "2026-09-30"))
        #expect(first.facts.registerSearched)

        let second = try #require(byID[bethID])
        #expect(second.district == "corby")
        #expect(second.decision == .rejected)
        #expect(second.facts.driverName == "Beth Jones")
        #expect(second.facts.dbsCertificate == nil)
        #expect(second.facts.dbsIssueDate == nil)
        #expect(!second.facts.dbsUpdateService)
        #expect(second.facts.dbsSubscriptionDate == nil)
        #expect(!second.facts.trainingCompleted)
        #expect(second.facts.trainingDate == nil)
        #expect(!second.facts.registerSearched)
    }
}
