import ArgumentParser
import FormEngine
import Records
import UseCases

/// `safeguard history SUBJECT`: every stored version for one school or driver, with its evaluations.
struct History: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Every stored version for one school (URN) or driver (licence number), with its decisions.")

    @OptionGroup var common: CommonOptions
    @OptionGroup var by: ActorOptions

    @Argument(help: "A school's URN or a driver's licence number.")
    var subject: String
    @Option(help: "text, or json: one object a version, with its evaluations, decisions and the driver's checks.")
    var format: OutputFormat = .text

    func run() async throws {
        let safeguarding = try await common.safeguarding()
        let entries = try await carryOut { try await safeguarding.history(of: subject, by: by.sender) }
        guard !entries.isEmpty else {
            printOut(
                format == .json
                    ? "{\"versions\":[],\"dbs_checks\":[]}\n" : "Nothing is stored for \(subject.trimmingWhitespace).\n"
            )
            throw ExitCode(1)
        }
        if format == .json { return printOut(Self.json(entries).text + "\n") }
        for entry in entries {
            let submission = entry.submission
            var line = "submission \(submission.id!): \(submission.formID) version \(submission.formVersion)"
            if let collection = entry.collection { line += ", collection \(collection)" }
            line +=
                ", received \(submission.receivedAt) from \(submission.source.rawValue) by \(submission.submitter)"
            if let supersedes = submission.supersedes { line += ", replacing submission \(supersedes)" }
            if let later = entry.supersededBy { line += "; replaced by submission \(later)" }
            printOut(line + "\n")
            for (evaluation, counts) in entry.evaluations {
                let tally = Severity.allCases.compactMap { severity in
                    counts[severity].map { "\($0) \(severity.rawValue)\($0 == 1 ? "" : "s")" }
                }
                printOut(
                    "    \(evaluation.reason.rawValue) \(evaluation.evaluatedAt) by \(evaluation.evaluatedBy), as of "
                        + "\(evaluation.asOf): \(evaluation.decision.rawValue)"
                        + "\(tally.isEmpty ? "" : " (\(tally.joined(separator: ", ")))") [evaluation \(evaluation.id!)]\n"
                )
            }
            for decision in entry.decisions {
                var line = "    decided \(decision.decidedAt) by \(decision.decidedBy): \(decision.outcome.rawValue)"
                if let start = decision.licenceStart, let end = decision.licenceEnd {
                    line += ", licence \(start) to \(end)"
                }
                if let grounds = decision.grounds { line += ", \(grounds.rawValue) grounds" }
                if let effective = decision.effectiveOn { line += ", effective \(effective)" }
                if let appeal = decision.appealBy { line += ", appeal by \(appeal.iso)" }
                if let note = decision.note { line += " (\(note))" }
                printOut(line + "\n")
            }
        }
        for check in entries.last?.dbsChecks ?? [] {
            printOut(
                "Update Service check on \(check.checkedOn): \(check.result.rawValue), recorded by \(check.recordedBy)\n"
            )
        }
    }

    /// The history as JSON: `versions`, oldest first, each with its evaluations (and their findings counted by
    /// severity) and decisions; then the driver's Update Service `dbs_checks`. No answer is in it.
    static func json(_ entries: [HistoryEntry]) -> JSONValue {
        func text(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }
        func number(_ value: Int64?) -> JSONValue { value.map { .number(Double($0)) } ?? .null }
        let versions = entries.map { entry -> JSONValue in
            let submission = entry.submission
            return .object([
                ("submission", number(submission.id)), ("form", .string(submission.formID)),
                ("form_version", .string(submission.formVersion)), ("collection", text(entry.collection)),
                ("received_at", .string(submission.receivedAt)), ("source", .string(submission.source.rawValue)),
                ("submitter", .string(submission.submitter)), ("replaces", number(submission.supersedes)),
                ("replaced_by", number(entry.supersededBy)),
                (
                    "evaluations",
                    .array(
                        entry.evaluations.map { evaluation, counts in
                            .object([
                                ("evaluation", number(evaluation.id)), ("reason", .string(evaluation.reason.rawValue)),
                                ("evaluated_at", .string(evaluation.evaluatedAt)),
                                ("evaluated_by", .string(evaluation.evaluatedBy)), ("as_of", .string(evaluation.asOf)),
                                ("decision", .string(evaluation.decision.rawValue)),
                                (
                                    "findings",
                                    .object(
                                        Severity.allCases.map { ($0.rawValue, .number(Double(counts[$0] ?? 0))) })
                                ),
                            ])
                        })
                ),
                (
                    "decisions",
                    .array(
                        entry.decisions.map { decision in
                            .object([
                                ("outcome", .string(decision.outcome.rawValue)),
                                ("licence_start", text(decision.licenceStart)),
                                ("licence_end", text(decision.licenceEnd)), ("note", text(decision.note)),
                                ("decided_by", .string(decision.decidedBy)),
                                ("decided_at", .string(decision.decidedAt)),
                                ("grounds", text(decision.grounds?.rawValue)),
                                ("effective_on", text(decision.effectiveOn)),
                                ("appeal_by", text(decision.appealBy?.iso)),
                            ])
                        })
                ),
            ])
        }
        let checks = (entries.last?.dbsChecks ?? []).map { check -> JSONValue in
            .object([
                ("checked_on", .string(check.checkedOn)), ("result", .string(check.result.rawValue)),
                ("note", text(check.note)), ("recorded_by", .string(check.recordedBy)),
                ("recorded_at", .string(check.recordedAt)),
            ])
        }
        return .object([("versions", .array(versions)), ("dbs_checks", .array(checks))])
    }
}
