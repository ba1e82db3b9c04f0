import FormEngine
import Records

/// The licensing report: by district, which drivers are safe to be on the road today, and which need action.
public enum LicensingReport {
    /// The report document of an analysis.
    public static func document(_ analysis: LicensingAnalysis) -> ReportDocument {
        let total = analysis.total
        var blocks: [ReportBlock] = [
            .paragraph(
                "Drivers with an application stored: \(total.drivers); licensed on \(analysis.asOf.spoken): \(total.licensed). "
                    + "Of the licensed drivers, \(ReportCell.share(part: total.dbsInDate, whole: total.licensed).text) have a DBS "
                    + "check in date and \(ReportCell.share(part: total.trainingInDate, whole: total.licensed).text) in-date "
                    + "safeguarding training. Referrals waiting for the sub-committee: \(total.referralsOpen)."),
            .heading("By district"),
        ]
        let districts = ReportTable(
            id: "by-district", caption: "Drivers by district",
            columns: [
                "District", "Drivers", "Licensed", "Granted", "Refused", "Deferred", "To sub-committee", "Suspended",
                "Revoked", "Not renewed", "Awaiting decision", "DBS in date %",
                "Update Service %", "Training in date %", "Register searched %", "Referrals open",
            ],
            rows: (analysis.byDistrict + [total]).map(row))
        blocks.append(
            .chart(
                BarChart(
                    caption: "Licensed drivers with a DBS check in date, by district", table: districts,
                    measure: "DBS in date %")))
        blocks.append(
            .chart(
                BarChart(
                    caption: "Licensed drivers with in-date safeguarding training, by district", table: districts,
                    measure: "Training in date %")))
        blocks.append(.heading("Referrals waiting for the sub-committee"))
        blocks.append(
            .table(
                ReportTable(
                    id: "referrals", caption: "Applications referred and not yet decided",
                    columns: ["District", "Submission", "Driver", "Decision so far"],
                    rows: analysis.drivers.filter(\.referralOpen).map {
                        [
                            .text($0.district), .count(Int($0.submission)), .text($0.driver),
                            .text($0.officerOutcome?.rawValue ?? "awaiting"),
                        ]
                    })))
        // The long list last: summary tables first.
        blocks.append(.heading("Drivers needing action"))
        blocks.append(.table(actionTable(analysis)))
        return ReportDocument(
            id: "licensing", title: "Taxi and private hire drivers",
            subtitle: "As of \(analysis.asOf.iso)" + (analysis.district.map { "; \($0) only" } ?? ""),
            blocks: blocks)
    }

    private static func row(_ r: LicensingRollup) -> [ReportCell] {
        var cells: [ReportCell] = [
            .text(r.label), .count(r.drivers), .count(r.licensed), .count(r.granted), .count(r.refused),
        ]
        cells += [
            .count(r.deferred), .count(r.referredToCommittee), .count(r.suspended), .count(r.revoked),
            .count(r.refusedToRenew), .count(r.awaiting),
        ]
        cells.append(.share(part: r.dbsInDate, whole: r.licensed))
        cells.append(.share(part: r.onUpdateService, whole: r.licensed))
        cells.append(.share(part: r.trainingInDate, whole: r.licensed))
        cells.append(.share(part: r.registerSearched, whole: r.drivers))
        cells.append(.count(r.referralsOpen))
        return cells
    }

    /// One row a driver who needs action, with every action they need and each one's due date, the most urgent
    /// driver first: new information from the DBS Update Service (a review, now) before anything overdue or missing
    /// (a DBS re-check or training past its date, no DBS check or training on record, no register search), before
    /// what falls due within 30 days; within each, the earliest due date first.
    public static func actionTable(_ analysis: LicensingAnalysis) -> ReportTable {
        // Each driver's actions and cells worked out on every core: a county's 360,000 drivers took most of the
        // national report's document on one.
        let asOf = analysis.asOf
        let rows = analysis.drivers.concurrentMap { driver -> (rank: (urgency: Int, due: Int), cells: [ReportCell])? in
            let actions = DriverAction.all(for: driver, asOf: asOf)
            guard let first = actions.first else { return nil }
            return (
                first.rank,
                [
                    .text(driver.district), .count(Int(driver.submission)), .text(driver.driver),
                    .text(driver.dbsCertificate),
                    .text(actions.map { $0.wording(asOf: asOf) }.joined(separator: "; ")),
                    .text(first.due.iso),
                ]
            )
        }
        return ReportTable(
            id: "actions",
            caption:
                "Drivers needing action, the most urgent first (DBS certificates masked; names shown only to the "
                + "district's own licensing officer)",
            columns: ["District", "Submission", "Driver", "DBS certificate", "Actions", "First due"],
            rows: mostUrgentFirst(rows))
    }

    /// The cells of the drivers with a row, by their first action's rank (`DriverAction.rank`), then in the order
    /// given. Sorted by number, each row's place beside it: sorting the rows themselves moved their actions and
    /// cells, a reference count each, and took a tenth of a national report.
    private static func mostUrgentFirst(_ rows: [(rank: (urgency: Int, due: Int), cells: [ReportCell])?])
        -> [[ReportCell]]
    {
        var ranked: [(urgency: Int, due: Int, place: Int)] = []
        for place in rows.indices {
            if let rank = rows[place]?.rank { ranked.append((rank.urgency, rank.due, place)) }
        }
        return ranked.sorted { ($0.urgency, $0.due, $0.place) < ($1.urgency, $1.due, $1.place) }
            .compactMap { rows[$0.place]?.cells }
    }
}
