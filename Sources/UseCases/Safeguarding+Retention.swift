import FormEngine
import Foundation
import Records

/// What the retention schedule reached on a day, and whether it was erased.
public struct RetentionRun: Sendable {
    /// The day the periods were measured to.
    public let asOf: Day
    /// The schedule used.
    public let schedule: RetentionSchedule
    /// Every record past its period: erased (or to be), or kept, and why.
    public let items: [RetentionItem]
    /// True when what is not kept was erased.
    public let applied: Bool
}

extension Safeguarding {
    /// The records past their period on `asOf` (default today) under `schedule`; with `apply`, erases them in one
    /// transaction, audited, keeping what a licence in force rests on. An administrator's, or the command line's.
    public func retention(
        _ schedule: RetentionSchedule, asOf: Day?, apply: Bool, by sender: Sender
    ) async throws -> RetentionRun {
        try sender.require([.admin])
        let day = asOf ?? today()
        var cutoffs: [RetentionKind: String] = [:]
        for (kind, period) in schedule.periods { cutoffs[kind] = period.cutoff(on: day).iso }
        let items = try await store.retention(cutoffs: cutoffs, liveOn: day, erase: apply, actor: sender.name)
        return RetentionRun(asOf: day, schedule: schedule, items: items, applied: apply)
    }

    /// Everything held about one school (URN) or driver (licence number) as JSON, for a subject access request:
    /// every version as received and as bound, every evaluation and finding, decision, Update Service check,
    /// transfer, and audit line about one of its versions. Audited, naming the versions, not the subject.
    public func subjectExport(_ subjectKey: String, by sender: Sender) async throws -> String {
        try sender.require([.admin])
        guard let records = try await store.subjectRecords(subjectKey: subjectKey) else {
            throw Refusal.nothingHeldAbout(subjectKey)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        // The bytes as received are the person's own words: text, not base64.
        encoder.dataEncodingStrategy = .custom { data, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(String(decoding: data, as: UTF8.self))
        }
        let text = String(decoding: try encoder.encode(records), as: UTF8.self)
        let versions = records.submissions.compactMap(\.id).map(String.init).joined(separator: ", ")
        try await store.audit(
            actor: sender.name, action: .subjectExport,
            target: versions.isEmpty ? "Update Service checks" : "submissions \(versions)",
            detail: "\(records.submissions.count) versions, \(records.evaluations.count) evaluations, "
                + "\(records.decisions.count) decisions, \(records.dbsChecks.count) checks, "
                + "\(records.registerEntries.count) register entries, \(records.audit.count) audit lines")
        return text + "\n"
    }
}
