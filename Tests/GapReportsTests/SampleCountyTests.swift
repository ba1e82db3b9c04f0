import FormEngine
import Foundation
import Records
import SQLiteStore
import SampleCounty
import TestSupport
import Testing
import UseCases

@Suite("The sample county")
struct SampleCountyTests {
    /// Every file under a folder, with its SHA-256, by relative path.
    static func digest(_ folder: URL) throws -> [String: String] {
        var result: [String: String] = [:]
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            guard let data = FileManager.default.contents(atPath: url.path), !url.hasDirectoryPath else { continue }
            result[String(url.path.dropFirst(folder.path.count))] = SHA256.hex([UInt8](data))
        }
        return result
    }

    static func temporary() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sample-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test("the same seed gives the same files; another seed, others")
    func deterministic() throws {
        let folder = try Self.temporary()
        defer { try? FileManager.default.removeItem(at: folder) }
        let options = SampleCounty.Options(schools: 40, drivers: 60, seed: 7)
        try SampleCounty.generate(options, into: folder.appendingPathComponent("a").path)
        try SampleCounty.generate(options, into: folder.appendingPathComponent("b").path)
        var other = options
        other.seed = 8
        try SampleCounty.generate(other, into: folder.appendingPathComponent("c").path)
        let a = try Self.digest(folder.appendingPathComponent("a"))
        #expect(a.count > 100)
        #expect(a == (try Self.digest(folder.appendingPathComponent("b"))))
        #expect(a["/register.csv"] != (try Self.digest(folder.appendingPathComponent("c")))["/register.csv"])
    }

    @Test("a county loads whole, with the gaps, mistakes and licensing issues it is meant to show")
    func realistic() async throws {
        let folder = try Self.temporary()
        defer { try? FileManager.default.removeItem(at: folder) }
        try SampleCounty.generate(SampleCounty.Options(), into: folder.appendingPathComponent("county").path)
        let register = try String(contentsOf: folder.appendingPathComponent("county/register.csv"), encoding: .utf8)
        #expect(
            register.hasPrefix(
                "URN,LA (code),LA (name),EstablishmentNumber,EstablishmentName,TypeOfEstablishment (name),EstablishmentStatus (name),PhaseOfEducation (name)"
            ))
        #expect(register.components(separatedBy: "\r\n").count - 2 == 120)
        let store = try SQLiteStore.open(path: folder.appendingPathComponent("county.sqlite").path)
        let options = SampleCounty.Options()
        let load = try await Safeguarding(store: store, catalog: catalog, today: { options.asOf }).loadSample(
            from: folder.appendingPathComponent("county").path, today: options.asOf, by: .commandLine("test"))
        #expect(load.refused == 0, "every sample file is stored")
        #expect(load.decisionsRefused == 0, "every decision the sample makes is one the store accepts")
        #expect(load.applications == 300)
        #expect(load.register.added > 110 && load.register.added < 120, "a few schools in the extract are closed")
        let collections = try await store.collections()
        #expect(collections.map(\.name) == ["s11-2024-25", "s11-2025-26"])
        let returns = try await store.latestReturns(
            formID: "section11-school-return", collectionID: collections[1].id)
        let share = Double(returns.count) / Double(load.register.added)
        #expect(share > 0.75 && share < 0.97, "most schools return, not all (\(share))")
        #expect(returns.contains { $0.decision == .rejected }, "some returns are sent back")
        let returnRules = Set(
            try await store.ruleCounts(
                formID: "section11-school-return", collectionID: collections[1].id, district: nil
            ).map(\.rule))
        for rule in [
            "s11.no-parents-reached", "s11.no-missing-education", "s11.nothing-quality-assured",
            "s11.dsl-training-out-of-date",
        ] {
            #expect(returnRules.contains(rule), "\(rule)")
        }
        let applicationRules = Set(
            try await store.ruleCounts(formID: "taxi-driver-application", collectionID: nil, district: nil).map(\.rule))
        for rule in [
            "taxi.dbs-recheck", "taxi.training-missing", "taxi.training-out-of-date", "taxi.pending-charge",
            "taxi.register-match",
            "taxi.violence-within-period", "taxi.documents-missing",
        ] {
            #expect(applicationRules.contains(rule), "\(rule)")
        }
        let applications = try await store.latestApplications(formID: "taxi-driver-application", district: nil)
        #expect(
            Set(applications.joined().compactMap(\.officerOutcome)) == [
                .grant, .grantWithConditions, .refuse, .deferred,
            ])
        #expect(applications.joined().contains { $0.licence.granted })
        #expect(applications.joined().filter { $0.checks != nil }.count > 100)
    }
}
