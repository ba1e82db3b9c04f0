import ArgumentParser
import FormEngine
import Foundation
import Records
import UseCases

/// `safeguard retention [--as-of D] [--apply]`: what has passed its retention period, and its erasure.
struct Retention: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the records past their retention period; with --apply, erase them.",
        discussion: """
            The periods are in the schedule (Policies/retention.yaml, or --schedule), each with its source. \
            Without --apply nothing changes. With --apply, what is listed as past its period is erased in one \
            transaction, audited; a version a licence in force was granted on, and the audit line of that grant, \
            are kept.
            """
    )

    @OptionGroup var common: CommonOptions
    @OptionGroup var by: ActorOptions

    @Option(help: "The retention schedule.")
    var schedule: String = "Policies/retention.yaml"
    @Option(name: .customLong("as-of"), help: "Measure the periods to this day, YYYY-MM-DD (default today).")
    var asOf: String?
    @Flag(help: "Erase what is past its period.")
    var apply = false

    func run() async throws {
        let schedule: RetentionSchedule
        switch RetentionSchedule.load(path: self.schedule) {
        case .success(let loaded): schedule = loaded
        case .failure(let errors):
            printError(errors.description)
            printError("The retention schedule is broken: fix it, then run 'safeguard retention' again.")
            throw ExitCode(2)
        }
        let day = try asOf.map { try safeguard.day($0, option: "--as-of") }
        let safeguarding = try await common.safeguarding()
        let run = try await carryOut {
            try await safeguarding.retention(schedule, asOf: day, apply: apply, by: by.sender)
        }
        printOut(Self.text(run))
    }

    /// The run in words: each kind's period and count, then each record past its period.
    static func text(_ run: RetentionRun) -> String {
        var lines = ["Retention schedule \(run.schedule.file), measured to \(run.asOf.iso):"]
        for kind in RetentionKind.allCases {
            guard let period = run.schedule.periods[kind] else { continue }
            let items = run.items.filter { $0.kind == kind }
            let kept = items.filter { $0.keptBecause != nil }.count
            lines.append(
                "  \(kind.rawValue.padding(toLength: 22, withPad: " ", startingAt: 0))"
                    + "\((period.words + " " + kind.clock).padding(toLength: 44, withPad: " ", startingAt: 0))"
                    + "\(items.count - kept) past\(kept > 0 ? ", \(kept) kept" : "")")
        }
        let past = run.items.filter { $0.keptBecause == nil }
        for item in run.items {
            let state = item.keptBecause.map { "kept: \($0)" } ?? (run.applied ? "erased" : "past its period")
            lines.append("\(item.kind.rawValue)  \(item.target)  since \(item.since)  \(state)")
        }
        if run.applied {
            lines.append(
                "Erased \(Wording.count(past.count, "record")) in one transaction; the audit log says what went.")
        } else if past.isEmpty {
            lines.append("Nothing is past its period.")
        } else {
            lines.append(
                "Nothing was erased. Run again with --apply to erase the \(Wording.count(past.count, "record")) past their period."
            )
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
