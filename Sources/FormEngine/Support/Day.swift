/// A calendar date with no time or zone: what a form means by "date".
///
/// Stored as days since 1970-01-01 in the proleptic Gregorian calendar, so dates compare and subtract
/// as integers. The conversions are Howard Hinnant's `days_from_civil` and `civil_from_days`.
public struct Day: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Days since 1970-01-01.
    public var daysSinceEpoch: Int { Int(days) }

    /// Days since 1970-01-01, in 32 bits (five million years either way): an optional day then takes 8 bytes rather
    /// than 16, and a national licensing report reads eight for each of 360,000 drivers and keeps two in its figures.
    private let days: Int32

    /// Creates a day from a count of days since 1970-01-01 (held within five million years of it).
    public init(daysSinceEpoch: Int) {
        days = Int32(clamping: daysSinceEpoch)
    }

    /// Creates a day from its year, month (1-12) and day of month, or nil when there is no such date.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            day >= 1, day <= Day.daysIn(month: month, year: year)
        else { return nil }
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let shiftedMonth = month > 2 ? month - 3 : month + 9
        let dayOfYear = (153 * shiftedMonth + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        days = Int32(era * 146_097 + dayOfEra - 719_468)
    }

    /// Reads an ISO 8601 calendar date, `YYYY-MM-DD`, and nothing else.
    public init?(iso text: Substring) {
        // Read in place (no copy of the bytes): every date answer of every submission comes through here.
        guard text.utf8.count == 10 else { return nil }
        let read = text.utf8.withContiguousStorageIfAvailable { Self.parts(ofISO: $0) }
        guard let parts = read ?? Self.parts(ofISO: Array(text.utf8)) else { return nil }
        self.init(year: parts.year, month: parts.month, day: parts.day)
    }

    /// Reads an ISO 8601 calendar date from its UTF-8 bytes.
    init?(isoBytes bytes: UnsafeBufferPointer<UInt8>) {
        guard let parts = Self.parts(ofISO: bytes) else { return nil }
        self.init(year: parts.year, month: parts.month, day: parts.day)
    }

    /// The year, month and day of ten bytes written `YYYY-MM-DD`, or nil.
    private static func parts<Bytes: RandomAccessCollection<UInt8>>(ofISO bytes: Bytes) -> (
        year: Int, month: Int, day: Int
    )?
    where Bytes.Index == Int {
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                let digit = Int(bytes[index]) - 48
                guard (0...9).contains(digit) else { return nil }
                value = value * 10 + digit
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else { return nil }
        return (year, month, day)
    }

    /// Reads an ISO 8601 calendar date, `YYYY-MM-DD`.
    public init?(iso text: String) {
        self.init(iso: Substring(text))
    }

    /// The year, month and day of month.
    public var components: (year: Int, month: Int, day: Int) {
        let z = daysSinceEpoch + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// `YYYY-MM-DD`.
    public var iso: String {
        let (year, month, day) = components
        guard (0...9999).contains(year) else { return pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2) }
        // Written straight into a small string: every date in every finding's values and every stored answer is.
        return String(unsafeUninitializedCapacity: 10) { bytes in
            for (index, number) in [(0, year / 100), (2, year % 100), (5, month), (8, day)] {
                bytes[index] = UInt8(ascii: "0") + UInt8(number / 10)
                bytes[index + 1] = UInt8(ascii: "0") + UInt8(number % 10)
            }
            bytes[4] = UInt8(ascii: "-")
            bytes[7] = UInt8(ascii: "-")
            return 10
        }
    }

    /// The date as GOV.UK writes it: `1 March 2017`.
    public var spoken: String {
        let (year, month, day) = components
        return "\(day) \(Day.monthNames[month - 1]) \(year)"
    }

    /// `YYYY-MM-DD`.
    public var description: String { iso }

    /// The same day of the month `months` later (earlier when negative), or the month's last day when it is shorter.
    public func adding(months: Int) -> Day {
        let (year, month, day) = components
        let total = year * 12 + (month - 1) + months
        let newYear = total / 12
        let newMonth = total % 12 + 1
        let clamped = min(day, Day.daysIn(month: newMonth, year: newYear))
        return Day(year: newYear, month: newMonth, day: clamped) ?? self
    }

    /// Whole months from `self` to `later`, negative when `later` is earlier; consistent with `adding(months:)`,
    /// so 31 January to 28 February is one month.
    public func wholeMonths(to later: Day) -> Int {
        let from = components
        let to = later.components
        var months = (to.year - from.year) * 12 + (to.month - from.month)
        if months > 0 && to.day < from.day && !(to.day == Day.daysIn(month: to.month, year: to.year)) {
            months -= 1
        } else if months < 0 && to.day > from.day {
            months += 1
        }
        return months
    }

    /// Whole years from `self` to `later`: an age, when `self` is a date of birth.
    public func wholeYears(to later: Day) -> Int {
        let months = wholeMonths(to: later)
        return months >= 0 ? months / 12 : -((-months) / 12)
    }

    /// Orders days by time.
    public static func < (lhs: Day, rhs: Day) -> Bool { lhs.daysSinceEpoch < rhs.daysSinceEpoch }

    /// The number of days in a month of a year.
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    private static let monthNames = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December",
    ]

    private func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }
}
