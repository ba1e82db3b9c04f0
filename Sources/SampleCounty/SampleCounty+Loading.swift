import FormEngine
import Foundation
import ReturnStore

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
    /// Decisions the store would not record (a grant on an application the rules reject).
    public var decisionsRefused = 0
    /// DBS Update Service checks recorded.
    public var checks = 0
}

extension SampleCounty {
    /// Loads a sample made by `generate` into a store, as its people would have: the register imported, the
    /// collections opened, each return and application submitted on the day it was received (so on-time
    /// and late mean what they say), then the officers' decisions and checks recorded.
    public static func load(from directory: String, into store: ReturnStore, catalog: FormCatalog, actor: String) throws
        -> SampleLoad
    {
        let folder = URL(fileURLWithPath: directory)
        var load = SampleLoad()
        guard let schoolForm = catalog.forms.values.first(where: { $0.subject == .school }) else {
            throw StoreError("No form is about schools: the sample's returns have nowhere to go.")
        }
        let register = try bytes(folder.appendingPathComponent("register.csv"))
        switch try store.importRegister(register, file: "register.csv", schoolForm: schoolForm, actor: actor) {
        case .failure(let problems): throw StoreError("The sample's register does not import:\n\(problems)")
        case .success(let counts): load.register = counts
        }
        let validator = Validator(catalog: catalog)
        for row in try table(folder.appendingPathComponent("collections.csv")) {
            guard let start = Day(iso: row["period_start"] ?? ""), let end = Day(iso: row["period_end"] ?? ""),
                let due = Day(iso: row["due"] ?? ""), let name = row["name"], let form = row["form"]
            else { throw StoreError("collections.csv has a row that is not a collection.") }
            let collection =
                try store.collection(named: name)
                ?? store.openCollection(
                    name: name, formID: form, periodStart: start, periodEnd: end, due: due, actor: actor)
            let stored = try submit(
                folder.appendingPathComponent("returns/\(name)"), collection: collection, store: store,
                validator: validator,
                actor: actor)
            load.returns += stored.stored
            load.refused += stored.refused
        }
        let applications = try submit(
            folder.appendingPathComponent("applications"), collection: nil, store: store, validator: validator,
            actor: actor)
        load.applications = applications.stored
        load.refused += applications.refused
        try recordLicensing(folder.appendingPathComponent("licensing"), store: store, catalog: catalog, load: &load)
        return load
    }

    /// Submits every file of a folder's `received.csv`, in order, each on the day it was received.
    private static func submit(
        _ folder: URL, collection: CollectionRecord?, store: ReturnStore, validator: Validator, actor: String
    ) throws -> (stored: Int, refused: Int) {
        var stored = 0
        var refused = 0
        let parameters = collection?.ruleParameters ?? [:]
        let rows = try table(folder.appendingPathComponent("received.csv"))
        var start = 0
        while start < rows.count {
            let day = rows[start]["received_on"] ?? ""
            var end = start
            while end < rows.count && rows[end]["received_on"] == day { end += 1 }
            guard let received = Day(iso: day) else {
                throw StoreError("\(folder.path)/received.csv has a bad date, '\(day)'.")
            }
            let evaluations = try rows[start..<end].map { row in
                let file = folder.appendingPathComponent(row["file"] ?? "")
                return validator.evaluate(
                    try bytes(file), file: file.lastPathComponent, asOf: received, parameters: parameters)
            }
            let context = SubmissionContext(
                collection: collection, source: "file", submitter: actor, receivedAt: received.iso + "T09:00:00Z")
            for outcome in try store.store(
                evaluations, context: context, catalog: validator.catalog, parameters: parameters)
            {
                if case .stored = outcome { stored += 1 } else { refused += 1 }
            }
            start = end
        }
        return (stored, refused)
    }

    /// Records the sample's decisions (on each driver's latest application) and its DBS checks.
    private static func recordLicensing(_ folder: URL, store: ReturnStore, catalog: FormCatalog, load: inout SampleLoad)
        throws
    {
        guard let form = catalog.forms.values.first(where: { $0.subject == .driver }) else { return }
        let subjects = try store.subjects(formID: form.id)
        let latest = Set(try store.latestSubmissionIDs(formID: form.id))
        let applications = Dictionary(
            subjects.filter { latest.contains($0.key) }.map { ($0.value, $0.key) },
            uniquingKeysWith: { first, _ in first })
        for row in try table(folder.appendingPathComponent("decisions.csv")) {
            guard let number = row["driver_number"], let submission = applications[number],
                let outcome = LicensingOutcome(rawValue: row["outcome"] ?? "")
            else { continue }
            do {
                _ = try store.decide(
                    submissionID: submission, outcome: outcome, licenceStart: Day(iso: row["licence_start"] ?? ""),
                    licenceEnd: Day(iso: row["licence_end"] ?? ""), note: row["note"].flatMap { $0.isEmpty ? nil : $0 },
                    actor: row["decided_by"] ?? "licensing")
                load.decisions += 1
            } catch is StoreError {
                load.decisionsRefused += 1
            }
        }
        for row in try table(folder.appendingPathComponent("dbs-checks.csv")) {
            guard let number = row["driver_number"], let checked = Day(iso: row["checked_on"] ?? ""),
                let result = DBSCheckResult(rawValue: row["result"] ?? "")
            else { continue }
            _ = try store.recordDBSCheck(
                driverNumber: number, checkedOn: checked, result: result, note: nil,
                actor: row["recorded_by"] ?? "licensing")
            load.checks += 1
        }
    }

    private static func bytes(_ url: URL) throws -> [UInt8] {
        switch FileBytes.read(url.path) {
        case .success(let file): return file.bytes
        case .failure(let failure): throw StoreError("\(failure)")
        }
    }

    /// A CSV file's rows as dictionaries keyed by its header.
    private static func table(_ url: URL) throws -> [[String: String]] {
        switch CSVReader.rows(of: LegacyText.decode(try bytes(url))) {
        case .failure(let problem):
            throw StoreError("\(url.path):\(problem.line):\(problem.column): \(problem.message)")
        case .success(let rows):
            guard let header = rows.first?.map(\.text) else { return [] }
            return rows.dropFirst().map { row in
                Dictionary(zip(header, row.map(\.text)).map { ($0, $1) }, uniquingKeysWith: { first, _ in first })
            }
        }
    }
}
