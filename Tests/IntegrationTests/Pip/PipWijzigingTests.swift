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
            try store.choose(PipKeuze(leerroute: route, uren: 600, afwijkingsreden: route == .z ? nil : "keuze van de klantmanager"), for: id, in: db)
            _ = try store.fix(id, in: db)
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

        clock.advance(days: 18 * 31)  // past 18 months of the term
        #expect(refusal(z, .init(soort: .schakelen, leerroute: .z, reden: "terug", uren: nil)) == "leerroute")
        #expect(refusal(onderwijs, .init(soort: .schakelen, leerroute: .b1, reden: "liever werken", uren: 600)) == nil, "onderwijs → B1 at any time")
    }
}
