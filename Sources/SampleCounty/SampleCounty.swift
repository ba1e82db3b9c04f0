import FormEngine
import Foundation

/// A synthetic county for demonstrations, tests and benchmarks: a school register in GIAS's columns, two
/// years of Section 11 returns with realistic gaps and mistakes, driver applications with realistic issues,
/// and the licensing officers' decisions and DBS checks. The same options always give the same files.
public struct SampleCounty: Sendable {
    /// What to make.
    public struct Options: Sendable {
        /// How many schools.
        public var schools: Int
        /// How many drivers.
        public var drivers: Int
        /// The seed: the same seed gives the same files.
        public var seed: UInt64
        /// The sample's "today": the current year's returns are due a month before it.
        public var asOf: Day

        /// Creates options.
        public init(schools: Int = 120, drivers: Int = 300, seed: UInt64 = 2016, asOf: Day = Day(iso: "2026-10-31")!) {
            self.schools = schools
            self.drivers = drivers
            self.seed = seed
            self.asOf = asOf
        }
    }

    /// A round of returns in the sample.
    public struct Round: Sendable, Equatable {
        /// Its name, `s11-2025-26`.
        public let name: String
        /// The first day of the academic year.
        public let periodStart: Day
        /// The last day.
        public let periodEnd: Day
        /// When returns are due.
        public let due: Day
    }

    let options: Options
    var random: SeededRandom
    /// The two rounds: last year's and this year's.
    public let rounds: [Round]

    /// A sample for `options`.
    public init(_ options: Options) {
        self.options = options
        random = SeededRandom(seed: options.seed)
        let (year, month, _) = options.asOf.components
        let endYear = month >= 10 ? year : year - 1
        rounds = [endYear - 1, endYear].map { end in
            Round(
                name: "s11-\(end - 1)-\(String(end).suffix(2))", periodStart: Day(year: end - 1, month: 9, day: 1)!,
                periodEnd: Day(year: end, month: 8, day: 31)!, due: Day(year: end, month: 9, day: 30)!)
        }
    }

    /// Makes the sample's files in `directory`, replacing what a previous sample left there.
    public static func generate(_ options: Options, into directory: String) throws {
        var sample = SampleCounty(options)
        let folder = URL(fileURLWithPath: directory)
        for part in ["register.csv", "collections.csv", "returns", "applications", "licensing", "README.txt"] {
            try? FileManager.default.removeItem(at: folder.appendingPathComponent(part))
        }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let schools = sample.makeSchools()
        try write(sample.registerCSV(schools), to: folder.appendingPathComponent("register.csv"))
        var collections = CSV.line(["name", "form", "period_start", "period_end", "due"])
        for (index, round) in sample.rounds.enumerated() {
            collections += CSV.line([
                round.name, "section11-school-return", round.periodStart.iso, round.periodEnd.iso, round.due.iso,
            ])
            let roundFolder = folder.appendingPathComponent("returns/\(round.name)")
            try FileManager.default.createDirectory(at: roundFolder, withIntermediateDirectories: true)
            var received = CSV.line(["file", "received_on"])
            for file in sample.makeReturns(schools, round: round, isCurrent: index == sample.rounds.count - 1) {
                try write(file.text, to: roundFolder.appendingPathComponent(file.name))
                received += CSV.line([file.name, file.received.iso])
            }
            try write(received, to: roundFolder.appendingPathComponent("received.csv"))
        }
        try write(collections, to: folder.appendingPathComponent("collections.csv"))
        let licensing = sample.makeLicensing()
        let applications = folder.appendingPathComponent("applications")
        try FileManager.default.createDirectory(at: applications, withIntermediateDirectories: true)
        var received = CSV.line(["file", "received_on"])
        for file in licensing.applications {
            try write(file.text, to: applications.appendingPathComponent(file.name))
            received += CSV.line([file.name, file.received.iso])
        }
        try write(received, to: applications.appendingPathComponent("received.csv"))
        let records = folder.appendingPathComponent("licensing")
        try FileManager.default.createDirectory(at: records, withIntermediateDirectories: true)
        try write(licensing.decisions, to: records.appendingPathComponent("decisions.csv"))
        try write(licensing.checks, to: records.appendingPathComponent("dbs-checks.csv"))
        try write(readme(options, rounds: sample.rounds), to: folder.appendingPathComponent("README.txt"))
    }

    private static func write(_ text: String, to url: URL) throws {
        try Data(text.utf8).write(to: url)
    }

    private static func readme(_ options: Options, rounds: [Round]) -> String {
        """
        A synthetic county made by `safeguard sample` (seed \(options.seed), as of \(options.asOf.iso)): \
        \(options.schools) schools, \(options.drivers) drivers. Every name, number and address is invented.

        register.csv              the school register, in GIAS's column names (for `safeguard register import`)
        collections.csv           the rounds of returns: \(rounds.map(\.name).joined(separator: " and "))
        returns/<round>/*.yaml    the returns; a *-corrected.yaml file replaces a return that was sent back
        returns/<round>/received.csv    when each return was received, in the order received
        applications/*.yaml       driver licence applications, one a driver
        applications/received.csv when each application was received
        licensing/decisions.csv   the licensing officers' decisions, by driver number
        licensing/dbs-checks.csv  the DBS Update Service checks made, by driver number

        """
    }

    /// A file the sample writes, and when it was received.
    struct File {
        let name: String
        let text: String
        let received: Day
    }

    /// Text as a YAML double-quoted scalar.
    static func quoted(_ text: String) -> String {
        "\"" + text.replacingAll("\\", with: "\\\\").replacingAll("\"", with: "\\\"") + "\""
    }

    /// A day `days` after `day`.
    static func after(_ day: Day, _ days: Int) -> Day { Day(daysSinceEpoch: day.daysSinceEpoch + days) }
}
