import Foundation
import Records
import StoreKinds
import TestSupport
import Testing

@Suite("Two portal instances on one database")
struct TwoInstancesTests {
    @Test(
        "submissions for the same drivers sent through two instances at once: every 201 is stored, one chain each",
        arguments: StoreKind.available)
    func sameDriversThroughBoth(_ kind: StoreKind) async throws {
        let folder = try await kind.newFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = StoreKind.database(for: folder)
        let added = try Safeguard.run([
            "users", "add", "--role", "licensing", "--scope", "kettering", "--database", database,
        ])
        let token = try #require(added.stdout.split(separator: "\n").last.map(String.init))
        var instances: [ServedPortal] = []
        for name in ["one", "two"] {
            let place = folder.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: place, withIntermediateDirectories: true)
            instances.append(try await ServedPortal(database: database, folder: place))
        }
        defer { instances.forEach { $0.stop() } }
        for instance in instances {
            #expect(try HTTP.get(port: instance.port, path: "/healthz").hasPrefix("HTTP/1.1 200"))
            #expect(try HTTP.get(port: instance.port, path: "/readyz").contains("\r\n\r\nready\n"))
        }

        let template = try String(
            contentsOfFile: Paths.root + "/Examples/applications/amir-patel-renewal.yaml", encoding: .utf8)
        let drivers = ["PATEL702238AP9AB", "DRIVR001010AB9XY", "DRIVR002020AB9XY"]
        let ports = instances.map(\.port)
        // Each driver's versions go through both instances at once, eight a driver.
        let answers = try await withThrowingTaskGroup(of: (String, String).self) { group in
            for attempt in 0..<24 {
                let driver = drivers[attempt % drivers.count]
                let body = Array(template.replacingOccurrences(of: "PATEL702238AP9AB", with: driver).utf8)
                let port = ports[attempt % 2]
                group.addTask {
                    let response = try await Task.detached {
                        try HTTP.request(
                            "POST", port: port, path: "/api/v1/submissions",
                            headers: ["Authorization: Bearer \(token)", "Content-Type: application/yaml"], body: body)
                    }.value
                    return (driver, response)
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        let created = answers.filter { $0.1.hasPrefix("HTTP/1.1 201") }
        #expect(
            created.count == 24, "every submission is stored: \(answers.filter { !$0.1.hasPrefix("HTTP/1.1 201") })")

        let store = try await kind.open(database)
        for driver in drivers {
            let history = try await store.history(subjectKey: driver)
            #expect(history.count == created.filter { $0.0 == driver }.count, "every 201 for \(driver) is stored")
            for (earlier, later) in zip(history, history.dropFirst()) {
                #expect(later.submission.supersedes == earlier.submission.id, "one unbroken chain for \(driver)")
            }
            #expect(history.first?.submission.supersedes == nil)
        }
        #expect(try await store.latestSubmissionIDs(formID: nil).count == drivers.count)
    }
}
