import Foundation
import GRDB
import Models
@testable import Pip
import ServiceKit
import Synchronization
import Testing

/// New versions of a fixed PIP: schakelen within 18 months (except onderwijs → B1),
/// afschalen from 600 lesuren; the term never moves. With an injected clock.
@Suite struct PipWijzigingTests {
    final class Clock: Sendable {
        let now = Mutex(Date(timeIntervalSince1970: 1_798_761_600))  // 2027-01-01
        func advance(days: Int) { now.withLock { $0 = $0.addingTimeInterval(Double(days) * 86_400) } }
    }

    func fixedPip(route: Leerroute, store: PipStore, database: DatabasePool) throws -> String {
        let intake = IntakeAfgerond(
            inburgeraarId: InburgeraarID(), gemeente: try GemeenteCode("GM0193"), doelgroep: .asielstatushouder, afgerondOp: Date(),
            samenvatting: .init(opleidingsniveau: "vo", werkervaringJaren: 1, taalniveau: .a1, leerbaarheidsscore: 30, hoofddoel: .werk,
                                leeftijd: 24, huishoudenGrootte: 1))
        return try database.write { db in
            try store.openDraft(for: intake, in: db)
            let id = try String.fetchOne(db, sql: "SELECT id FROM pip WHERE inburgeraar_id = ?", arguments: [intake.inburgeraarId.description])!
            try store.choose(PipKeuze(leerroute: route, uren: 600, afwijkingsreden: route == .z ? nil : "keuze van de klantmanager", bijstand: false), for: id, in: db)
            _ = try store.fix(id, by: "tok_1", in: db)
            return id
        }
    }

    @Test func changesAreNewVersionsWithinTheLawsLimits() throws {
        let directory = try TemporaryDirectory()
        let database = try ServiceDatabase.open(path: directory.path + "/pip.sqlite", migrations: PipSchema.migrations)
        let clock = Clock()
        let store = PipStore(outbox: Outbox(source: "/x"), policy: .init(), now: { clock.now.withLock { $0 } })
        let z = try fixedPip(route: .z, store: store, database: database)
        let onderwijs = try fixedPip(route: .onderwijs, store: store, database: database)
        func refusal(_ id: String, _ wijziging: PipWijziging) -> String? {
            do {
                _ = try database.write { db in try store.change(id, wijziging, by: "tok_1", in: db) }
                return nil
            } catch let problem as ProblemDetails {
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
        let kinds = try database.read { db in
            try String.fetchAll(db, sql: "SELECT envelope FROM outbox ORDER BY id").map { try EventEnvelope(json: Data($0.utf8)) }
                .filter { $0.type == PipGewijzigd.eventType.rawValue }.compactMap { try $0.decode(as: PipGewijzigd.self)?.soort }
        }
        #expect(kinds == [.schakelen, .afschalen])

        // The term starts on 2027-01-02: switching is possible up to and including 2028-07-02.
        clock.advance(days: 548)  // 2028-07-02
        #expect(refusal(onderwijs, .init(soort: .schakelen, leerroute: .z, reden: "op de laatste dag", uren: nil)) == nil)
        clock.advance(days: 1)
        #expect(refusal(z, .init(soort: .schakelen, leerroute: .z, reden: "terug", uren: nil)) == "leerroute")
        #expect(refusal(onderwijs, .init(soort: .schakelen, leerroute: .onderwijs, reden: "terug", uren: nil)) == "leerroute")
        let third = try fixedPip(route: .onderwijs, store: store, database: database)
        clock.advance(days: 600)
        #expect(refusal(third, .init(soort: .schakelen, leerroute: .b1, reden: "liever werken", uren: 600)) == nil, "onderwijs → B1 at any time")
    }

    @Test func aMoveMakesAVersionOfTheNewMunicipalityWithTheRouteKept() throws {
        let directory = try TemporaryDirectory()
        let database = try ServiceDatabase.open(path: directory.path + "/pip.sqlite", migrations: PipSchema.migrations)
        let clock = Clock()
        let store = PipStore(outbox: Outbox(source: "/x"), policy: .init(), now: { clock.now.withLock { $0 } })
        let id = try fixedPip(route: .z, store: store, database: database)
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
