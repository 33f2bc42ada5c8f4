import Foundation
import GRDB
import Models
@testable import Pip
import PipDomain
import ServiceKit
import TestSupport

/// A PIP database in a temporary folder and a store on a manual clock, which starts at
/// 2027-01-01 00:00 UTC.
struct PipFixture {
    let directory: TemporaryDirectory
    let database: DatabasePool
    let clock = ManualClock(Date(timeIntervalSince1970: 1_798_761_600))
    let store: PipStore

    init() throws {
        directory = try TemporaryDirectory()
        database = try ServiceDatabase.open(path: directory.path + "/pip.sqlite", migrations: PipSchema.migrations)
        store = PipStore(outbox: Outbox(source: "/inburgering/test/pip"), jobs: JobQueue(clock: clock), policy: .init())
    }

    /// A PIP fixed today in `route` for an asielstatushouder without bijstand, in Zwolle;
    /// `before` runs just before fixing.
    func fixedPip(route: Leerroute, before: (InburgeraarID, Database) throws -> Void = { _, _ in }) throws -> String {
        let intake = IntakeAfgerond(
            inburgeraarId: InburgeraarID(), gemeente: try GemeenteCode("GM0193"), doelgroep: .asielstatushouder, afgerondOp: Date(),
            samenvatting: .init(opleidingsniveau: "vo", werkervaringJaren: 1, taalniveau: .a1, leerbaarheidsscore: 30, hoofddoel: .werk,
                                leeftijd: 24, huishoudenGrootte: 1))
        return try database.write { db in
            try store.openDraft(for: intake, in: db)
            let id = try String.fetchOne(db, sql: "SELECT id FROM pip WHERE inburgeraar_id = ?", arguments: [intake.inburgeraarId.description])!
            try store.choose(PipKeuze(leerroute: route, uren: 600, afwijkingsreden: route == .z ? nil : "keuze van de klantmanager", bijstand: false), for: id, in: db)
            try before(intake.inburgeraarId, db)
            _ = try store.fix(id, by: "tok_1", in: db)
            return id
        }
    }

    /// Sets the clock to noon (UTC) of `day`.
    func setDay(_ day: String) { clock.set(ISO8601DateFormatter().date(from: day + "T11:00:00Z")!) }

    /// The events of `type` in the outbox, oldest first.
    func events<Event: DomainEvent>(_ type: Event.Type) throws -> [Event] {
        try database.read { db in
            try String.fetchAll(db, sql: "SELECT envelope FROM outbox ORDER BY id").map { try EventEnvelope(json: Data($0.utf8)) }
                .compactMap { try $0.decode(as: type) }
        }
    }
}
