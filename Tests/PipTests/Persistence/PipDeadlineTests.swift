import Foundation
import GRDB
import Models
@testable import Pip
import PipDomain
import ServiceKit
import TestSupport
import Testing

/// The deadline engine: what is signalled when, table-driven at the boundaries; and the
/// persistent schedule, which sends each signal once, across a reopened database.
@Suite struct PipDeadlineTests {
    @Test(arguments: [
        (PipDeadlineSoort.pip, "2027-03-11", [("P14D", "2027-02-25"), ("verstreken", "2027-03-12")]),
        (.voortgangsgesprek, "2027-04-01", [("P14D", "2027-03-18"), ("verstreken", "2027-04-02")]),
        (.ontzorgen, "2027-06-14", [("P1M", "2027-05-14"), ("verstreken", "2027-06-15")]),
        (.schakelvenster, "2028-07-02", [("P1M", "2028-06-02"), ("verstreken", "2028-07-03")]),
        (.termijn, "2030-01-01", [("P6M", "2029-07-01"), ("P3M", "2029-10-01"), ("verstreken", "2030-01-02")]),
    ])
    func eachKindOfDeadlineIsSignalledBeforeAndAfter(_ soort: PipDeadlineSoort, _ deadline: String, _ expected: [(String, String)]) {
        let signalen = PipSchedule.signalen(soort, deadline: LocalDate(iso8601: deadline)!)
        #expect(signalen.map(\.moment) == expected.map(\.0))
        #expect(signalen.map(\.fireOn.description) == expected.map(\.1))
    }

    @Test(arguments: [
        ("2027-01-01", 3, "2030-01-01", 12, "2027-04-01", "2030-01-01"),
        ("2027-01-31", 3, "2030-01-31", 12, "2027-04-30", "2030-01-31"),
        ("2027-01-01", 6, "2030-01-01", 6, "2027-07-01", "2030-01-01"),
        ("2027-01-01", 12, "2029-12-31", 2, "2028-01-01", "2029-01-01"),
    ])
    func voortgangsgesprekkenFollowThePolicyWithinTheTerm(_ dagtekening: String, _ maanden: Int, _ einde: String, _ count: Int, _ first: String, _ last: String) {
        let dates = PipSchedule.voortgangsgesprekken(dagtekening: LocalDate(iso8601: dagtekening)!, termijnEinde: LocalDate(iso8601: einde)!, maanden: maanden)
        #expect(dates.count == count)
        #expect(dates.first?.description == first && dates.last?.description == last)
    }

    @Test(arguments: [(6, "2027-01-15", "2027-07-14"), (12, "2027-01-31", "2028-01-30"), (6, "2027-08-31", "2028-02-29")])
    func ontzorgenEndsTheDayBeforeItsMonthsAreUp(_ maanden: Int, _ start: String, _ last: String) {
        #expect(Ontzorgen(startdatum: LocalDate(iso8601: start)!, maanden: maanden, betalingen: [.huur]).laatsteDag.description == last)
    }

    /// The fixed PIP's deadlines are scheduled, sent on their day and not again, the PIP
    /// deadline is dropped once fixed, and a lead-time signal for a passed deadline is skipped.
    @Test func theScheduleSendsEachSignalOnceAndSurvivesAReopen() throws {
        let fixture = try PipFixture()
        let (store, clock) = (fixture.store, fixture.clock)
        let path = fixture.directory.path + "/pip.sqlite"
        let zwolle = try GemeenteCode("GM0193")
        let person = InburgeraarID()
        var database = fixture.database
        func sent(_ db: DatabasePool) throws -> [String] {
            try db.read { db in
                try String.fetchAll(db, sql: "SELECT envelope FROM outbox ORDER BY id").map { try EventEnvelope(json: Data($0.utf8)) }.compactMap { envelope in
                    if let nadert = try envelope.decode(as: PipDeadlineNadert.self) { return "nadert \(nadert.soort.rawValue) \(nadert.deadline) \(nadert.vooraf)" }
                    if let verstreken = try envelope.decode(as: PipDeadlineVerstreken.self) { return "verstreken \(verstreken.soort.rawValue) \(verstreken.deadline)" }
                    return nil
                }
            }
        }
        // The PIP deadline: the provisional one, then DUO's.
        try database.write { db in
            try store.recordDeadline(LocalDate(iso8601: "2027-01-20")!, for: person, gemeente: zwolle, from: "koppeling", in: db)
            try store.recordDeadline(LocalDate(iso8601: "2027-02-10")!, for: person, gemeente: zwolle, from: "duo", in: db)
            try store.fireDueSignals(in: db)
        }
        #expect(try sent(database).isEmpty)
        fixture.setDay("2027-01-27")
        _ = try database.write { db in try store.fireDueSignals(in: db) }
        #expect(try sent(database) == ["nadert pip 2027-02-10 P14D"])

        // Reopened: nothing is sent again.
        database = try ServiceDatabase.open(path: path, migrations: PipSchema.migrations)
        _ = try database.write { db in try store.fireDueSignals(in: db) }
        #expect(try sent(database).count == 1)

        // Fixed on 2027-02-11, a day late: the PIP's deadline is not signalled any more.
        fixture.setDay("2027-02-11")
        let id = try database.write { db in
            try store.openDraft(for: IntakeAfgerond(
                inburgeraarId: person, gemeente: zwolle, doelgroep: .gezinsmigrant, afgerondOp: Date(),
                samenvatting: .init(opleidingsniveau: "mbo", werkervaringJaren: 2, taalniveau: .a2, leerbaarheidsscore: 80, hoofddoel: .werk,
                                    leeftijd: 35, huishoudenGrootte: 2)), in: db)
            let id = try String.fetchOne(db, sql: "SELECT id FROM pip")!
            try store.choose(PipKeuze(uren: 700, ontzorgen: .init(startdatum: LocalDate(iso8601: "2026-12-15")!, maanden: 6, betalingen: [.huur])), for: id, in: db)
            let fixed = try store.fix(id, by: "tok_1", in: db)
            #expect(fixed.teLaat)
            #expect(fixed.volgendeDeadline == .init(soort: .voortgangsgesprek, datum: LocalDate(iso8601: "2027-05-11")!))
            try store.fireDueSignals(in: db)
            return id
        }
        #expect(try sent(database).count == 1, "no verstreken for a PIP deadline once the PIP is fixed")

        // Months later, in one go (the service was down): a lead time already passed is
        // skipped, the passed deadlines are each signalled once.
        fixture.setDay("2027-07-20")
        _ = try database.write { db in try store.fireDueSignals(in: db) }
        #expect(try sent(database) == [
            "nadert pip 2027-02-10 P14D",
            "verstreken voortgangsgesprek 2027-05-11",
            "verstreken ontzorgen 2027-06-14",
        ])
        _ = try database.write { db in try store.fireDueSignals(in: db) }
        #expect(try sent(database).count == 3)
        #expect(try database.read { try store.pip(id, in: $0)?.volgendeDeadline } == .init(soort: .voortgangsgesprek, datum: LocalDate(iso8601: "2027-08-11")!))

        // The term: six and three months before, and after.
        for day in ["2029-08-11", "2029-11-11", "2030-02-12"] {
            fixture.setDay(day)
            _ = try database.write { db in try store.fireDueSignals(in: db) }
        }
        let term = try sent(database).filter { $0.contains("termijn") }
        #expect(term == ["nadert termijn 2030-02-11 P6M", "nadert termijn 2030-02-11 P3M", "verstreken termijn 2030-02-11"])
        #expect(try database.read { try store.pip(id, in: $0)?.volgendeDeadline } == nil)
    }

    /// A withdrawn koppeling or a corrected file stops the signals.
    @Test func aClosedFileIsNotSignalled() throws {
        let fixture = try PipFixture()
        let (database, store, clock) = (fixture.database, fixture.store, fixture.clock)
        let person = InburgeraarID()
        try database.write { db in
            try store.recordDeadline(LocalDate(iso8601: "2027-01-20")!, for: person, gemeente: try GemeenteCode("GM0193"), from: "koppeling", in: db)
            try store.closeFile(of: person, in: db)
        }
        fixture.setDay("2027-03-01")
        #expect(try database.write { db in try store.fireDueSignals(in: db) } == 0)
    }
}
