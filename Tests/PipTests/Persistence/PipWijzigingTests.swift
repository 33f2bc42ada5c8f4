import Foundation
import GRDB
import Models
@testable import Pip
import PipDomain
import ServiceKit
import TestSupport
import Testing

/// New versions of a fixed PIP: schakelen within 18 months (except onderwijs → B1),
/// afschalen from 600 lesuren; the term never moves. With an injected clock.
@Suite struct PipWijzigingTests {
    @Test func changesAreNewVersionsWithinTheLawsLimits() throws {
        let fixture = try PipFixture()
        let (database, store, clock) = (fixture.database, fixture.store, fixture.clock)
        let z = try fixture.fixedPip(route: .z)
        let onderwijs = try fixture.fixedPip(route: .onderwijs)
        func refusal(_ id: String, _ wijziging: PipWijziging) -> String? {
            do {
                _ = try database.write { db in try store.change(id, wijziging, by: "tok_1", in: db) }
                return nil
            } catch let refusal as DomainError {
                let problem = ProblemDetails(refusal)
                return problem.invalidParams?.first?.name
            } catch {
                return "\(error)"
            }
        }
        #expect(refusal(z, .init(soort: .afschalen, gevolgdeLesuren: 700, bewijs: "verklaring", reden: "x")) == "soort")
        #expect(refusal(z, .init(soort: .schakelen, leerroute: .b1, reden: "x")) == "uren")
        #expect(refusal(z, .init(soort: .schakelen, leerroute: .b1, reden: " ", uren: 600)) == "reden")
        #expect(refusal(z, .init(soort: .schakelen, leerroute: .b1, reden: "kan meer dan gedacht", uren: 600)) == nil)
        #expect(refusal(z, .init(soort: .afschalen, gevolgdeLesuren: 599, bewijs: "verklaring", reden: "x")) == "gevolgdeLesuren")
        #expect(refusal(z, .init(soort: .afschalen, gevolgdeLesuren: 600, reden: "x")) == "bewijs")
        #expect(refusal(z, .init(soort: .afschalen, gevolgdeLesuren: 600, bewijs: "verklaring NLtraining", reden: "ondanks inzet")) == nil)

        let changed = try #require(try database.read { try store.pip(z, in: $0) })
        #expect(changed.versie == 3)
        #expect(changed.termijnEinde == LocalDate(iso8601: "2030-01-01"), "the term never moves")
        #expect(try database.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM duo_melding WHERE pip_id = ?", arguments: [z]) } == 3)

        #expect(changed.versies.map(\.soort) == ["vaststelling", "schakelen", "afschalen"])
        #expect(changed.versies.last?.niveau == .a2 && changed.versies.last?.auteur == "tok_1")
        #expect(try fixture.events(PipGewijzigd.self).map(\.soort) == [.schakelen, .afschalen])

        // The term starts on 2027-01-02: switching is possible up to and including 2028-07-02.
        clock.advance(days: 548)  // 2028-07-02
        #expect(refusal(onderwijs, .init(soort: .schakelen, leerroute: .z, reden: "op de laatste dag", uren: nil)) == nil)
        clock.advance(days: 1)
        #expect(refusal(z, .init(soort: .schakelen, leerroute: .z, reden: "terug", uren: nil)) == "leerroute")
        #expect(refusal(onderwijs, .init(soort: .schakelen, leerroute: .onderwijs, reden: "terug", uren: nil)) == "leerroute")
        let third = try fixture.fixedPip(route: .onderwijs)
        clock.advance(days: 600)
        #expect(refusal(third, .init(soort: .schakelen, leerroute: .b1, reden: "liever werken", uren: 600)) == nil, "onderwijs → B1 at any time")
    }

    @Test func aMoveMakesAVersionOfTheNewMunicipalityWithTheRouteKept() throws {
        let fixture = try PipFixture()
        let (database, store, clock) = (fixture.database, fixture.store, fixture.clock)
        let id = try fixture.fixedPip(route: .z)
        let person = try #require(try database.read { try store.pip(id, in: $0)?.inburgeraarId })
        clock.advance(days: 40)
        let move = Verhuisd(inburgeraarId: person, vanGemeente: try GemeenteCode("GM0193"), naarGemeente: try GemeenteCode("GM0166"))
        try database.write { db in
            try store.move(move, in: db)
            try store.move(move, in: db)  // the event may come twice
        }
        let moved = try #require(try database.read { try store.pip(id, in: $0) })
        #expect(moved.gemeente == (try GemeenteCode("GM0166")))
        #expect(moved.versie == 2 && moved.versies.last?.soort == "verhuizing" && moved.versies.last?.leerroute == .z)
        #expect(moved.versies.last?.dagtekening == LocalDate(iso8601: "2027-02-10") && moved.termijnEinde == LocalDate(iso8601: "2030-01-01"))
        let signalGemeenten = try database.read { try String.fetchAll($0, sql: "SELECT DISTINCT gemeente FROM pip_signaal WHERE fired_at IS NULL") }
        #expect(signalGemeenten == ["GM0166"], "the deadlines now reach the new municipality")
        #expect(try database.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM duo_melding WHERE pip_id = ?", arguments: [id]) } == 2)
    }
}
