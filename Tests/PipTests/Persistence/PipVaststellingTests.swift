import Foundation
import GRDB
import Models
@testable import Pip
import PipDomain
import ServiceKit
import TestSupport
import Testing

/// Fixing a PIP: DUO's rules and the chain's checked before, the term and the late flag after,
/// with an injected clock.
@Suite struct PipVaststellingTests {
    @Test(arguments: [("2026-12-01", "2029-12-01"), ("2026-12-31", "2029-12-31"), ("2027-02-28", "2030-02-28"), ("2028-02-28", "2031-02-28")])
    func theTermRunsThreeYearsFromTheDayAfter(_ dagtekening: String, _ lastDay: String) {
        #expect(PipTermijn.lastDay(dagtekening: LocalDate(iso8601: dagtekening)!) == LocalDate(iso8601: lastDay)!)
        #expect(PipTermijn.start(dagtekening: LocalDate(iso8601: dagtekening)!) == LocalDate(iso8601: dagtekening)!.adding(days: 1))
    }

    @Test func aDraftIsFixedOnlyWhenDuoWouldTakeItAndADeviationHasAReason() throws {
        let directory = try TemporaryDirectory()
        let database = try ServiceDatabase.open(path: directory.path + "/pip.sqlite", migrations: PipSchema.migrations)
        let clock = ManualClock(Date(timeIntervalSince1970: 1_798_761_600))  // 2027-01-01
        let store = PipStore(outbox: Outbox(source: "/inburgering/test/pip"), jobs: JobQueue(clock: clock), policy: .init())
        let person = InburgeraarID()
        let intake = IntakeAfgerond(
            inburgeraarId: person, gemeente: try GemeenteCode("GM0193"), doelgroep: .asielstatushouder, afgerondOp: Date(),
            samenvatting: .init(opleidingsniveau: "basis", werkervaringJaren: 1, taalniveau: .a0, leerbaarheidsscore: 30, hoofddoel: .participatie,
                                leeftijd: 40, huishoudenGrootte: 1))
        let id = try database.write { db in
            try store.openDraft(for: intake, in: db)
            try store.recordDeadline(LocalDate(iso8601: "2026-12-20")!, for: person, gemeente: try GemeenteCode("GM0193"), from: "koppeling", in: db)
            return try String.fetchOne(db, sql: "SELECT id FROM pip")!
        }
        func refusal(_ keuze: PipKeuze) throws -> [String] {
            do {
                try database.write { db in
                    try store.choose(keuze, for: id, in: db)
                    _ = try store.fix(id, by: "tok_1", in: db)
                }
                return []
            } catch let refusal as DomainError {
                let problem = ProblemDetails(refusal)
                #expect(problem.statusCode == 409)
                return problem.invalidParams?.map(\.name) ?? []
            }
        }
        #expect(try database.read { try store.pip(id, in: $0)?.advies.route } == .z)
        #expect(try refusal(PipKeuze(leerroute: .b1, uren: 600, bijstand: false)) == ["afwijkingsreden"])
        #expect(try refusal(PipKeuze(leerroute: .b1, afwijkingsreden: "wil werken", bijstand: false)) == ["uren"])
        #expect(try refusal(PipKeuze(niveau: .b1, bijstand: false)) == ["niveau"], "DUO: no B1 with the Z-route")
        #expect(try refusal(PipKeuze(leerroute: .b1, niveau: .a2, uren: 600, afwijkingsreden: "x", bijstand: false)) == ["niveau"], "DUO: no first PIP at A2 in B1")
        #expect(try refusal(PipKeuze(leerroute: .onderwijs, niveau: .a2, afwijkingsreden: "x", bijstand: false)) == ["niveau"], "DUO: no A2 with onderwijs")
        #expect(try refusal(PipKeuze()) == ["bijstand"], "an asielstatushouder's plan says whether ontzorgen applies")
        #expect(try refusal(PipKeuze(bijstand: true)) == ["ontzorgen"])
        let start = LocalDate(iso8601: "2026-12-15")!
        #expect(try refusal(PipKeuze(bijstand: true, ontzorgen: .init(startdatum: start, maanden: 5, betalingen: [.huur]))) == ["ontzorgen.maanden"])
        #expect(try refusal(PipKeuze(bijstand: true, ontzorgen: .init(startdatum: start, maanden: 6, betalingen: []))) == ["ontzorgen.betalingen"])
        #expect(try refusal(PipKeuze(voorwaarden: [""], bijstand: false)) == ["voorwaarden"])
        #expect(try refusal(PipKeuze(begeleiding: String(repeating: "x", count: 2001), bijstand: false)) == ["begeleiding"])

        let keuze = PipKeuze(
            voorwaarden: ["Kinderopvang voor de jongste is geregeld."], begeleiding: "Maandelijks gesprek met de klantmanager.", bijstand: true,
            ontzorgen: .init(startdatum: start, maanden: 6, betalingen: [.huur, .zorgverzekering]))
        let fixed = try database.write { db in
            try store.choose(keuze, for: id, in: db)
            return try store.fix(id, by: "tok_1", in: db)
        }
        #expect(fixed.status == "vastgesteld" && fixed.versie == 1)
        #expect(fixed.dagtekening == LocalDate(iso8601: "2027-01-01"))
        #expect(fixed.termijnEinde == LocalDate(iso8601: "2030-01-01"))
        #expect(fixed.teLaat, "fixed after the deadline of 2026-12-20: allowed, but flagged")
        #expect(throws: DomainError.self) { try database.write { db in _ = try store.fix(id, by: "tok_1", in: db) } }
        #expect(fixed.inhoud.urenTaal == 800 && fixed.inhoud.urenParticipatie == 800)
        #expect(fixed.inhoud.onderdelen == [.pvt, .map])
        #expect(fixed.inhoud.ontzorgenTotEnMet == LocalDate(iso8601: "2027-06-14"), "six months from the start of assistance")
        #expect(fixed.inhoud.voortgangsgesprekken.first == LocalDate(iso8601: "2027-04-01") && fixed.inhoud.voortgangsgesprekken.count == 12)
        #expect(fixed.versies.map(\.soort) == ["vaststelling"] && fixed.versies.first?.auteur == "tok_1")
        let letter = PipLetter.html(fixed, versie: fixed.versies.last)
        #expect(letter.contains("Beschikking") && !letter.contains("CONCEPT"))
        #expect(letter.contains("zelfredzaamheidsroute (Z-route)") && letter.contains("1600 uur (800 uur taal en 800 uur participatie)"))
        #expect(letter.contains("Kinderopvang voor de jongste") && letter.contains("Maandelijks gesprek"))
        #expect(letter.contains("tot en met 2027-06-14 (6 maanden)") && letter.contains("huur, zorgverzekering"))
        #expect(letter.contains("Elke 3 maanden") && letter.contains("2027-04-01"))
        #expect(letter.contains("tot en met 2030-01-01") && letter.contains("bezwaar maken"))
        #expect(letter.contains("Module Arbeidsmarkt en Participatie") && !letter.contains("Kennis van de Nederlandse Maatschappij"))
        let events = try database.read { try String.fetchAll($0, sql: "SELECT envelope FROM outbox ORDER BY id") }
        let vastgesteld = try #require(try events.map { try EventEnvelope(json: Data($0.utf8)) }.first { $0.type == "nl.inburgering.pip.vastgesteld.v1" })
        let event = try #require(try vastgesteld.decode(as: PipVastgesteld.self))
        #expect(event.leerroute == .z && event.uren == 1600 && event.onderdelen == [.pvt, .map] && event.termijnEinddatum == fixed.termijnEinde)
    }

    /// Fixing on the deadline is in time; a day later is allowed, flagged and reported.
    @Test(arguments: [("2027-01-01", false), ("2026-12-31", true), ("2027-03-12", false)])
    func fixingAfterTheDeadlineIsFlaggedAndReported(_ deadline: String, _ late: Bool) throws {
        let fixture = try PipFixture()  // today is 2027-01-01
        let id = try fixture.fixedPip(route: .z) { person, db in
            try fixture.store.recordDeadline(LocalDate(iso8601: deadline)!, for: person, gemeente: try GemeenteCode("GM0193"), from: "duo", in: db)
        }
        #expect(try fixture.database.read { try fixture.store.pip(id, in: $0)?.teLaat } == late)
        #expect(try fixture.events(PipVastgesteld.self).map(\.teLaat) == [late])
    }

    @Test func aDraftLetterIsMarkedAndEscapesWhatPeopleTyped() throws {
        let directory = try TemporaryDirectory()
        let database = try ServiceDatabase.open(path: directory.path + "/pip.sqlite", migrations: PipSchema.migrations)
        let store = PipStore(outbox: Outbox(source: "/x"), jobs: JobQueue(clock: SystemClock()), policy: .init())
        let intake = IntakeAfgerond(
            inburgeraarId: InburgeraarID(), gemeente: try GemeenteCode("GM0193"), doelgroep: .asielstatushouder, afgerondOp: Date(),
            samenvatting: .init(opleidingsniveau: "mbo", werkervaringJaren: 1, taalniveau: .a1, leerbaarheidsscore: 70, hoofddoel: .werk,
                                leeftijd: 30, huishoudenGrootte: 1))
        let pip = try database.write { db in
            try store.openDraft(for: intake, in: db)
            let id = try String.fetchOne(db, sql: "SELECT id FROM pip")!
            try store.choose(PipKeuze(leerroute: .z, afwijkingsreden: "<script>alert(1)</script>", voorwaarden: ["<b>opvang</b>"]), for: id, in: db)
            return try store.pip(id, in: db)!
        }
        let letter = PipLetter.html(pip, versie: nil)
        #expect(letter.contains("CONCEPT"))
        #expect(!letter.contains("<script>") && letter.contains("&lt;script&gt;") && letter.contains("&lt;b&gt;opvang"))
        #expect(letter.contains("Het advies was de B1-route"))
        #expect(letter.contains("ten minste de eerste zes maanden"), "bijstand not yet known: the general ontzorgen clause")
    }

    @Test func duosDeadlineWinsOverAProvisionalOne() throws {
        let directory = try TemporaryDirectory()
        let database = try ServiceDatabase.open(path: directory.path + "/pip.sqlite", migrations: PipSchema.migrations)
        let store = PipStore(outbox: Outbox(source: "/x"), jobs: JobQueue(clock: SystemClock()), policy: .init())
        let person = InburgeraarID()
        try database.write { db in
            let zwolle = try GemeenteCode("GM0193")
            try store.recordDeadline(LocalDate(iso8601: "2027-01-10")!, for: person, gemeente: zwolle, from: "koppeling", in: db)
            try store.recordDeadline(LocalDate(iso8601: "2027-02-01")!, for: person, gemeente: zwolle, from: "duo", in: db)
            try store.recordDeadline(LocalDate(iso8601: "2027-01-15")!, for: person, gemeente: zwolle, from: "koppeling", in: db)
        }
        #expect(try database.read { try String.fetchOne($0, sql: "SELECT deadline FROM pip_deadline") } == "2027-02-01")
        let scheduled = try database.read { try String.fetchAll($0, sql: "SELECT DISTINCT deadline FROM pip_signaal WHERE soort = 'pip'") }
        #expect(scheduled == ["2027-02-01"], "only the deadline that holds is signalled")
    }
}

/// A database from before versions were kept for version 1 gets that version from the draft.
@Suite struct PipMigrationTests {
    @Test func aPipFixedBeforeTheVersionsTableGetsItsFirstVersion() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path + "/pip.sqlite"
        let old = try ServiceDatabase.open(path: path, migrations: Array(PipSchema.migrations.prefix(4)))
        try old.write { db in
            for (id, keuze, advies) in [("pip-a", #"{"leerroute":"onderwijs","afwijkingsreden":"wil studeren"}"#, "b1"), ("pip-b", nil, "z")] {
                try db.execute(
                    sql: """
                        INSERT INTO pip (id, inburgeraar_id, gemeente, doelgroep, status, advies, samenvatting, intake_afgerond_op, created_at,
                                         keuze, versie, dagtekening, termijn_einde)
                        VALUES (?, ?, 'GM0193', 'asielstatushouder', 'vastgesteld', ?, '{}', ?, ?, ?, 1, '2026-12-01', '2029-12-01')
                        """,
                    arguments: [id, UUID().uuidString, #"{"route":"\#(advies)","redenen":[]}"#, Date(), Date(), keuze])
            }
        }
        let migrated = try ServiceDatabase.open(path: path, migrations: PipSchema.migrations)
        let rows = try migrated.read { try Row.fetchAll($0, sql: "SELECT pip_id, leerroute, niveau, uren, soort, reden FROM pip_versie ORDER BY pip_id") }
        #expect(rows.map { "\($0["pip_id"] as String) \($0["leerroute"] as String) \($0["niveau"] as String) \($0["uren"] as Int) \($0["soort"] as String) \($0["reden"] as String)" } == [
            "pip-a onderwijs B1 1500 vaststelling wil studeren",
            "pip-b z A2 1600 vaststelling ",
        ])
    }
}
