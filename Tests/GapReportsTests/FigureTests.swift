import FormEngine
import GapReports
import Testing

@Suite("The figures of a hand-computed county")
struct FigureTests {
    @Test("returns: 7 expected, 3 returned, 2 on time and 1 late, 4 missing, none sent back")
    func returns() async throws {
        let fixture = try await ReportFixture.loaded()
        // Oakfield and Hillcrest came on 15 July; Riverside's first version came on 15 July too (so it counts
        // as on time) and was rejected, and its correction on 5 October replaced it, so none is sent back now.
        let total = fixture.schools.total
        #expect(total.expected == 7)
        #expect(total.returned == 3)
        #expect(total.onTime == 3 && total.late == 0)
        #expect(total.rejected == 0)
        #expect(total.usable == 3)
        #expect(
            Set(fixture.schools.schools.filter { !$0.returned }.map(\.urn)) == ["122049", "138112", "121620", "144213"])
    }

    @Test("coverage over the 3 counted returns, worked out by hand")
    func coverage() async throws {
        let fixture = try await ReportFixture.loaded()
        let total = fixture.schools.total
        // Only Riverside (secondary) is expected to teach pupils about CSE, and it did, to Years 8 and 9 of 7..13.
        #expect(total.pupilCSE == (1, 1))
        #expect(total.yearGroups == (2, 7))
        // Missing education: Oakfield only. Staff reached: Oakfield (a session for teaching staff).
        #expect(total.missingEducation == 1)
        #expect(total.staff == 1)
        // Parents: Oakfield (informed, and a session). Governors: Oakfield and Riverside (trained).
        #expect(total.parents == 1)
        #expect(total.governors == 2)
        // Quality assurance: Oakfield 2 of 3 sessions, Hillcrest 0 of 1, Riverside 1 of 1.
        #expect(total.anyQualityAssured == 2)
        #expect(total.sessionsQualityAssured == (3, 5))
        // On 1 October 2026: the DSLs trained in 2025-01, 2024-11 and 2025-03 are within 24 months; the staff
        // updates of 2 and 3 September and 1 September 2025 are all more than 12 months old.
        #expect(total.dslInDate == 3)
        #expect(total.staffUpdateInDate == 0)
    }

    @Test("rolled up by district and phase")
    func rollups() async throws {
        let fixture = try await ReportFixture.loaded()
        let corby = fixture.schools.byDistrict.first { $0.label == "Corby" }
        #expect(corby?.expected == 2 && corby?.returned == 1)
        #expect(
            fixture.schools.byDistrict.map(\.label) == [
                "Corby", "Daventry", "East Northamptonshire", "Kettering", "Northampton", "South Northamptonshire",
            ])
        let primary = fixture.schools.byPhase.first { $0.label == "Primary" }
        #expect(primary?.expected == 3 && primary?.returned == 2)
        #expect(primary.map { $0.pupilCSE == (0, 0) } == true)
    }

    @Test("the gaps, ranked: the staff update first (3 of 3), then the 2-of-3 gaps in the order listed")
    func gaps() async throws {
        let fixture = try await ReportFixture.loaded()
        let gaps = try #require(fixture.schoolsDocument.tables.first { $0.id == "gaps" })
        #expect(
            gaps.rows.map { $0[0].text } == [
                "Whole-staff update out of date", "No Missing education", "No parents or carers reached",
                "No governors reached", "Nothing quality-assured",
                "No CSE education for pupils (phases expected to have it)",
                "DSL training out of date",
            ])
        #expect(gaps.rows[0].map(\.text) == ["Whole-staff update out of date", "3", "3", "100%", "Corby", "100%"])
    }

    @Test("licensing on 20 November 2026: one licensed driver, in date; one referral open; one action")
    func licensing() async throws {
        let fixture = try await ReportFixture.loaded()
        let total = fixture.licensing.total
        #expect(total.drivers == 3)
        #expect(total.licensed == 1)
        #expect(total.granted == 1 && total.refused == 0 && total.deferred == 1 && total.awaiting == 1)
        // Amir Patel: last evidence the check of 15 November 2026, due again 15 May 2027; training of
        // 20 November 2024 runs to 20 November 2027.
        #expect(total.dbsInDate == 1 && total.onUpdateService == 1 && total.trainingInDate == 1)
        #expect(total.registerSearched == 2)
        #expect(total.referralsOpen == 1)
        let patel = try #require(fixture.licensing.drivers.first { $0.driver == "A. Patel" })
        #expect(patel.dbsDue == Day(iso: "2027-05-15"))
        #expect(patel.dbsCertificate == "********7890")
        let actions = try #require(fixture.licensingDocument.tables.first { $0.id == "actions" })
        #expect(
            actions.rows.map { $0.map(\.text) } == [
                ["Corby", "6", "B. Jones", "", "No national register search (now)", "2026-11-20"]
            ])
    }

    @Test("no date of birth, full name or full DBS number appears in the licensing report")
    func masked() async throws {
        let fixture = try await ReportFixture.loaded()
        let text = TextRenderer.render(fixture.licensingDocument) + HTMLRenderer.render(fixture.licensingDocument)
        for secret in ["1978-02-23", "Amir Patel", "001234567890", "PATEL702238AP9AB", "Beth Jones", "1991-04-17"] {
            #expect(!text.contains(secret), "\(secret)")
        }
    }
}
