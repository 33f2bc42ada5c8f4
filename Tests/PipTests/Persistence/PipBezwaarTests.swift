import Foundation
import GRDB
import Models
@testable import Pip
import PipDomain
import ServiceKit
import TestSupport
import Testing

/// A bezwaar against a version: one per version, flagged when received after six weeks; and
/// DUO's term shown beside ours. With an injected clock.
@Suite struct PipBezwaarTests {
    @Test(arguments: [(41, true), (42, true), (43, false)])
    func aBezwaarAfterSixWeeksIsRegisteredButFlagged(_ days: Int, _ tijdig: Bool) throws {
        let fixture = try PipFixture()
        let (database, store, clock) = (fixture.database, fixture.store, fixture.clock)
        let id = try fixture.fixedPip(route: .z)
        clock.advance(days: 60)
        let dagtekening = LocalDate(iso8601: "2027-01-01")!
        let pip = try database.write { db in
            try store.registerBezwaar(.init(versie: 1, ontvangenOp: dagtekening.adding(days: days), omschrijving: "Wil de B1-route."), against: id, by: "tok_2", in: db)
        }
        #expect(pip.bezwaren == [.init(versie: 1, ontvangenOp: dagtekening.adding(days: days), omschrijving: "Wil de B1-route.", tijdig: tijdig, auteur: "tok_2")])
        let event = try fixture.events(PipBezwaarIngediend.self).first
        #expect(event?.tijdig == tijdig && event?.versie == 1)
    }

    @Test func aBezwaarThatCannotBeIsRefusedWithItsReason() throws {
        let fixture = try PipFixture()
        let (database, store, clock) = (fixture.database, fixture.store, fixture.clock)
        let id = try fixture.fixedPip(route: .z)
        clock.advance(days: 10)
        func refusal(_ invoer: BezwaarInvoer) -> (Int, String?)? {
            do {
                _ = try database.write { db in try store.registerBezwaar(invoer, against: id, by: "tok_2", in: db) }
                return nil
            } catch let refusal as DomainError {
                let problem = ProblemDetails(refusal)
                return (problem.statusCode, problem.invalidParams?.first?.name)
            } catch {
                return (0, "\(error)")
            }
        }
        #expect(refusal(.init(omschrijving: " ")).map { "\($0.0) \($0.1 ?? "")" } == "400 omschrijving")
        #expect(refusal(.init(versie: 2, omschrijving: "x")).map { "\($0.0) \($0.1 ?? "")" } == "400 versie")
        #expect(refusal(.init(ontvangenOp: LocalDate(iso8601: "2026-12-31"), omschrijving: "x")).map { "\($0.0) \($0.1 ?? "")" } == "400 ontvangenOp")
        #expect(refusal(.init(ontvangenOp: LocalDate(iso8601: "2027-02-01"), omschrijving: "x")).map { "\($0.0) \($0.1 ?? "")" } == "400 ontvangenOp", "in the future")
        #expect(refusal(.init(omschrijving: "Niet eens met de Z-route.")) == nil)
        #expect(refusal(.init(omschrijving: "nog eens")).map(\.0) == 409, "one bezwaar per version")
        #expect(try database.read { try store.pip(id, in: $0)?.bezwaren.count } == 1)
    }

    @Test(arguments: [("2030-01-01", false), ("2030-06-30", true)])
    func duosTermIsShownAndADifferenceFlagged(_ duoLaatsteDag: String, _ wijktAf: Bool) throws {
        let fixture = try PipFixture()
        let (database, store) = (fixture.database, fixture.store)
        let id = try fixture.fixedPip(route: .z)
        let pip = try database.write { db in
            let person = try store.pip(id, in: db)!.inburgeraarId
            try store.recordDuoTerm(
                InburgeringstermijnGemeld(inburgeraarId: person, gemeente: try GemeenteCode("GM0193"), code: "SS103",
                                          startdatum: LocalDate(iso8601: "2027-01-02")!, laatsteDag: LocalDate(iso8601: duoLaatsteDag)!),
                in: db)
            return try store.pip(id, in: db)!
        }
        #expect(pip.duoTermijn == .init(code: "SS103", startdatum: LocalDate(iso8601: "2027-01-02")!, laatsteDag: LocalDate(iso8601: duoLaatsteDag)!, wijktAf: wijktAf))
    }
}
