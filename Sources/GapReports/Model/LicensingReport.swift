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
                "District", "Drivers", "Licensed", "Granted", "Refused", "Deferred", "Awaiting decision",
                "DBS in date %",
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
        blocks.append(.heading("Drivers needing action"))
        blocks.append(.table(actionTable(analysis)))
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
        return ReportDocument(
            id: "licensing", title: "Taxi and private hire drivers",
            subtitle: "As of \(analysis.asOf.iso)" + (analysis.district.map { "; \($0) only" } ?? ""),
            blocks: blocks)
    }

    private static func row(_ r: LicensingRollup) -> [ReportCell] {
        var cells: [ReportCell] = [
            .text(r.label), .count(r.drivers), .count(r.licensed), .count(r.granted), .count(r.refused),
        ]
        cells += [.count(r.deferred), .count(r.awaiting)]
        cells.append(.share(part: r.dbsInDate, whole: r.licensed))
        cells.append(.share(part: r.onUpdateService, whole: r.licensed))
        cells.append(.share(part: r.trainingInDate, whole: r.licensed))
        cells.append(.share(part: r.registerSearched, whole: r.drivers))
        cells.append(.count(r.referralsOpen))
        return cells
    }

    /// Each action a driver needs, soonest first: DBS re-checks overdue or due within 30 days, new DBS
    /// information, training expired or expiring within 30 days, no register search.
    public static func actionTable(_ analysis: LicensingAnalysis) -> ReportTable {
        let soon = Day(daysSinceEpoch: analysis.asOf.daysSinceEpoch + LicensingAnalysis.dueSoonDays)
        var actions: [(due: Day?, cells: [ReportCell])] = []
        for driver in analysis.drivers where driver.officerOutcome != .refuse {
            func add(_ action: String, _ due: Day?) {
                actions.append(
                    (
                        due,
                        [
                            .text(driver.district), .count(Int(driver.submission)), .text(driver.driver),
                            .text(driver.dbsCertificate),
                            .text(action), due.map { .text($0.iso) } ?? .empty,
                        ]
                    ))
            }
            if driver.licensed {
                if let due = driver.dbsDue, due < analysis.asOf {
                    add("DBS re-check overdue", due)
                } else if let due = driver.dbsDue, due <= soon {
                    add("DBS re-check due", due)
                } else if driver.dbsDue == nil {
                    add("No DBS check on record", nil)
                }
                if driver.dbsNewInformation {
                    add("New information from the DBS Update Service: review the licence", nil)
                }
                if let expires = driver.trainingExpires, expires < analysis.asOf {
                    add("Safeguarding training expired", expires)
                } else if let expires = driver.trainingExpires, expires <= soon {
                    add("Safeguarding training expires", expires)
                } else if driver.trainingExpires == nil {
                    add("No safeguarding training on record", nil)
                }
            }
            if !driver.registerSearched { add("No national register search", nil) }
        }
        actions.sort { a, b in
            switch (a.due, b.due) {
            case (let x?, let y?) where x != y: return x < y
            case (nil, _?): return false
            case (_?, nil): return true
            default: return false
            }
        }
        return ReportTable(
            id: "actions", caption: "Drivers needing action, the most urgent first (personal data masked)",
            columns: ["District", "Submission", "Driver", "DBS certificate", "Action", "Due"],
            rows: actions.map(\.cells))
    }
}
