import FormEngine
import GapReports
import Testing

@Suite("The day a schools report is measured on")
struct MeasureDayTests {
    let due = Day(iso: "2026-09-30")!

    @Test("a round not yet due is measured today; a past one on its due date; a day asked for wins")
    func chosen() {
        let before = MeasureDay(asked: nil, due: due, today: Day(iso: "2026-09-15")!)
        #expect(before.day == Day(iso: "2026-09-15") && before.basis == .today)
        #expect(before.wording == "measures as of 2026-09-15, today")
        let onTheDay = MeasureDay(asked: nil, due: due, today: due)
        #expect(onTheDay.basis == .today, "on its due date a round is still open")
        let after = MeasureDay(asked: nil, due: due, today: Day(iso: "2026-12-02")!)
        #expect(after.day == due && after.wording == "measures as of 2026-09-30, the collection's due date")
        let asked = MeasureDay(asked: Day(iso: "2026-10-31")!, due: due, today: Day(iso: "2026-12-02")!)
        #expect(asked.day == Day(iso: "2026-10-31") && asked.wording == "measures as of 2026-10-31")
    }
}
