import FormEngine
import Foundation
import Records
import SQLiteStore
import StoreKinds
import TestSupport
import Testing
import UseCases

@Suite("The JOF's shared register: entered with a decision on shared grounds, searched for every application")
struct SharedRegisterTests {
    /// Today as the store dates decisions.
    let today = Day(iso: Date().formatted(.iso8601.year().month().day()))!

    func day(_ days: Int) -> Day { Day(daysSinceEpoch: today.daysSinceEpoch + days) }

    /// Amir Patel's renewal, with some of its answers changed.
    func application(_ changes: [(String, String)]) throws -> [UInt8] {
        var text = try String(contentsOfFile: Paths.examples + "/applications/amir-patel-renewal.yaml", encoding: .utf8)
        for (old, new) in changes { text = text.replacingOccurrences(of: old, with: new) }
        return Array(text.utf8)
    }

    /// What a grant on `submission` is refused for, as the shared register's match describes it; nil, with the
    /// issue recorded, when it is recorded or refused for another reason.
    func grantRefusedByRegister(_ submission: Int64, _ cases: Safeguarding, by officer: Sender) async throws
        -> String?
    {
        do {
            _ = try await cases.decide(
                DecisionRequest(submissionID: submission, outcome: .grant, start: today), by: officer)
            Issue.record("a grant with a register entry and no referral was recorded")
        } catch let refusal as Refusal {
            guard case .sharedRegisterMatch(let described) = refusal else {
                Issue.record("refused for another reason: \(refusal)")
                return nil
            }
            return described
        }
        return nil
    }

    /// An application in Corby under another driver number (`...AC` unless given) with Amir Patel's NI number.
    func withPatelsNI(_ driverNumber: String = "PATEL702238AP9AC") throws -> [UInt8] {
        try application([("district: kettering", "district: corby"), ("PATEL702238AP9AB", driverNumber)])
    }

    /// An application in Corby with only Amir Patel's name and date of birth: another driver and NI number.
    func withPatelsNameAndBirth() throws -> [UInt8] {
        try application([
            ("district: kettering", "district: corby"), ("PATEL702238AP9AB", "PATEL702238AP9AD"),
            ("JG 10 36 81 C", "JG 10 36 82 C"),
        ])
    }

    /// Amir Patel's application stored, granted a month ago and revoked today on road-safety grounds: an entry in the
    /// register.
    func revokePatel(_ cases: Safeguarding) async throws {
        let officer = Sender.commandLine("officer")
        let patel = try #require(storedID(try await submit(try application([]), cases).outcome))
        _ = try await cases.decide(DecisionRequest(submissionID: patel, outcome: .grant, start: day(-30)), by: officer)
        _ = try await cases.decide(
            DecisionRequest(submissionID: patel, outcome: .revoke, note: "Road safety", grounds: .roadSafety),
            by: officer)
    }

    func submit(_ bytes: [UInt8], _ cases: Safeguarding) async throws -> SubmitResult {
        try await cases.submit(
            bytes, file: "application.yaml", options: SubmitOptions(source: .file, asOf: Day(iso: "2026-10-20")!),
            by: tester)
    }

    @Test(
        "a road-safety revocation enters the register; the driver's next application is referred, never told the reasons",
        arguments: StoreKind.available
    )
    func enteredAndSearched(_ kind: StoreKind) async throws {
        let temporary = try await TemporaryCounty(kind)
        let cases = temporary.cases(today: today.iso)
        let officer = Sender.commandLine("officer")
        let patel = try #require(storedID(try await submit(try application([]), cases).outcome))
        _ = try await cases.decide(
            DecisionRequest(submissionID: patel, outcome: .grant, start: day(-30)), by: officer)
        let reasons = "Three hand-held phone offences while carrying passengers"
        _ = try await cases.decide(
            DecisionRequest(submissionID: patel, outcome: .revoke, note: reasons, grounds: .roadSafety), by: officer)

        let register = try await temporary.store.sharedRegister(since: Day(iso: "2000-01-01")!)
        #expect(register.count == 1)
        // A subject access request for the driver includes what the register holds about them.
        let export = try await cases.subjectExport("PATEL702238AP9AB", by: tester)
        #expect(export.contains("\"register_entries\" : [") && export.contains("\"grounds\" : \"road-safety\""))
        let entry = try #require(register.first)
        #expect(entry.driverNumber == "PATEL702238AP9AB" && entry.name == "Amir Patel")
        #expect(
            entry.dateOfBirth == "1978-02-23" && entry.niNumber?.replacingOccurrences(of: " ", with: "") == "JG103681C")
        #expect(entry.address == "14 Rockingham Road, Kettering, NN16 8JX", "the current address, as NR3S records")
        #expect(entry.authority == "kettering" && entry.outcome == .revoke && entry.grounds == .roadSafety)
        #expect(entry.decidedOn == today.iso && entry.effectiveOn == day(21).iso && entry.submissionID == patel)

        // The same driver applies in Corby under the same driver number; another with only the same NI number;
        // another with only the same name and date of birth; and someone else.
        let elsewhere = try await submit(
            try application([
                ("district: kettering", "district: corby"),
                (
                    "form: taxi-driver-application\n",
                    "form: taxi-driver-application\n"
                        + "other_councils: {held_elsewhere: yes, which: Kettering BC, refused_suspended_revoked: no}\n"
                ),
            ]), cases)
        let sameNI = try await submit(try withPatelsNI(), cases)
        let sameNameAndBirth = try await submit(try withPatelsNameAndBirth(), cases)
        let someoneElse = try await submit(
            try application([
                ("district: kettering", "district: corby"), ("PATEL702238AP9AB", "PATEL702238AP9AE"),
                ("JG 10 36 81 C", "JG 10 36 83 C"), ("full_name: Amir Patel", "full_name: Omar Shah"),
            ]), cases)
        // Only the first declared (no) refusals; the others' forms leave the question unanswered.
        for (result, declaredNone) in [(elsewhere, true), (sameNI, false), (sameNameAndBirth, false)] {
            let finding = try #require(result.evaluation.findings.first { $0.rule == "jof.register-match" })
            #expect(finding.severity == .refer && result.evaluation.decision == .referred)
            #expect(
                finding.message.contains(
                    "a revocation by Kettering on \(today.spoken) (effective \(day(21).spoken)), on road safety grounds"
                ),
                "\(finding.message)")
            #expect(!finding.message.contains(reasons), "the reasons are not shared with another district")
            #expect(finding.path == "/licence/driver_number")
            #expect(
                finding.message.hasSuffix(" The applicant declared no refusal, suspension or revocation.")
                    == declaredNone,
                "a match the applicant did not declare says so: \(finding.message)")
        }
        #expect(!someoneElse.evaluation.findings.contains { $0.rule == "jof.register-match" })

        // A grant to the driver is refused until the application has been referred to the sub-committee.
        let corby = try #require(storedID(sameNI.outcome))
        let described = try await grantRefusedByRegister(corby, cases, by: officer)
        #expect(described?.hasPrefix("a revocation by Kettering") == true)
        _ = try await cases.decide(
            DecisionRequest(submissionID: corby, outcome: .referToCommittee, note: "NR3S entry from Kettering"),
            by: officer)
        let granted = try await cases.decide(
            DecisionRequest(
                submissionID: corby, outcome: .grantWithConditions, start: today, note: "Committee: 1 year"),
            by: officer)
        #expect(granted.outcome == .grantWithConditions)
        // The grant's search (the entries with the driver's number, NI number or date of birth, then the names
        // compared) finds the driver by name and date of birth alone too, and does not find someone else.
        let byNameAndBirth = try #require(storedID(sameNameAndBirth.outcome))
        #expect(try await grantRefusedByRegister(byNameAndBirth, cases, by: officer) != nil)
        let other = try #require(storedID(someoneElse.outcome))
        let otherGrant = try await cases.decide(
            DecisionRequest(submissionID: other, outcome: .grant, start: today), by: officer)
        #expect(otherGrant.outcome == .grant)

        // Eleven years on, the entry is no longer kept in the search.
        let later = temporary.cases(today: today.adding(months: 12 * 11 + 1).iso)
        let afterwards = try await submit(try application([("district: kettering", "district: corby")]), later)
        #expect(!afterwards.evaluation.findings.contains { $0.rule == "jof.register-match" })
    }

    @Test(
        "the retention schedule erases a register entry once its 11 years from the decision have run, not before",
        arguments: StoreKind.available)
    func keptElevenYears(_ kind: StoreKind) async throws {
        let temporary = try await TemporaryCounty(kind)
        let cases = temporary.cases(today: today.iso)
        let patel = try #require(storedID(try await submit(try application([]), cases).outcome))
        _ = try await cases.decide(
            DecisionRequest(submissionID: patel, outcome: .refuse, note: "Sexual offence", grounds: .safeguarding),
            by: Sender.commandLine("officer"))
        let entry = try #require(try await temporary.store.sharedRegister(since: Day(iso: "2000-01-01")!).first)
        let schedule = try RetentionSchedule.load(path: Paths.root + "/Policies/retention.yaml").get()
        let tenYears = try await cases.retention(schedule, asOf: today.adding(months: 120), apply: true, by: tester)
        #expect(!tenYears.items.contains { $0.kind == .registerEntries })
        let elevenYears = today.adding(months: 132)
        let listed = try await cases.retention(
            schedule, asOf: Day(daysSinceEpoch: elevenYears.daysSinceEpoch + 1), apply: true, by: tester)
        #expect(
            listed.items.filter { $0.kind == .registerEntries }.map(\.target) == ["register entry \(entry.id!)"],
            "listed by number only")
        #expect(try await temporary.store.sharedRegister(since: Day(iso: "2000-01-01")!).isEmpty, "and erased")
    }

    @Test(
        "the reasons go to the district that decided, and to others only where the rules say they are shared",
        arguments: StoreKind.available)
    func reasons(_ kind: StoreKind) async throws {
        let temporary = try await TemporaryCounty(kind)
        let cases = temporary.cases(today: today.iso)
        let patel = try #require(storedID(try await submit(try application([]), cases).outcome))
        let reasons = "Grooming offence disclosed by the police"
        _ = try await cases.decide(
            DecisionRequest(submissionID: patel, outcome: .refuse, note: reasons, grounds: .safeguarding),
            by: Sender.commandLine("officer"))
        func message(_ district: String, _ cases: Safeguarding) async throws -> String {
            let result = try await submit(try application([("district: kettering", "district: \(district)")]), cases)
            return try #require(result.evaluation.findings.first { $0.rule == "jof.register-match" }).message
        }
        let own = try await message("kettering", cases)
        #expect(own.hasSuffix("on safeguarding grounds: “\(reasons)”. The sub-committee must consider it."), "\(own)")
        #expect(!(try await message("corby", cases)).contains(reasons), "not to another district")
        let sharing = try catalogWith(
            rules: "taxi-driver-application", replacing: "  share_register_reasons:\n    value: false",
            with: "  share_register_reasons:\n    value: true")
        let agreed = try await message("corby", temporary.cases(catalog: sharing, today: today.iso))
        #expect(agreed.contains("“\(reasons)”"), "where the districts agreed: \(agreed)")
    }

    @Test(
        "revalidation searches the register too: a match stays; a version's own decision is not news about it",
        arguments: StoreKind.available)
    func revalidated(_ kind: StoreKind) async throws {
        let temporary = try await TemporaryCounty(kind)
        let cases = temporary.cases(today: today.iso)
        try await revokePatel(cases)
        let corby = try await submit(try withPatelsNI(), cases)
        #expect(corby.evaluation.decision == .referred)
        let report = try await cases.revalidate(
            formID: "taxi-driver-application", asOf: Day(iso: "2026-10-20")!, by: tester)
        #expect(report.evaluated == 2)
        #expect(report.decisionsChanged == 0 && report.findingsChanged.isEmpty, "\(report)")
    }

    @Test(
        "a replay takes what the shared register said as stored: a match then stays, an entry made since is no news",
        arguments: StoreKind.available)
    func replayed(_ kind: StoreKind) async throws {
        let temporary = try await TemporaryCounty(kind)
        let cases = temporary.cases(today: today.iso)
        let before = try await submit(try withPatelsNI(), cases)
        try await revokePatel(cases)
        let after = try await submit(try withPatelsNI("PATEL702238AP9AD"), cases)
        #expect(after.evaluation.decision == .referred)
        for (result, searched) in [(before, false), (after, true)] {
            let id = try #require(storedID(result.outcome))
            let evaluation = try #require(try await temporary.store.submissionDetail(id)).evaluation
            let replay = try await cases.replay(evaluationID: evaluation.id!, by: tester)
            #expect(replay.matches, "\(replay.originalFindings) against \(replay.replayed.findings.map(\.rule))")
            #expect(replay.replayed.findings.contains { $0.rule == "jof.register-match" } == searched)
        }
    }

    @Test(
        "many applications at once (the whole register read once) are referred alike, in the same words, as each alone",
        arguments: StoreKind.available)
    func manyAtOnce(_ kind: StoreKind) async throws {
        let temporary = try await TemporaryCounty(kind)
        let cases = temporary.cases(today: today.iso)
        try await revokePatel(cases)
        // The same NI number; the same name and date of birth; then drivers of their own, enough that a submit
        // searches the whole register rather than each driver's own entries.
        let matching = [try withPatelsNI(), try withPatelsNameAndBirth()]
        let others = try (0...Safeguarding.registerSearchedOneByOneUpTo).map { number in
            try application([
                ("district: kettering", "district: corby"),
                ("PATEL702238AP9AB", "PATEL702238AP9B" + String(Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")[number])),
                ("JG 10 36 81 C", "JG 10 36 83 C"), ("full_name: Amir Patel", "full_name: Omar Shah"),
            ])
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var paths: [String] = []
        for (number, bytes) in (matching + others).enumerated() {
            let path = folder.appendingPathComponent("application-\(number).yaml").path
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            paths.append(path)
        }
        var stored: [SubmitResult] = []
        try await cases.submit(
            files: paths, options: SubmitOptions(source: .file, asOf: Day(iso: "2026-10-20")!), by: tester
        ) { stored += $0 }
        #expect(stored.count == paths.count)
        func matches(_ evaluation: Evaluation) -> [String] {
            evaluation.findings.filter { $0.rule == "jof.register-match" }.map(\.message)
        }
        for (number, (bytes, result)) in zip(matching + others, stored).enumerated() {
            let alone = try await cases.check(bytes, file: "application.yaml", by: tester)
            #expect(matches(result.evaluation) == matches(alone), "application \(number)")
            #expect(matches(alone).count == (number < matching.count ? 1 : 0), "application \(number)")
        }
    }

    @Test("a refusal on grounds not shared (dishonesty) does not enter the register", arguments: StoreKind.available)
    func notShared(_ kind: StoreKind) async throws {
        let temporary = try await TemporaryCounty(kind)
        let cases = temporary.cases(today: today.iso)
        let patel = try #require(storedID(try await submit(try application([]), cases).outcome))
        _ = try await cases.decide(
            DecisionRequest(submissionID: patel, outcome: .refuse, note: "False statement", grounds: .dishonesty),
            by: Sender.commandLine("officer"))
        #expect(try await temporary.store.sharedRegister(since: Day(iso: "2000-01-01")!).isEmpty)
    }
}
