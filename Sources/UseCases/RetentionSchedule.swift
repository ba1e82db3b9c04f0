import FormEngine
import Foundation
import Records

/// How long each kind of record is kept, read from a YAML file the policy officer can read and change
/// (`Policies/retention.yaml`): for each kind, a period (`6 years`, `90 days`) and the source it comes from.
public struct RetentionSchedule: Sendable {
    /// One kind's period.
    public struct Period: Sendable, Equatable {
        /// How many of `unit`.
        public let count: Int
        /// `day`, `month` or `year`.
        public let unit: Unit
        /// The law, guidance or decision it comes from.
        public let source: String

        /// The unit of a period.
        public enum Unit: String, Sendable {
            case day, month, year
        }

        /// The period in words: `6 years`, `1 day`.
        public var words: String { "\(count) \(unit.rawValue)\(count == 1 ? "" : "s")" }

        /// The first day whose records are still within the period on `day`: anything that started before it has
        /// passed its period.
        public func cutoff(on day: Day) -> Day {
            switch unit {
            case .day: return Day(daysSinceEpoch: day.daysSinceEpoch - count)
            case .month: return day.adding(months: -count)
            case .year: return day.adding(months: -12 * count)
            }
        }
    }

    /// The file it was read from.
    public let file: String
    /// Each kind's period.
    public let periods: [RetentionKind: Period]

    /// Reads a schedule; every problem in it, each with its line and column, when it cannot be used.
    public static func load(path: String) -> Result<RetentionSchedule, DefinitionErrors> {
        let read: (bytes: [UInt8], size: Int)
        switch FileBytes.read(path, limit: IntakeLimits.definition.maxBytes + 1) {
        case .success(let bytes): read = bytes
        case .failure(let failure):
            return .failure(
                DefinitionErrors([
                    DefinitionProblem(
                        mark: SourceMark(file: path, line: 1, column: 1),
                        message: "The retention schedule cannot be read: \(failure.reason).")
                ]))
        }
        let document: Document
        switch Intake.read(read.bytes, file: path, size: read.size, limits: .definition) {
        case .success(let read): document = read
        case .failure(let refusal):
            return .failure(DefinitionErrors([DefinitionProblem(mark: refusal.mark, message: refusal.message)]))
        }
        var problems: [DefinitionProblem] = []
        func problem(_ message: String, at position: TextPosition) {
            problems.append(DefinitionProblem(mark: document.mark(position), message: message))
        }
        let root = document.root
        for entry in root.entries ?? [] where entry.key != "periods" {
            problem("'\(entry.key)' is not part of a retention schedule: it has only 'periods:'.", at: entry.keyStart)
        }
        guard let kinds = root["periods"], let entries = kinds.entries else {
            problem(
                "The retention schedule needs 'periods:', a group with a period for each kind of record: "
                    + RetentionKind.allCases.map(\.rawValue).joined(separator: ", ") + ".",
                at: root["periods"]?.start ?? root.start)
            return .failure(DefinitionErrors(problems))
        }
        var periods: [RetentionKind: Period] = [:]
        for entry in entries {
            guard let kind = RetentionKind(rawValue: entry.key) else {
                let known = RetentionKind.allCases.map(\.rawValue)
                problem(
                    "'\(entry.key)' is not a kind of record the schedule covers.\(Suggestion.didYouMean(entry.key, in: known)) "
                        + "The kinds are: \(known.joined(separator: ", ")).", at: entry.keyStart)
                continue
            }
            let keep = entry.value["keep"]
            guard let text = keep?.scalar?.text,
                let match = text.wholeMatch(of: /([0-9]{1,4}) (day|month|year)s?/), let count = Int(match.1),
                count > 0, let unit = Period.Unit(rawValue: String(match.2))
            else {
                problem(
                    "Say how long to keep \(kind.rawValue) with 'keep:', a number of days, months or years, like 'keep: 6 years'.",
                    at: keep?.start ?? entry.value.start)
                continue
            }
            guard let source = entry.value["source"]?.scalar?.text, !source.isEmpty else {
                problem(
                    "Say where the period for \(kind.rawValue) comes from with 'source:' (the law, the guidance or the decision).",
                    at: entry.value["source"]?.start ?? entry.value.start)
                continue
            }
            periods[kind] = Period(count: count, unit: unit, source: source)
        }
        for kind in RetentionKind.allCases
        where periods[kind] == nil && !entries.contains(where: { $0.key == kind.rawValue }) {
            problem(
                "The schedule has no period for \(kind.rawValue) (\(kind.clock)): add one under 'periods:'.",
                at: kinds.start)
        }
        guard problems.isEmpty else { return .failure(DefinitionErrors(problems)) }
        return .success(RetentionSchedule(file: path, periods: periods))
    }
}
