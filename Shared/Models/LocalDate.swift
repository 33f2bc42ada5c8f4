public import Foundation

/// A calendar day without a time of day (`2026-11-24`), as the law counts its deadlines:
/// a dagtekening, a koppel date, the first day of a term.
public struct LocalDate: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// A date that exists in the Gregorian calendar; `nil` for e.g. 2026-02-30.
    public init?(year: Int, month: Int, day: Int) {
        let components = DateComponents(year: year, month: month, day: day)
        guard (1...9999).contains(year), let date = Self.calendar.date(from: components),
            Self.calendar.dateComponents([.year, .month, .day], from: date) == components
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses the ISO 8601 form `yyyy-MM-dd`.
    public init?(iso8601 string: String) {
        let parts = string.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            string.utf8.allSatisfy({ $0 == UInt8(ascii: "-") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// The day `instant` falls on in the Netherlands.
    public init(_ instant: Date, in timeZone: TimeZone = TimeZone(identifier: "Europe/Amsterdam")!) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: instant)
        self.year = parts.year!
        self.month = parts.month!
        self.day = parts.day!
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let string = try container.decode(String.self)
        guard let date = LocalDate(iso8601: string) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "expected a date as yyyy-MM-dd")
        }
        self = date
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    /// The date `count` days later (earlier when negative).
    public func adding(days count: Int) -> LocalDate { adding(.day, count) }
    /// The date `count` months later; the end of a shorter month clamps (Jan 31 + 1 = Feb 28).
    public func adding(months count: Int) -> LocalDate { adding(.month, count) }
    /// The date `count` years later; Feb 29 clamps to Feb 28.
    public func adding(years count: Int) -> LocalDate { adding(.year, count) }

    /// The last day of a period of `count` months that starts on this day: the day before the
    /// same date `count` months later, or the last day of that month when it has no such date
    /// (a period of six months from 31 August ends on the last day of February).
    public func lastDay(ofMonths count: Int) -> LocalDate {
        let end = adding(months: count)
        return end.day == day ? end.adding(days: -1) : end
    }

    /// The number of days from this date to `other` (negative when `other` lies before it).
    public func days(until other: LocalDate) -> Int {
        let start = Self.calendar.date(from: DateComponents(year: year, month: month, day: day))!
        let end = Self.calendar.date(from: DateComponents(year: other.year, month: other.month, day: other.day))!
        return Self.calendar.dateComponents([.day], from: start, to: end).day!
    }

    public var description: String {
        let pad = { (value: Int, width: Int) in String(repeating: "0", count: max(0, width - String(value).count)) + String(value) }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    private func adding(_ component: Calendar.Component, _ count: Int) -> LocalDate {
        let start = Self.calendar.date(from: DateComponents(year: year, month: month, day: day))!
        let end = Self.calendar.date(byAdding: component, value: count, to: start)!
        return LocalDate(end, in: Self.calendar.timeZone)
    }

    private static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()
}
