import FormEngine
import Testing

@Suite("Dates")
struct DayTests {
    @Test("ISO dates are read strictly and round-trip")
    func iso() {
        #expect(Day(iso: "2017-03-31")?.iso == "2017-03-31")
        #expect(Day(iso: "0001-02-03")?.iso == "0001-02-03")
        #expect(Day(iso: "9999-12-31")?.iso == "9999-12-31")
        #expect(Day(iso: "9999-12-31").map { Day(daysSinceEpoch: $0.daysSinceEpoch + 1).iso } == "10000-01-01")
        #expect(Day(year: 2026, month: 11, day: 22)?.adding(months: 2).iso == "2027-01-22")
        #expect(Day(iso: "2016-02-29") != nil)
        #expect(Day(iso: "2017-02-29") == nil)
        #expect(Day(iso: "2017-13-01") == nil)
        #expect(Day(iso: "17-03-31") == nil)
        #expect(Day(iso: "2017-3-31") == nil)
        #expect(Day(iso: "1970-01-01")?.daysSinceEpoch == 0)
        #expect(Day(iso: "2000-03-01")?.daysSinceEpoch == 11_017)
    }

    @Test("dates are written the GOV.UK way in messages")
    func spoken() {
        #expect(Day(iso: "2017-03-01")?.spoken == "1 March 2017")
    }

    @Test(
        "whole months and years between dates, and adding months, agree",
        arguments: [
            ("2016-08-01", "2017-03-01", 7), ("2016-08-01", "2017-02-28", 6), ("2017-01-31", "2017-02-28", 1),
            ("2017-01-31", "2017-02-27", 0), ("2017-03-31", "2016-08-01", -7), ("2000-02-29", "2001-02-28", 12),
        ])
    func months(from: String, to: String, expected: Int) throws {
        let a = try #require(Day(iso: from))
        let b = try #require(Day(iso: to))
        #expect(a.wholeMonths(to: b) == expected)
        if expected >= 0 { #expect(a.adding(months: expected) <= b) }
    }

    @Test("an age in whole years")
    func years() throws {
        let birth = try #require(Day(iso: "2005-10-13"))
        #expect(birth.wholeYears(to: Day(iso: "2026-10-12")!) == 20)
        #expect(birth.wholeYears(to: Day(iso: "2026-10-13")!) == 21)
    }

    @Test("every day a form can name is kept exactly; a count of days beyond five million years is held at the edge")
    func range() throws {
        let first = try #require(Day(iso: "0001-01-01"))
        let last = try #require(Day(iso: "9999-12-31"))
        #expect(first.daysSinceEpoch == -719_162 && first.iso == "0001-01-01")
        #expect(last.daysSinceEpoch == 2_932_896 && last.iso == "9999-12-31")
        #expect(Day(daysSinceEpoch: last.daysSinceEpoch + 1).iso == "10000-01-01")
        #expect(Day(daysSinceEpoch: Int.max).daysSinceEpoch == Int(Int32.max))
        #expect(Day(daysSinceEpoch: Int.min) < first && last < Day(daysSinceEpoch: Int.max))
    }
}

@Suite("SHA-256")
struct SHA256Tests {
    @Test("known digests (FIPS 180-4 examples)")
    func vectors() {
        #expect(SHA256.hex(Array("".utf8)) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(
            SHA256.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(
            SHA256.hex([UInt8](repeating: 0x61, count: 1_000))
                == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }
}
