import Foundation
import Models
import Testing

@Suite struct LocalDateTests {
    @Test func parsesAndPrintsISO8601() throws {
        let date = try #require(LocalDate(iso8601: "2026-11-24"))
        #expect(date.description == "2026-11-24")
        #expect(LocalDate(year: 2026, month: 1, day: 5)?.description == "2026-01-05")
    }

    @Test(arguments: ["2026-02-30", "2026-13-01", "2026-1-01", "26-01-01", "2026/01/01", "", "2026-01-01T00:00:00Z"])
    func refusesWhatIsNotADay(_ text: String) {
        #expect(LocalDate(iso8601: text) == nil)
    }

    @Test func addsCalendarUnitsTheWayDeadlinesCount() throws {
        let start = try #require(LocalDate(iso8601: "2026-01-31"))
        #expect(start.adding(days: 70).description == "2026-04-11")
        #expect(start.adding(months: 1).description == "2026-02-28")
        let leap = try #require(LocalDate(iso8601: "2028-02-29"))
        #expect(leap.adding(years: 3).description == "2031-02-28")
        #expect(start.adding(days: -31).description == "2025-12-31")
    }

    @Test(arguments: [
        ("2027-01-15", 6, "2027-07-14"), ("2027-01-31", 1, "2027-02-28"), ("2027-08-31", 6, "2028-02-29"),
        ("2028-02-29", 36, "2031-02-28"), ("2027-03-01", 36, "2030-02-28"),
    ])
    func aPeriodOfMonthsEndsTheDayBeforeTheSameDateOrAtTheMonthsEnd(_ start: String, _ months: Int, _ last: String) throws {
        #expect(try #require(LocalDate(iso8601: start)).lastDay(ofMonths: months).description == last)
    }

    @Test func takesTheDutchDayOfAnInstant() throws {
        let lateEvening = try #require(ISO8601DateFormatter().date(from: "2026-06-30T22:30:00Z"))
        #expect(LocalDate(lateEvening).description == "2026-07-01")
    }

    @Test func ordersByDay() throws {
        #expect(try #require(LocalDate(iso8601: "2026-01-31")) < #require(LocalDate(iso8601: "2026-02-01")))
    }

    @Test func countsDaysBetweenDates() throws {
        let start = try #require(LocalDate(iso8601: "2027-02-27"))
        #expect(start.days(until: try #require(LocalDate(iso8601: "2027-03-01"))) == 2)
        #expect(start.days(until: start.adding(years: 1)) == 365)
        #expect(start.adding(days: 10).days(until: start) == -10)
    }
}
