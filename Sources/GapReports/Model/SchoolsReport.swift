import FormEngine
import Records

/// The schools report for the sub-group: who has returned, and where the gaps in CSE and Missing provision are.
public enum SchoolsReport {
    /// The gaps the report ranks: a name, and whether a usable return has the gap (nil: not counted for it).
    static let gaps: [(name: String, has: @Sendable (SchoolFigures) -> Bool?)] = [
        (
            "No CSE education for pupils (phases expected to have it)",
            { $0.expectsPupilCSE ? !($0.reach?.pupilCSE ?? true) : nil }
        ),
        ("No Missing education", { !($0.reach?.missingEducation ?? true) }),
        ("No parents or carers reached", { !($0.reach?.parents ?? true) }),
        ("No governors reached", { !($0.reach?.governors ?? true) }),
        ("Nothing quality-assured", { $0.reach.map { $0.sessionsQualityAssured == 0 } }),
        ("DSL training out of date", { $0.dslInDate.map(!) }),
        ("Whole-staff update out of date", { $0.staffUpdateInDate.map(!) }),
    ]

    /// The report document of an analysis.
    public static func document(_ analysis: SchoolsAnalysis) -> ReportDocument {
        let collection = analysis.collection
        let total = analysis.total
        var blocks: [ReportBlock] = [
            .paragraph(
                "Of \(total.expected) open schools in the register, \(total.returned) returned "
                    + "(\(ReportCell.share(part: total.returned, whole: total.expected).text)): \(total.onTime) on time and "
                    + "\(total.late) late; \(total.expected - total.returned) not returned; "
                    + "\(Wording.count(total.rejected, "return")) sent back to correct. Coverage is counted over the "
                    + "\(Wording.count(total.usable, "return")) not sent back."),
            .heading("Returns and coverage by district"),
        ]
        let districtTable = rollupTable(
            id: "by-district", caption: "Returns and coverage by district", first: "District",
            analysis.byDistrict + [total])
        blocks.append(
            .chart(
                BarChart(
                    caption: "Share of schools that returned, by district", table: districtTable, measure: "Returned %")
            ))
        blocks.append(
            .chart(
                BarChart(
                    caption: "Pupil CSE education where expected, by district", table: districtTable,
                    measure: "Pupil CSE %")))
        blocks.append(
            .chart(
                BarChart(
                    caption: "Returns with any session quality-assured, by district", table: districtTable,
                    measure: "Any QA %")))
        blocks.append(.heading("Returns and coverage by phase"))
        let phaseTable = rollupTable(
            id: "by-phase", caption: "Returns and coverage by phase", first: "Phase", analysis.byPhase + [total])
        blocks.append(
            .chart(BarChart(caption: "Parents and carers reached, by phase", table: phaseTable, measure: "Parents %")))
        blocks.append(.heading("Gaps in provision, ranked"))
        blocks.append(.table(gapTable(analysis)))
        if let previous = analysis.previous {
            blocks.append(.heading("Change since \(previous.collection.name)"))
            blocks.append(
                .table(
                    changeTable(
                        now: total, before: previous.total, previousName: previous.collection.name, collection.name)))
        }
        if analysis.rounds.count > 1 {
            blocks.append(.heading("Trends by district, round by round"))
            let trends = trendTable(analysis)
            for (caption, measure) in [
                ("Share of schools that returned", "Returned %"),
                ("Pupil CSE education where expected", "Pupil CSE %"),
                ("Returns with any session quality-assured", "Any QA %"),
            ] {
                blocks.append(
                    .trend(TrendChart(caption: "\(caption), by district and round", table: trends, measure: measure)))
            }
            blocks.append(.table(trends))
        }
        blocks.append(.heading("Findings counted by rule"))
        blocks.append(
            .table(
                ReportTable(
                    id: "findings-by-rule", caption: "Findings in the latest returns, by rule",
                    columns: ["Finding", "Rule", "Severity", "Returns"],
                    rows: analysis.ruleCounts.map {
                        [
                            .text(analysis.ruleTitles[$0.rule] ?? $0.rule), .text($0.rule), .text($0.severity.rawValue),
                            .count($0.count),
                        ]
                    })))
        blocks.append(.heading("Schools that have not returned"))
        blocks.append(
            .table(
                ReportTable(
                    id: "missing", caption: "Open schools with no return in \(collection.name)",
                    columns: ["URN", "School", "District", "Phase"],
                    rows: analysis.schools.filter { !$0.returned }.map {
                        [.text($0.urn), .text($0.name), .text($0.district), .text($0.phase)]
                    })))
        if !analysis.unregistered.isEmpty {
            blocks.append(
                .paragraph(
                    "Returns were also stored for URNs that are not open schools in the register: "
                        + analysis.unregistered.joined(separator: ", ") + "."))
        }
        blocks.append(.heading("Every school"))
        blocks.append(.table(schoolTable(analysis)))
        return ReportDocument(
            id: "schools", title: "Section 11 returns: CSE and Missing education",
            subtitle:
                "Collection \(collection.name) (\(collection.periodStart) to \(collection.periodEnd), due \(collection.due)); "
                + analysis.measureDay.wording + (analysis.district.map { "; \($0) only" } ?? ""),
            blocks: blocks)
    }

    /// The columns of a rollup table, after the group's name.
    static let rollupColumns = [
        "Expected", "Returned", "Returned %", "On time", "Late", "Missing", "Sent back", "Counted", "Pupil CSE %",
        "Year groups %", "Missing ed. %", "Staff %", "Parents %", "Governors %", "Any QA %", "Sessions QA %",
        "DSL in date %", "Staff update %",
    ]

    static func rollupTable(id: String, caption: String, first: String, _ rollups: [SchoolsRollup]) -> ReportTable {
        ReportTable(id: id, caption: caption, columns: [first] + rollupColumns, rows: rollups.map(rollupRow))
    }

    /// One rollup's cells, in the order of `rollupColumns` after its label.
    static func rollupRow(_ r: SchoolsRollup) -> [ReportCell] {
        var cells: [ReportCell] = [.text(r.label), .count(r.expected), .count(r.returned)]
        cells.append(.share(part: r.returned, whole: r.expected))
        cells += [
            .count(r.onTime), .count(r.late), .count(r.expected - r.returned), .count(r.rejected), .count(r.usable),
        ]
        cells.append(.share(part: r.pupilCSE.part, whole: r.pupilCSE.whole))
        cells.append(.share(part: r.yearGroups.part, whole: r.yearGroups.whole))
        for part in [r.missingEducation, r.staff, r.parents, r.governors, r.anyQualityAssured] {
            cells.append(.share(part: part, whole: r.usable))
        }
        cells.append(.share(part: r.sessionsQualityAssured.part, whole: r.sessionsQualityAssured.whole))
        cells.append(.share(part: r.dslInDate, whole: r.usable))
        cells.append(.share(part: r.staffUpdateInDate, whole: r.usable))
        return cells
    }

    static func gapTable(_ analysis: SchoolsAnalysis) -> ReportTable {
        // Each usable school's answer to each gap, worked out once; then counted for the county and each district.
        let answers = analysis.schools.map { school in gaps.map { school.usable ? $0.has(school) : nil } }
        let schoolsByDistrict = Dictionary(grouping: analysis.schools.indices, by: { analysis.schools[$0].district })
        let districts = schoolsByDistrict.keys.sorted()
        var ranked: [(cells: [ReportCell], share: Double, order: Int)] = []
        for (order, gap) in gaps.enumerated() {
            func count(_ indices: some Sequence<Int>) -> (part: Int, whole: Int) {
                var part = 0
                var whole = 0
                for index in indices {
                    guard let has = answers[index][order] else { continue }
                    whole += 1
                    if has { part += 1 }
                }
                return (part, whole)
            }
            let county = count(analysis.schools.indices)
            var worst: (district: String, count: (part: Int, whole: Int))?
            for district in districts {
                let count = count(schoolsByDistrict[district]!)
                guard count.whole > 0 else { continue }
                let share = Double(count.part) / Double(count.whole)
                if worst.map({ share > Double($0.count.part) / Double($0.count.whole) }) ?? true {
                    worst = (district, count)
                }
            }
            var cells: [ReportCell] = [.text(gap.name), .count(county.part), .count(county.whole)]
            cells.append(.share(part: county.part, whole: county.whole))
            cells.append(worst.map { .text($0.district) } ?? .empty)
            cells.append(worst.map { .share(part: $0.count.part, whole: $0.count.whole) } ?? .empty)
            ranked.append((cells, county.whole > 0 ? Double(county.part) / Double(county.whole) : 0, order))
        }
        ranked.sort { $0.share != $1.share ? $0.share > $1.share : $0.order < $1.order }
        return ReportTable(
            id: "gaps", caption: "Gaps in provision, the most common first",
            columns: ["Gap", "Schools", "Of", "Share", "Worst district", "Its share"], rows: ranked.map(\.cells))
    }

    static func changeTable(now: SchoolsRollup, before: SchoolsRollup, previousName: String, _ name: String)
        -> ReportTable
    {
        let nowRow = rollupRow(now)
        let beforeRow = rollupRow(before)
        var rows: [[ReportCell]] = []
        for (index, column) in rollupColumns.enumerated() where column.hasSuffix("%") {
            let current = nowRow[index + 1]
            let earlier = beforeRow[index + 1]
            let change = current.percentage.flatMap { a in earlier.percentage.map { a - $0 } }
            rows.append([.text(column), earlier, current, .change(change)])
        }
        return ReportTable(
            id: "change", caption: "County figures: \(previousName) and \(name)",
            columns: ["Measure", previousName, name, "Change"],
            rows: rows)
    }

    /// Every percentage measure of each district (and the whole), one column a round, the oldest first; each round
    /// measured as of its own due date, the one reported on as of the report's day.
    static func trendTable(_ analysis: SchoolsAnalysis) -> ReportTable {
        let rounds = analysis.rounds
        let districts =
            Set(rounds.flatMap { $0.byDistrict.map(\.label) }).sorted() + [analysis.total.label]
        var rows: [[ReportCell]] = []
        for district in districts {
            let rollups = rounds.map { round in
                district == analysis.total.label ? round.total : round.byDistrict.first { $0.label == district }
            }
            for (index, measure) in rollupColumns.enumerated() where measure.hasSuffix("%") {
                rows.append(
                    [.text(district), .text(measure)]
                        + rollups.map { rollup in rollup.map { rollupRow($0)[index + 1] } ?? .empty })
            }
        }
        return ReportTable(
            id: "trends",
            caption: "Every measure by district, round by round (each earlier round measured as of its due date)",
            columns: ["District", "Measure"] + rounds.map(\.collection.name), rows: rows)
    }

    static func schoolTable(_ analysis: SchoolsAnalysis) -> ReportTable {
        let providers = analysis.providers
        @Sendable func yesNo(_ flag: Bool?) -> ReportCell { flag.map { .text($0 ? "yes" : "no") } ?? .empty }
        // Each provider's label without its note in brackets, worked out once a provider, not once a school.
        let shortLabels = Dictionary(
            (providers?.options ?? []).map { ($0.value, shortLabel($0.value, providers: providers)) },
            uniquingKeysWith: { first, _ in first })
        return ReportTable(
            id: "schools", caption: "Every open school in \(analysis.collection.name)",
            columns: [
                "URN", "School", "District", "Phase", "Return", "On time", "CSE", "Missing", "Audiences reached",
                "Year groups (CSE)", "Providers", "Sessions QA", "DSL in date", "Staff update in date",
            ],
            // A row a school, made on every core: a national report has 24,000 of them.
            rows: analysis.schools.concurrentMap { school in
                guard let facts = school.facts else {
                    return [
                        .text(school.urn), .text(school.name), .text(school.district), .text(school.phase),
                        .text(school.decision.map { $0 == .rejected ? "sent back" : $0.rawValue } ?? "missing"),
                        yesNo(school.onTime), .empty, .empty, .empty, .empty, .empty, .empty, .empty, .empty,
                    ]
                }
                var reached: [String] = []
                if facts.hasPupilCSE || facts.sessions.contains(where: { $0.audience == "pupils" }) {
                    reached.append("pupils")
                }
                if facts.reachedStaff { reached.append("staff") }
                if facts.reachedGovernors { reached.append("governors") }
                if facts.reachedParents { reached.append("parents") }
                let providerLabels = Set(facts.sessions.compactMap(\.providerType)).sorted().map {
                    shortLabels[$0] ?? shortLabel($0, providers: providers)
                }
                return [
                    .text(school.urn), .text(school.name), .text(school.district), .text(school.phase),
                    .text(school.decision?.rawValue ?? ""), yesNo(school.onTime), yesNo(facts.cseDelivered),
                    yesNo(facts.missingDelivered),
                    .text(reached.joined(separator: ", ")),
                    school.taughtYearGroups.isEmpty
                        ? .empty : .text("\(school.yearGroupsCovered) of \(school.taughtYearGroups.count)"),
                    .text(providerLabels.joined(separator: ", ")),
                    .share(part: facts.sessions.filter(\.qualityAssured).count, whole: facts.sessions.count),
                    yesNo(school.dslInDate), yesNo(school.staffUpdateInDate),
                ]
            })
    }

    /// A provider's label without its note in brackets.
    private static func shortLabel(_ value: String, providers: ChoiceList?) -> String {
        providers?.label(for: value).split(separator: " (").first.map(String.init) ?? value
    }
}
