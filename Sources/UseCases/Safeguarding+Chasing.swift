import FormEngine
import GapReports
import Records

/// What became of one reminder.
public struct ReminderSent: Sendable, Equatable {
    /// The school chased.
    public let entry: ChaseEntry
    /// Nil when the mail system took the message; else why it was not sent (no address on record, or the
    /// mail system's answer).
    public let failure: String?
}

extension Safeguarding {
    /// The schools to chase for a round (the newest unless named), on `asOf` (today unless given), in one district
    /// or the county. For the policy officer.
    public func chaseList(collection: String?, asOf: Day?, district: String?, by sender: Sender) async throws
        -> ChaseList
    {
        try sender.require(ReportKind.chase.readers)
        try await fillReportFacts()
        return try await ChaseList.make(
            store: store, catalog: catalog, collection: collection, asOf: asOf ?? today(),
            district: try district.map { try districtValue($0) })
    }

    /// Sends each school of a chase list a reminder, to the DSL its latest return names, through the mailer; each
    /// message sent, or not, is audited (the school, never the address). Refused when no mail is configured.
    public func sendReminders(_ list: ChaseList, by sender: Sender) async throws -> [ReminderSent] {
        try sender.require(ReportKind.chase.readers)
        guard let mailer else { throw Refusal.mailNotConfigured }
        var sent: [ReminderSent] = []
        for entry in list.entries {
            let what =
                "reminder for \(list.collection.name): \(entry.status.rawValue), \(entry.daysOverdue) days overdue"
            guard let address = entry.dslEmail else {
                sent.append(ReminderSent(entry: entry, failure: "no DSL email on record: telephone the school"))
                continue
            }
            let failure = await mailer.send(Self.reminder(entry, list: list, to: address))
            try await store.audit(
                actor: sender.name, action: .mail, target: "school \(entry.urn)",
                detail: what + (failure.map { "; not sent: \($0)" } ?? "; sent"))
            sent.append(ReminderSent(entry: entry, failure: failure))
        }
        return sent
    }

    /// The reminder to one school's DSL.
    static func reminder(_ entry: ChaseEntry, list: ChaseList, to address: String) -> MailMessage {
        let collection = list.collection
        let due = Day(iso: collection.due)?.spoken ?? collection.due
        let when = entry.daysOverdue > 0 ? " (\(Wording.count(entry.daysOverdue, "day")) ago)" : ""
        let what: String
        switch entry.status {
        case .notReturned:
            what = """
                We have not yet received \(entry.school)'s Section 11 return on CSE and Missing education for \
                \(collection.name). It was due on \(due)\(when). Please send it through the safeguarding portal.
                """
        case .sentBack:
            what = """
                \(entry.school)'s Section 11 return for \(collection.name) was sent back to correct, and we have not \
                yet received the corrected return. It was due on \(due)\(when). Please sign in to the safeguarding \
                portal, where the findings to correct are shown, and send the corrected return.
                """
        }
        return MailMessage(
            to: address,
            subject: "Section 11 return \(collection.name) for \(entry.school) (URN \(entry.urn)): "
                + (entry.status == .notReturned ? "not yet received" : "correction needed"),
            body: "Dear \(entry.dslName ?? "Designated Safeguarding Lead"),\n\n" + what
                + "\n\nIf you have sent it in the last day, thank you: please ignore this reminder.\n\n"
                + "The safeguarding board's policy officer")
    }
}
