import FormEngine
import Records

/// The chase list as a report: every format, and the CSV a mail merge reads.
public enum ChaseReport {
    /// The report document of a chase list.
    public static func document(_ list: ChaseList) -> ReportDocument {
        let collection = list.collection
        let notReturned = list.entries.filter { $0.status == .notReturned }.count
        let noEmail = list.entries.filter { $0.dslEmail == nil }
        var summary =
            "\(Wording.count(list.entries.count, "school")) to chase: \(notReturned) not returned and "
            + "\(list.entries.count - notReturned) sent back and not corrected."
        if !noEmail.isEmpty {
            summary +=
                " \(Wording.count(noEmail.count, "school")) \(noEmail.count == 1 ? "has" : "have") no DSL email on "
                + "record (no return of any round gave one): telephone \(noEmail.count == 1 ? "it" : "them")."
        }
        return ReportDocument(
            id: "chase", title: "Schools to chase: Section 11 returns",
            subtitle: "Collection \(collection.name), due \(collection.due); days overdue as of \(list.asOf.iso)"
                + (list.district.map { "; \($0) only" } ?? ""),
            blocks: [
                .paragraph(summary),
                .table(
                    ReportTable(
                        id: "schools", caption: "Schools to chase, by district, the most overdue first",
                        columns: [
                            "District", "URN", "School", "Status", "Days overdue", "DSL", "DSL email", "Head",
                            "Telephone",
                        ],
                        rows: list.entries.map { entry in
                            [
                                .text(entry.district), .text(entry.urn), .text(entry.school),
                                .text(entry.status.rawValue), .count(entry.daysOverdue),
                                entry.dslName.map(ReportCell.text) ?? .empty,
                                entry.dslEmail.map(ReportCell.text) ?? .empty,
                                entry.head.map(ReportCell.text) ?? .empty,
                                entry.telephone.map(ReportCell.text) ?? .empty,
                            ]
                        })),
            ])
    }
}
