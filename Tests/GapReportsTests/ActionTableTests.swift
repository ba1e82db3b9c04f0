import FormEngine
import Foundation
import Records
import Testing

@testable import GapReports

@Suite("The drivers needing action: the most urgent first, however many, and every one in the JSON")
struct ActionTableTests {
    /// The report's day.
    static let asOf = Day(iso: "2026-10-31")!

    /// 600 drivers in the order the store gives them (by submission), of every kind: new information, re-checks and
    /// training overdue, due soon or far off, none on record, no register search, refused, licensed or not; many
    /// share an urgency and a due day, so that the order among equals shows.
    static let analysis: LicensingAnalysis = {
        let drivers = (0..<600).map { number -> DriverFigures in
            let day = { (offset: Int) in Day(daysSinceEpoch: asOf.daysSinceEpoch + offset) }
            let dbsDue: Day? = number % 11 == 0 ? nil : day([-40, -3, 0, 5, 29, 200][number % 6])
            let training: Day? = number % 13 == 0 ? nil : day([-10, 12, 400, 30][number % 4])
            return DriverFigures(
                submission: Int64(1_000 + number), district: ["Corby", "Kettering", "Northampton"][number % 3],
                name: "Driver \(number) Surname", namesShown: false, certificate: "00123456\(1_000 + number)",
                evaluation: .accepted, officerOutcome: number % 17 == 0 ? .refuse : .grant,
                licensed: number % 5 != 0, dbsDue: dbsDue, dbsNewInformation: number % 23 == 0, onUpdateService: true,
                trainingExpires: training, registerSearched: number % 7 != 0, referralOpen: false)
        }
        return LicensingAnalysis(
            asOf: asOf, drivers: drivers, byDistrict: [], total: LicensingRollup(label: "County"), district: nil)
    }()

    @Test("every driver with an action is listed once, by urgency then due day, equals in the store's order")
    func mostUrgentFirst() throws {
        let table = LicensingReport.actionTable(Self.analysis)
        let firstActions = Dictionary(
            uniqueKeysWithValues: Self.analysis.drivers.compactMap { driver in
                DriverAction.all(for: driver, asOf: Self.asOf).first.map { (Int(driver.submission), $0) }
            })
        let listed = table.rows.map { row -> Int in
            guard case .count(let submission) = row[1] else { return -1 }
            return submission
        }
        #expect(Set(listed) == Set(firstActions.keys))
        #expect(listed.count == firstActions.count)
        // Each row's first action, as its cells show it, is the driver's most urgent.
        for row in table.rows {
            guard case .count(let submission) = row[1], let first = firstActions[submission] else { continue }
            #expect(row[5] == .text(first.due.iso))
            #expect(row[4].text.hasPrefix(first.what))
        }
        let ranks = listed.map { (firstActions[$0]!.urgency, firstActions[$0]!.due, $0) }
        for (earlier, later) in zip(ranks, ranks.dropFirst()) {
            #expect(earlier < later, "\(earlier) before \(later)")
        }
        // Every urgency is there, and some rows share one with a due day, so the order among equals was tested.
        #expect(Set(ranks.map(\.0)) == [.newInformation, .overdue, .dueSoon])
        #expect(Set(ranks.map { "\($0.0)\($0.1)" }).count < ranks.count)
    }

    @Test("the JSON of a long action table has every row, in order, each keyed by the columns")
    func json() throws {
        let table = LicensingReport.actionTable(Self.analysis)
        let document = ReportDocument(id: "licensing", title: "t", subtitle: "s", blocks: [.table(table)])
        let parsed = try #require(
            try JSONSerialization.jsonObject(with: Data(JSONRenderer.bytes(document))) as? [String: Any])
        let tables = try #require(parsed["tables"] as? [[String: Any]])
        let rows = try #require(tables.first?["rows"] as? [[String: Any]])
        #expect(rows.count == table.rows.count)
        #expect(rows.count > 100)
        for (row, cells) in zip(rows, table.rows) {
            #expect(row.count == table.columns.count)
            #expect(row["Submission"] as? Int == Int(cells[1].text))
            #expect(row["Driver"] as? String == cells[2].text)
            #expect(row["Actions"] as? String == cells[4].text)
        }
    }
}
