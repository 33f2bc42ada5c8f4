import Foundation
import IntakeDomain
import Models
import Testing

/// The intake's rules at and around their boundaries.
@Suite struct IntakeRulesTests {
    @Test(arguments: [
        (1, false, NoShowGeregistreerd.Gevolg.waarschuwing), (2, false, .boeteSignaal), (3, false, .boeteSignaal),
        (1, true, .waarschuwing), (2, true, .waarschuwing),
    ])
    func noShows(_ count: Int, _ cameBefore: Bool, _ gevolg: NoShowGeregistreerd.Gevolg) {
        #expect(NoShowRule.gevolg(aantalNoShows: count, verschenenEerder: cameBefore) == gevolg)
    }

    @Test(arguments: [
        ("2026-11-25T10:15:00Z", 1_795_601_700.0), ("2026-11-25T10:15:00.5Z", 1_795_601_700.5),
        ("2026-11-25T10:15:00.123456Z", 1_795_601_700.123456), ("2026-11-25T11:15:00+01:00", 1_795_601_700.0),
    ])
    func duoDateTimes(_ text: String, _ seconds: Double) throws {
        let date = try #require(DuoNotificatie.dateTime(text))
        #expect(abs(date.timeIntervalSince1970 - seconds) < 0.000_01)
    }

    @Test(arguments: [
        ("2026-11-20", "2027-01-29"), ("2026-12-31", "2027-03-11"), ("2027-12-25", "2028-03-04"), ("2028-02-29", "2028-05-09"),
    ])
    func thePipDeadlineIsTenWeeksOn(_ koppeldatum: String, _ deadline: String) {
        #expect(PipDeadline.deadline(from: LocalDate(iso8601: koppeldatum)!) == LocalDate(iso8601: deadline)!)
    }

    @Test(arguments: [("1990-11-26", 36), ("1990-11-27", 35), ("1990-11-25", 36), ("2008-02-29", 18)])
    func ageInWholeYearsOn20261126(_ born: String, _ age: Int) {
        #expect(BredeIntakeAfronding.age(born: LocalDate(iso8601: born)!, on: LocalDate(iso8601: "2026-11-26")!) == age)
    }

    @Test func aPartNeedsItsFields() {
        let today = LocalDate(iso8601: "2026-11-26")!
        #expect(BredeIntakeInvoer(niveau: "mbo").problem(for: .opleiding, today: today) == nil)
        #expect(BredeIntakeInvoer(niveau: "B3").problem(for: .taalniveau, today: today)?.name == "niveau")
        #expect(BredeIntakeInvoer(jaren: 61).problem(for: .werkervaring, today: today)?.name == "jaren")
        #expect(BredeIntakeInvoer(score: 5).problem(for: .motivatie, today: today) == nil)
        #expect(BredeIntakeInvoer(score: 6).problem(for: .motivatie, today: today)?.name == "score")
        #expect(BredeIntakeInvoer(score: 40, datum: today.adding(days: 1)).problem(for: .leerbaarheidstoets, today: today)?.name == "datum")
        #expect(BredeIntakeInvoer(toelichting: " ").problem(for: .gezondheid, today: today)?.name == "toelichting")
        #expect(BredeIntakeInvoer().problem(for: .hoofddoel, today: today)?.name == "doel")
    }
}
