import FormEngine

extension SampleCounty {
    /// The year groups each phase teaches, as the sample's schools teach them.
    static let taughtYears: [String: [String]] = [
        "nursery": ["reception"],
        "primary": ["reception"] + (1...6).map { "year-\($0)" },
        "middle-deemed-primary": (3...8).map { "year-\($0)" },
        "middle-deemed-secondary": (5...9).map { "year-\($0)" },
        "secondary": (7...13).map { "year-\($0)" },
        "16-plus": ["year-12", "year-13"],
        "all-through": ["reception"] + (1...13).map { "year-\($0)" },
        "not-applicable": (3...11).map { "year-\($0)" },
    ]

    /// The mistakes a school makes in about 1 return in 12, each caught by a check; most are corrected later.
    enum Mistake: CaseIterable {
        case yearGroupNotTaught, assuredByNobody, sessionOutsidePeriod, badEmail, ukDate
    }

    /// One round's returns: most open schools return, most on time; some returns have a mistake and are sent
    /// back, and most of those come again corrected. The current round is a little better than the last.
    mutating func makeReturns(_ schools: [School], round: Round, isCurrent: Bool) -> [File] {
        var originals: [File] = []
        var corrections: [File] = []
        let better = isCurrent ? 0.06 : 0.0
        for school in schools where school.isOpen {
            guard random.chance(isCurrent ? 0.86 : 0.8) else { continue }
            let latest = min(options.asOf, Self.after(round.due, 45))
            var received =
                random.chance(0.85)
                ? Self.after(round.due, -random.int(0...100)) : Self.after(round.due, random.int(1...45))
            if received > latest { received = latest }
            let mistake: Mistake? = random.chance(0.1) ? random.pick(Mistake.allCases) : nil
            let answers = makeReturn(
                school, round: round, declared: Self.after(received, -random.int(0...5)), better: better)
            originals.append(File(name: "\(school.urn).yaml", text: answers.text(mistake: mistake), received: received))
            if mistake != nil && random.chance(0.55) {
                let again = min(Self.after(received, random.int(5...25)), options.asOf)
                corrections.append(
                    File(name: "\(school.urn)-corrected.yaml", text: answers.text(mistake: nil), received: again))
            }
        }
        return originals + corrections
    }

    /// What a school's return says, before any mistake is made in writing it.
    struct Return {
        var header: [(String, String)]
        var cse: [[(String, String)]]
        var missing: [[(String, String)]]
        var rest: String
        let period: Round
        let phase: String

        /// The return as YAML, with `mistake` made in it.
        func text(mistake: Mistake?) -> String {
            var header = self.header
            var cse = self.cse
            if mistake == .badEmail, let index = header.firstIndex(where: { $0.0 == "dsl_email" }) {
                header[index].1 = header[index].1.replacingAll("@", with: " at ")
            }
            if mistake == .ukDate, let index = header.firstIndex(where: { $0.0 == "dsl_last_training" }),
                let day = Day(iso: header[index].1)
            {
                let (year, month, dayOfMonth) = day.components
                header[index].1 = "\(dayOfMonth < 10 ? "0" : "")\(dayOfMonth)/\(month < 10 ? "0" : "")\(month)/\(year)"
            }
            if cse.isEmpty
                && (mistake == .yearGroupNotTaught || mistake == .assuredByNobody || mistake == .sessionOutsidePeriod),
                let index = header.firstIndex(where: { $0.0 == "dsl_email" })
            {
                header[index].1 = header[index].1.replacingAll("@", with: " at ")
            }
            if !cse.isEmpty {
                switch mistake {
                case .yearGroupNotTaught:
                    let wrong = phase == "primary" || phase == "nursery" ? "year-9" : "year-2"
                    cse[0] =
                        cse[0].filter { $0.0 != "year_groups" && $0.0 != "audience" }
                        + [("audience", "pupils"), ("year_groups", "[\(wrong)]")]
                case .assuredByNobody:
                    cse[0] =
                        cse[0].filter { $0.0 != "quality_assured" && $0.0 != "quality_assured_by" } + [
                            ("quality_assured", "yes")
                        ]
                case .sessionOutsidePeriod:
                    cse[0] = cse[0].map {
                        $0.0 == "date" ? ("date", SampleCounty.after(period.periodStart, -20).iso) : $0
                    }
                default:
                    break
                }
            }
            var text = "form: section11-school-return\nschool:\n"
            for (key, value) in header { text += "  \(key): \(value)\n" }
            text += sessions("cse", cse)
            text += sessions("missing", missing)
            return text + rest
        }

        private func sessions(_ section: String, _ items: [[(String, String)]]) -> String {
            guard !items.isEmpty else { return "\(section):\n  delivered: no\n" }
            var text = "\(section):\n  delivered: yes\n  sessions:\n"
            for item in items {
                for (index, (key, value)) in item.enumerated() {
                    text += (index == 0 ? "    - " : "      ") + "\(key): \(value)\n"
                }
            }
            return text
        }
    }

    private mutating func makeReturn(_ school: School, round: Round, declared: Day, better: Double) -> Return {
        let years = Self.taughtYears[school.phase] ?? []
        let expectsCSE = ["secondary", "middle-deemed-primary", "middle-deemed-secondary", "all-through"].contains(
            school.phase)
        let dslTrained =
            random.chance(0.84 + better / 2)
            ? Self.after(declared, -random.int(30...700)) : Self.after(declared, -random.int(740...1100))
        let staffUpdate =
            random.chance(0.8 + better / 2)
            ? Self.after(declared, -random.int(10...330)) : Self.after(declared, -random.int(370...600))
        let domain = school.name.lowercased().filter(\.isLetter).prefix(18)
        let dslParts = school.dsl.split(separator: " ")
        let header: [(String, String)] = [
            ("urn", Self.quoted(school.urn)), ("name", Self.quoted(school.name)),
            ("dfe_number", "928/\(school.establishmentNumber < 1000 ? "0" : "")\(school.establishmentNumber)"),
            ("phase", school.phase), ("type", Self.formType(school.typeName)), ("district", school.district.slug),
            ("dsl_name", Self.quoted(school.dsl)),
            ("dsl_email", "\(dslParts[0].lowercased()).\(dslParts[1].lowercased())@\(domain).example.org"),
            ("dsl_last_training", dslTrained.iso), ("safeguarding_governor", Self.quoted(person())),
        ]
        var cse: [[(String, String)]] = []
        let pupilCSE =
            expectsCSE ? random.chance(0.74 + better) : (school.phase == "primary" && random.chance(0.35 + better))
        if pupilCSE {
            for _ in 0..<random.int(1...2) {
                cse.append(
                    session(
                        years: pupilYears(years, phase: school.phase), round: round, declared: declared, better: better)
                )
            }
        }
        if random.chance(0.55) {
            cse.append(
                session(
                    audience: random.pick(["teaching-staff", "support-staff"]), round: round, declared: declared,
                    better: better))
        }
        if random.chance(0.15 + better) {
            cse.append(session(audience: "parents", round: round, declared: declared, better: better))
        }
        if random.chance(0.1) {
            cse.append(session(audience: "governors", round: round, declared: declared, better: better))
        }
        var missing: [[(String, String)]] = []
        if random.chance(0.58 + better) {
            for _ in 0..<random.int(1...2) {
                missing.append(
                    random.chance(0.6) && !years.isEmpty
                        ? session(
                            years: pupilYears(years, phase: school.phase), round: round, declared: declared,
                            better: better)
                        : session(audience: "teaching-staff", round: round, declared: declared, better: better))
            }
        }
        let parents = random.chance(0.48 + better)
        let governors = random.chance(0.58 + better)
        var rest =
            "staff:\n  induction_covers_cse: \(random.chance(0.9) ? "yes" : "no")\n  last_all_staff_update: \(staffUpdate.iso)\n"
        let staffTotal = random.int(12...140)
        rest += "  staff_total: \(staffTotal)\n  staff_trained: \(random.int(staffTotal / 2...staffTotal))\n"
        rest += "reach:\n  parents_informed: \(parents ? "yes" : "no")\n"
        if parents {
            rest +=
                "  parents_how: \(Self.quoted(random.pick(["Newsletter and website", "A parents' evening briefing", "A letter home with the play"])))\n"
        }
        rest += "  governors_trained: \(governors ? "yes" : "no")\n"
        if governors { rest += "  governors_training_date: \(Self.after(declared, -random.int(20...300)).iso)\n" }
        rest +=
            "declaration:\n  name: \(Self.quoted(school.headteacher))\n  role: headteacher\n  date: \(declared.iso)\n  confirmed: yes\n"
        return Return(header: header, cse: cse, missing: missing, rest: rest, period: round, phase: school.phase)
    }

    /// One to three neighbouring year groups the school teaches.
    private mutating func pupilYears(_ years: [String], phase: String) -> [String] {
        guard !years.isEmpty else { return [] }
        let upper = phase == "primary" ? years.suffix(2) : years[...]
        let pool = Array(upper)
        let start = random.int(0...pool.count - 1)
        return Array(pool[start..<min(pool.count, start + random.int(1...3))])
    }

    private mutating func session(
        years: [String] = [], audience: String = "pupils", round: Round, declared: Day, better: Double
    ) -> [(String, String)] {
        let provider = random.weighted([
            ("in-house", 40.0), ("police", 20), ("theatre", 15), ("charity", 20), ("health", 5),
        ])
        let names = [
            "police": ["The RISE team", "Northamptonshire Police schools team"],
            "theatre": ["Alter Ego", "Loudmouth", "Big Foot Arts Education"],
            "charity": ["Barnardo's", "NSPCC", "Brook", "The Children's Society"], "health": ["School nursing team"],
        ]
        let latest = min(declared, round.periodEnd)
        let span = max(0, latest.daysSinceEpoch - round.periodStart.daysSinceEpoch)
        var item: [(String, String)] = [("audience", audience)]
        if !years.isEmpty { item.append(("year_groups", "[\(years.joined(separator: ", "))]")) }
        item.append(("provider_type", provider))
        if let choices = names[provider] { item.append(("provider_name", Self.quoted(random.pick(choices)))) }
        item.append(
            (
                "programme",
                Self.quoted(
                    random.pick([
                        "Chelsea's Choice", "Kayleigh's Love Story", "Keeping safe online", "Healthy relationships",
                        "Running away: the risks",
                    ]))
            ))
        item.append(("date", Self.after(round.periodStart, random.int(0...span)).iso))
        item.append(("number_reached", String(random.int(8...240))))
        if random.chance(0.42 + better) {
            item.append(("quality_assured", "yes"))
            item.append(
                (
                    "quality_assured_by",
                    Self.quoted(
                        random.pick([
                            "The DSL observed it", "Head of PSHE, with pupil feedback",
                            "The local authority's education safeguarding team",
                        ]))
                ))
        } else {
            item.append(("quality_assured", "no"))
        }
        return item
    }

    /// The school form's type for a GIAS TypeOfEstablishment name.
    static func formType(_ name: String) -> String {
        switch name {
        case "Community school": return "community"
        case "Voluntary aided school": return "voluntary-aided"
        case "Voluntary controlled school": return "voluntary-controlled"
        case "Foundation school": return "foundation"
        case "Free schools": return "free-school"
        case "Pupil referral unit": return "pupil-referral-unit"
        default:
            if name.contains("special") { return "special" }
            if name.hasPrefix("Academy") { return "academy" }
            return "other"
        }
    }
}
