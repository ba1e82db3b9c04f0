import FormEngine

extension SampleCounty {
    /// What the sample's licensing officers hold: applications, their decisions, and the DBS checks made since.
    struct Licensing {
        var applications: [File] = []
        var decisions = CSV.line([
            "driver_number", "outcome", "licence_start", "licence_end", "note", "decided_by", "decided_on", "grounds",
        ])
        var checks = CSV.line(["driver_number", "checked_on", "result", "recorded_by"])
    }

    /// One application a driver, with the issues licensing officers meet: old DBS certificates, missing or
    /// expired training, convictions and pending charges, register matches, missing documents. Applications
    /// that are complete are granted; referred ones go to the sub-committee; incomplete ones are refused or wait.
    mutating func makeLicensing() -> Licensing {
        var licensing = Licensing()
        var numbers = Set<String>()
        var certificates = Set<String>()
        for index in stride(from: 1, through: options.drivers, by: 1) {
            let driver = makeDriver(numbers: &numbers, certificates: &certificates)
            let name = String(format4(index))
            licensing.applications.append(
                File(name: "application-\(name).yaml", text: driver.text, received: driver.entered))
            let officer = "licensing.\(driver.district.slug)"
            let start = Self.after(driver.applied, random.int(14...40))
            guard start <= options.asOf else { continue }
            var granted = false
            if driver.incomplete {
                if random.chance(0.4) {
                    licensing.decisions += CSV.line([
                        driver.number, "refuse", "", "", "Incomplete: not corrected", officer, start.iso, "other",
                    ])
                }
            } else if driver.referred {
                let outcome = random.weighted([
                    ("grant-with-conditions", 0.5), ("refuse", 0.25), ("defer", 0.1), ("", 0.15),
                ])
                if !outcome.isEmpty {
                    let grants = outcome == "grant-with-conditions"
                    let end = Self.after(start.adding(months: 36), -1)
                    licensing.decisions += CSV.line([
                        driver.number, outcome, grants ? start.iso : "", grants ? end.iso : "",
                        "Sub-committee \(start.iso)", officer, start.iso, outcome == "refuse" ? driver.grounds : "",
                    ])
                    granted = grants
                }
            } else if random.chance(0.97) {
                licensing.decisions += CSV.line([
                    driver.number, "grant", start.iso, Self.after(start.adding(months: 36), -1).iso, "", officer,
                    start.iso, "",
                ])
                granted = true
            }
            guard granted, driver.onUpdateService else { continue }
            let stops = random.chance(0.1) ? random.int(0...3) : Int.max
            var checked = driver.lastEvidence
            var count = 0
            while true {
                let next = Self.after(checked.adding(months: 6), -random.int(0...20))
                guard next <= options.asOf, count < stops else { break }
                let result = random.chance(0.015) ? "new-information" : "no-change"
                licensing.checks += CSV.line([driver.number, next.iso, result, officer])
                checked = next
                count += 1
                if result != "no-change" { break }
            }
        }
        return licensing
    }

    /// A driver's application, and what the sample knows about it.
    struct Driver {
        let number: String
        let district: CountyData.District
        let applied: Day
        /// The day the officer entered it, complete with the council's register search: what it is checked as of.
        let entered: Day
        let text: String
        let incomplete: Bool
        let referred: Bool
        /// The grounds' category a sub-committee refusal would rest on: the offence's, or road safety for a
        /// licence held too short a time.
        let grounds: String
        let onUpdateService: Bool
        let lastEvidence: Day
    }

    private func format4(_ value: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, 4 - text.count)) + text
    }

    private mutating func makeDriver(numbers: inout Set<String>, certificates: inout Set<String>) -> Driver {
        let district = random.weighted(CountyData.districts.map { ($0, $0.weight) })
        let first = random.pick(CountyData.firstNames)
        let surname = random.pick(CountyData.surnames)
        let woman = random.chance(0.12)
        let applied = Self.after(options.asOf, -random.int(14...540))
        let age = random.chance(0.01) ? 20 : random.int(23...71)
        let born = Day(year: applied.components.year - age - 1, month: random.int(1...12), day: random.int(1...28))!
            .adding(months: random.int(0...11))
        let renewal = random.chance(0.55)
        var incomplete = false
        var referred = false
        var grounds = "other"
        var number = driverNumber(surname: surname, first: first, born: born, woman: woman)
        while !numbers.insert(number).inserted {
            number = driverNumber(surname: surname, first: first, born: born, woman: woman)
        }

        var text = "form: taxi-driver-application\napplication:\n  district: \(district.slug)\n"
        text += "  kind: \(renewal ? "renewal" : "new")\n"
        text += "  licence_type: \(random.weighted([("private-hire", 55.0), ("hackney-carriage", 25), ("dual", 20)]))\n"
        text += "  date: \(applied.iso)\n"
        if renewal {
            text +=
                "  existing_licence_number: \"\(district.name.prefix(3).uppercased())-\(random.int(1000...9999))\"\n"
        }
        if age < 21 { incomplete = true }

        text += "applicant:\n  full_name: \(Self.quoted(first + " " + surname))\n  date_of_birth: \(born.iso)\n"
        text += "  ni_number: \(niNumber())\n  phone: \"07700 9\(random.int(10000...99999))\"\n  addresses:\n"
        let moved = Self.after(applied, -random.int(200...4000))
        text +=
            "    - {address: \(Self.quoted("\(random.int(1...120)) \(random.pick(CountyData.streets)), \(random.pick(district.places))")), "
            + "postcode: \(random.pick(district.postcodes)) \(random.int(1...9))AB, from: \(moved.iso)}\n"
        if moved > applied.adding(months: -60) {
            if random.chance(0.97) {
                text +=
                    "    - {address: \(Self.quoted("\(random.int(1...120)) \(random.pick(CountyData.streets)), \(random.pick(district.places))")), "
                    + "postcode: \(random.pick(district.postcodes)) \(random.int(1...9))AD, from: \(applied.adding(months: -72).iso), to: \(Self.after(moved, -1).iso)}\n"
            } else {
                incomplete = true
            }
        }
        text +=
            "  right_to_work: yes\n  right_to_work_evidence: \(random.weighted([("uk-or-irish-passport", 80.0), ("share-code", 15), ("biometric-residence-permit", 5)]))\n"

        let licenceYears = random.chance(0.02) ? 2 : random.int(4...max(4, age - 17))
        if licenceYears < 3 {
            referred = true
            grounds = "road-safety"
        }
        // No one holds a full licence before their 17th birthday.
        let firstHeld = max(
            applied.adding(months: -12 * licenceYears - random.int(1...11)), born.adding(months: 12 * 17))
        text += "licence:\n  driver_number: \(number)\n  first_held: \(firstHeld.iso)\n"
        text += "  penalty_points: \(random.weighted([(0, 70.0), (3, 20), (6, 8), (9, 2)]))\n"

        var medical = Self.after(applied, -random.int(10...300))
        // A driver who reached 45 or 65 since the medical needs one made at that age (DVLA Group 2).
        let ageApplying = born.wholeYears(to: applied)
        if let band = ageApplying >= 65 ? 65 : ageApplying >= 45 ? 45 : nil {
            medical = max(medical, born.adding(months: 12 * band))
        }
        if age >= 45 && random.chance(0.03) {
            medical = applied.adding(months: -(age >= 65 ? 14 : 64))
            incomplete = true
        }
        text += "medical:\n  date: \(medical.iso)\n  fit: yes\n"

        var certificate = String(random.int(100_000...999_999)) + String(random.int(100_000...999_999))
        while !certificates.insert(certificate).inserted {
            certificate = String(random.int(100_000...999_999)) + String(random.int(100_000...999_999))
        }
        let onUpdateService = renewal ? random.chance(0.88) : random.chance(0.6)
        let issued = renewal ? Self.after(applied, -random.int(400...1000)) : Self.after(applied, -random.int(5...150))
        text += "dbs:\n  certificate_number: \"\(certificate)\"\n  issue_date: \(issued.iso)\n"
        let enhanced = random.chance(0.985)
        text += "  level: \(enhanced ? "enhanced" : "standard")\n"
        text += "  barred_lists: \(random.chance(0.98) ? "[children, adults]" : "[children]")\n"
        text += "  workforce: \(random.chance(0.98) ? "other-workforce" : "child-workforce")\n"
        if !enhanced || !text.contains("[children, adults]") || text.contains("child-workforce") { incomplete = true }
        var lastEvidence = issued
        if onUpdateService {
            // Subscribed by the time of applying: a subscription still to come is not one the form can give.
            let subscribed = min(
                Self.after(issued, random.chance(0.95) ? random.int(2...28) : random.int(31...60)), applied)
            text += "  update_service: yes\n  subscription_date: \(subscribed.iso)\n"
            // Added to the Update Service more than 30 days after issue, a certificate cannot be status-checked.
            let checkable = subscribed.daysSinceEpoch - issued.daysSinceEpoch <= 30
            if renewal {
                let stale = random.chance(0.06)
                let check = Self.after(applied, -(stale ? random.int(200...320) : random.int(5...160)))
                text += "  last_status_check: \(check.iso)\n"
                if checkable { lastEvidence = check }
                if stale || !checkable { incomplete = true }
            }
        } else {
            text += "  update_service: no\n"
            if renewal { incomplete = true }
        }

        if random.chance(0.08) {
            let earliest = max(born.adding(months: 12 * 19), Self.after(applied, -random.int(800...5000)))
            let country = random.pick(["Poland", "Romania", "Pakistan", "India", "Portugal", "Kenya"])
            // Back at least 100 days before applying, so the certificate (10 to 90 days before) covers the stay.
            let to = min(earliest.adding(months: random.int(4...20)), Self.after(applied, -100))
            let from = min(earliest, to.adding(months: -4))
            text +=
                "overseas:\n  lived_abroad: yes\n  periods:\n    - {country: \(country), "
                + "from: \(from.iso), to: \(to.iso)}\n"
            if random.chance(0.86) {
                text +=
                    "  certificate_provided: yes\n  certificate_date: \(Self.after(applied, -random.int(10...90)).iso)\n"
            } else {
                text += "  certificate_provided: no\n"
                incomplete = true
            }
        } else {
            text += "overseas:\n  lived_abroad: no\n"
        }

        if random.chance(0.18) {
            text += "convictions:\n  any: yes\n  records:\n"
            let category = random.weighted([
                ("other-motoring", 46.0), ("motoring-points", 10), ("hand-held-phone", 8), ("dishonesty", 9),
                ("violence", 12),
                ("drug-possession", 6), ("drink-or-drug-driving", 6), ("sexual", 1.5), ("exploitation", 1.5),
            ])
            let pending = random.chance(0.08)
            let committed = Self.after(applied, -(pending ? random.int(20...200) : random.int(300...5500)))
            let ended = Self.after(committed, random.int(0...500))
            text +=
                "    - {category: \(category), disposal: \(pending ? "pending-charge" : random.pick(["conviction", "caution"])), date: \(committed.iso)"
            text += pending ? "}\n" : ", sentence_end: \(min(ended, applied).iso)}\n"
            let years = [
                "violence": 10, "weapons": 7, "dishonesty": 7, "drug-supply": 10, "drug-possession": 5,
                "drink-or-drug-driving": 7, "hand-held-phone": 5, "motoring-points": 5,
            ][category]
            if pending || category == "sexual" || category == "exploitation" { referred = true }
            if let years, min(ended, applied).adding(months: 12 * years) > applied { referred = true }
            if referred {
                grounds =
                    [
                        "sexual": "safeguarding", "exploitation": "safeguarding", "violence": "violence",
                        "dishonesty": "dishonesty", "drug-possession": "drugs",
                    ][category] ?? "road-safety"
            }
        } else {
            text += "convictions:\n  any: no\n"
        }

        let searched = random.chance(0.96)
        text += "register:\n  searched: \(searched ? "yes" : "no")\n"
        var entered = applied
        if searched {
            let match = random.chance(0.015)
            entered = min(Self.after(applied, random.int(0...10)), options.asOf)
            text += "  search_date: \(entered.iso)\n  result: \(match ? "match" : "no-match")\n"
            if match {
                text += "  match_details: \"Licence revoked by another authority\"\n"
                referred = true
            }
        } else {
            incomplete = true
        }

        let trained = random.chance(0.94)
        text += "training:\n  completed: \(trained ? "yes" : "no")\n"
        if trained {
            let old = random.chance(0.05)
            text +=
                "  course: \"Safeguarding and CSE awareness for licensed drivers\"\n  provider: \(Self.quoted("\(district.name) Council"))\n"
            text +=
                "  date: \(Self.after(applied, -(old ? random.int(1120...1500) : random.int(10...1000))).iso)\n  test_passed: yes\n"
            if old { incomplete = true }
        } else {
            incomplete = true
        }
        let english = random.chance(0.97)
        text += "tests:\n  english_passed: \(english ? "yes" : "no")\n"
        if !english { incomplete = true }
        text += "sharing:\n  consent: yes\n"
        var documents = [
            "driving-licence", "dbs-certificate", "medical-certificate", "right-to-work", "photograph",
            "proof-of-address",
        ]
        if random.chance(0.06) {
            documents.remove(at: random.int(0...documents.count - 1))
            incomplete = true
        }
        if trained { documents.append("safeguarding-certificate") }
        text += "documents:\n  supplied: [\(documents.joined(separator: ", "))]\n"
        text +=
            "declaration:\n  name: \(Self.quoted(first + " " + surname))\n  date: \(applied.iso)\n  true_and_complete: yes\n  will_self_report: yes\n"
        return Driver(
            number: number, district: district, applied: applied, entered: entered, text: text,
            incomplete: incomplete,
            referred: referred, grounds: grounds,
            onUpdateService: onUpdateService, lastEvidence: lastEvidence)
    }

    /// A GB driving licence number in DVLA's layout: surname, decade, month (+50 for women), day, year, initials,
    /// a digit, two check characters.
    private mutating func driverNumber(surname: String, first: String, born: Day, woman: Bool) -> String {
        let letters = surname.uppercased().filter { $0.isLetter }
        let padded = String(letters.prefix(5)) + String(repeating: "9", count: max(0, 5 - letters.count))
        let (year, month, day) = born.components
        let monthCode = month + (woman ? 50 : 0)
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
        let initials = String(first.uppercased().prefix(1)) + "9"
        let alphabet = Array("ABCDEFGHJKLMNPRSTUVWXYZ")
        return padded + String((year / 10) % 10) + two(monthCode) + two(day) + String(year % 10) + initials + "9"
            + String(random.pick(alphabet)) + String(random.pick(alphabet))
    }

    /// A National Insurance number of HMRC's format, with an allowed prefix.
    private mutating func niNumber() -> String {
        let firsts = Array("ABCEGHJKLMNOPRSTWXYZ")
        let seconds = Array("ABCEGHJKLMNPRSTWXYZ")
        var prefix = String(random.pick(firsts)) + String(random.pick(seconds))
        while ["BG", "GB", "NK", "KN", "TN", "NT", "ZZ"].contains(prefix) {
            prefix = String(random.pick(firsts)) + String(random.pick(seconds))
        }
        return prefix + String(random.int(100_000...999_999)) + String(random.pick(Array("ABCD")))
    }
}
