import FormEngine
import Foundation
import GapReports
import Records
import SampleCounty

/// What loading a sample into a store did.
public struct SampleLoad: Sendable, Equatable {
    /// The register import's counts.
    public var register = RegisterImport()
    /// Returns stored, over both rounds, versions included.
    public var returns = 0
    /// Applications stored.
    public var applications = 0
    /// Files not stored (a sample never makes one, but the count says so).
    public var refused = 0
    /// Officers' decisions recorded.
    public var decisions = 0
    /// Decisions refused (a grant on an application the rules reject).
    public var decisionsRefused = 0
    /// DBS Update Service checks recorded.
    public var checks = 0
}

/// A sample county made, stored and reported on: what `safeguard demo` shows.
public struct DemoCounty: Sendable {
    /// What was stored.
    public let load: SampleLoad
    /// The schools report on the sample's day.
    public let schools: ReportDocument
    /// The licensing report on the sample's day.
    public let licensing: ReportDocument
    /// A school that returned, to try `history` with.
    public let exampleURN: String?
    /// The round the schools report is on.
    public let collection: String
    /// The day both reports are measured on: the sample's day.
    public let asOf: Day
}

extension Safeguarding {
    /// Makes a sample county's files in `directory` and loads them (see `loadSample`), then makes both gap reports
    /// on the sample's day. The store's audit log starts with the demo's own line.
    public func demo(_ options: SampleCounty.Options, into directory: String) async throws -> DemoCounty {
        try SampleCounty.generate(options, into: directory)
        try await store.audit(
            actor: "demo", action: .demo, target: "sample county",
            detail: "seed \(options.seed), \(options.schools) schools, \(options.drivers) drivers")
        let sender = Sender.commandLine("demo")
        let load = try await loadSample(from: directory, today: options.asOf, by: sender)
        let schools = try await SchoolsAnalysis.make(
            store: store, catalog: catalog, collection: nil, asOf: options.asOf, today: options.asOf)
        let licensing = try await LicensingAnalysis.make(store: store, catalog: catalog, asOf: options.asOf)
        return DemoCounty(
            load: load, schools: SchoolsReport.document(schools), licensing: LicensingReport.document(licensing),
            exampleURN: schools.schools.first?.urn, collection: schools.collection.name, asOf: options.asOf)
    }

    /// True when nothing has been stored or recorded (every change writes an audit line).
    public func isEmpty() async throws -> Bool {
        try await store.auditLog(since: nil).isEmpty
    }

    /// True when the store may be replaced by a new demo: it is empty, or an earlier demo made it.
    public func holdsOnlyADemo() async throws -> Bool {
        let log = try await store.auditLog(since: nil)
        return log.isEmpty || log.first?.action == .demo
    }

    /// Loads a sample made by `SampleCounty.generate` as its people would have, `today` being the sample's day:
    /// the register imported, the rounds opened, each return and application submitted on the day it was received
    /// (so on time and late mean what they say), then the officers' decisions and checks recorded. Every step is
    /// the use case a person would have used.
    public func loadSample(from directory: String, today: Day, by sender: Sender) async throws -> SampleLoad {
        let cases = Safeguarding(store: store, catalog: catalog, today: { today }, throttle: throttle)
        let folder = URL(fileURLWithPath: directory)
        var load = SampleLoad()
        switch try await cases.importRegister(
            try Self.bytes(folder.appendingPathComponent("register.csv")), file: "register.csv", by: sender)
        {
        case .failure(let problems): throw Refusal.damaged("the sample's register does not import:\n\(problems)")
        case .success(let imported): load.register = imported.counts
        }
        for row in try Self.table(folder.appendingPathComponent("collections.csv")) {
            guard let start = Day(iso: row["period_start"] ?? ""), let end = Day(iso: row["period_end"] ?? ""),
                let due = Day(iso: row["due"] ?? ""), let name = row["name"], let form = row["form"]
            else { throw Refusal.damaged("collections.csv has a row that is not a collection") }
            if try await store.collections().contains(where: { $0.name == name }) == false {
                _ = try await cases.openCollection(
                    name, formID: form, periodStart: start, periodEnd: end, due: due, by: sender)
            }
            let stored = try await cases.submitSample(
                folder.appendingPathComponent("returns/\(name)"), collection: name, by: sender)
            load.returns += stored.stored
            load.refused += stored.refused
        }
        let applications = try await cases.submitSample(
            folder.appendingPathComponent("applications"), collection: nil, by: sender)
        load.applications = applications.stored
        load.refused += applications.refused
        try await cases.recordSampleLicensing(folder.appendingPathComponent("licensing"), load: &load)
        return load
    }

    /// Submits every file of a folder's `received.csv`, in order, each day's files as of the day they were received.
    private func submitSample(_ folder: URL, collection: String?, by sender: Sender) async throws
        -> (stored: Int, refused: Int)
    {
        var stored = 0
        var refused = 0
        try await submit(
            receivedIn: folder.path, options: SubmitOptions(collection: collection, source: .batch), by: sender
        ) { results in
            for result in results {
                if case .stored = result.outcome { stored += 1 } else { refused += 1 }
            }
        }
        return (stored, refused)
    }

    /// Records the sample's decisions (on each driver's latest application), each by its officer, and its checks.
    private func recordSampleLicensing(_ folder: URL, load: inout SampleLoad) async throws {
        let latest = try await store.submissionSummaries(
            subject: .driver, subjectKey: nil, district: nil, latestOnly: true, limit: Int.max)
        let applications = Dictionary(latest.map { ($0.subjectKey, $0.id) }, uniquingKeysWith: { first, _ in first })
        for row in try Self.table(folder.appendingPathComponent("decisions.csv")) {
            guard let number = row["driver_number"], let submission = applications[number],
                let outcome = LicensingOutcome(rawValue: row["outcome"] ?? "")
            else { continue }
            let request = DecisionRequest(
                submissionID: submission, outcome: outcome, start: Day(iso: row["licence_start"] ?? ""),
                end: Day(iso: row["licence_end"] ?? ""), note: row["note"],
                grounds: DecisionGrounds(rawValue: row["grounds"] ?? ""))
            do {
                _ = try await decide(request, by: .commandLine(row["decided_by"] ?? "licensing"))
                load.decisions += 1
            } catch is Refusal {
                load.decisionsRefused += 1
            }
        }
        for row in try Self.table(folder.appendingPathComponent("dbs-checks.csv")) {
            guard let number = row["driver_number"], let checked = Day(iso: row["checked_on"] ?? ""),
                let result = DBSCheckResult(rawValue: row["result"] ?? "")
            else { continue }
            _ = try await recordDBSCheck(
                driver: number, on: checked, result: result, note: nil,
                by: .commandLine(row["recorded_by"] ?? "licensing"))
            load.checks += 1
        }
    }

    private static func bytes(_ url: URL) throws -> [UInt8] {
        switch FileBytes.read(url.path) {
        case .success(let file): return file.bytes
        case .failure(let failure): throw Refusal.damaged("\(failure)")
        }
    }

    /// A CSV file's rows as dictionaries keyed by its header.
    private static func table(_ url: URL) throws -> [[String: String]] {
        switch CSVReader.rows(of: LegacyText.decode(try bytes(url)), refusingNUL: true) {
        case .failure(let problem):
            throw Refusal.damaged("\(url.path):\(problem.line):\(problem.column): \(problem.message)")
        case .success(let rows):
            guard let header = rows.first?.map(\.text) else { return [] }
            return rows.dropFirst().map { row in
                Dictionary(zip(header, row.map(\.text)).map { ($0, $1) }, uniquingKeysWith: { first, _ in first })
            }
        }
    }
}
