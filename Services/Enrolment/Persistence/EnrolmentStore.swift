import EnrolmentDomain
import Foundation
import GRDB
import Models
import ServiceKit

/// Enrolment's placements and its copy of the contract register. Every change is made in the
/// caller's transaction, with its events through the outbox and a step in the placement's
/// history; the placement rules (``PlaatsingsRegel``) decide, the store carries out.
struct EnrolmentStore: Sendable {
    let outbox: Outbox
    /// Where the aanmelding webhooks to providers are recorded, as durable jobs.
    let jobs: JobQueue
    var clock: any ServiceClock { jobs.clock }
    /// What seals and keys the BSNs.
    let kluis: BsnKluis
    /// The Inburgeringsaanbod meldingen to DUO.
    var duo: DuoAanbodMeldingen { DuoAanbodMeldingen(kluis: kluis) }

    /// The webhook type a provider gets for a new aanmelding (docs/enrolment.md).
    static let aanmeldingWebhook = "enrolment.aanmelding.aangemaakt"

    var today: LocalDate { LocalDate(clock.now()) }

    // MARK: The register, as contract-monitor announces it

    /// Keeps `inhoud` as the entry's content when `versie` is newer than the one held.
    func recordRegister<T: Encodable>(_ soort: String, id: String, versie: Int, inhoud: T, in db: Database) throws {
        try db.execute(
            sql: """
                INSERT INTO register_entry (soort, id, versie, inhoud) VALUES (?, ?, ?, ?)
                ON CONFLICT (soort, id) DO UPDATE SET versie = excluded.versie, inhoud = excluded.inhoud WHERE excluded.versie > register_entry.versie
                """,
            arguments: [soort, id, versie, try ChainJSON.string(inhoud)])
    }

    /// The register as enrolment knows it.
    func register(in db: Database) throws -> Register {
        func entries<T: Decodable>(_ soort: String) throws -> [T] {
            try String.fetchAll(db, sql: "SELECT inhoud FROM register_entry WHERE soort = ? ORDER BY id", arguments: [soort])
                .map { try ChainJSON.decoder().decode(T.self, from: Data($0.utf8)) }
        }
        return Register(aanbieders: try entries("aanbieder"), percelen: try entries("perceel"), contracten: try entries("contract"))
    }

    // MARK: Placing

    /// A fixed PIP asks for a seat: a placement is opened and decided, unless the person has
    /// one for this PIP already (the event may come twice).
    func vraag(_ vraag: Plaatsingsvraag, in db: Database) throws {
        if let lopend = try lopende(of: vraag.inburgeraarId, in: db) {
            guard lopend.leerroute != vraag.leerroute else { return }
            try beeindig(lopend, status: .overgeplaatst, reden: "de route wijzigde naar de \(vraag.leerroute.rawValue)-route", auteur: "pip", in: db)
        }
        try plaats(try open(vraag, in: db), in: db)
    }

    /// A new placement for `vraag`, not yet decided; returns its id.
    func open(_ vraag: Plaatsingsvraag, in db: Database) throws -> String {
        let id = "plt-" + UUID().uuidString.lowercased()
        try db.execute(
            sql: """
                INSERT INTO plaatsing (id, inburgeraar_id, pip_id, gemeente, vraag, status, reden, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, 'wachtlijst', 'nog niet beslist', ?, ?)
                """,
            arguments: [id, vraag.inburgeraarId.description, vraag.pipId, vraag.gemeente.rawValue, try ChainJSON.string(vraag), clock.now(), clock.now()])
        return id
    }

    /// Decides the placement `id` by the rules (or the klantmanager's `keuze`, by `auteur`)
    /// and records the aanmelding or the place on the waiting list.
    func plaats(_ id: String, keuze: Aanbiederkeuze? = nil, auteur: String = "regels", in db: Database) throws {
        guard let plaatsing = try plaatsing(id, in: db) else { throw DomainError.notFound("no placement with this id") }
        let uitgesloten = Set(try String.fetchAll(db, sql: "SELECT aanbieder_id FROM plaatsing_weigering WHERE plaatsing_id = ?", arguments: [id]))
        let besluit = try PlaatsingsRegel.besluit(
            plaatsing.vraag, register: try register(in: db), bezet: try bezet(except: id, in: db), vandaag: today, keuze: keuze, uitgesloten: uitgesloten)
        switch besluit {
        case .aanmelden(let aanmelding):
            try db.execute(
                sql: """
                    UPDATE plaatsing SET status = 'aangemeld', perceel_id = ?, contract_id = ?, aanbieder_id = ?, instroommoment = ?, startdatum = NULL,
                    reden = ?, updated_at = ? WHERE id = ?
                    """,
                arguments: [
                    aanmelding.perceelId, aanmelding.contractId, aanmelding.aanbiederId, aanmelding.instroommoment.description, aanmelding.reden, clock.now(), id,
                ])
            let nr = try stap(id, .aangemeld, aanbiederId: aanmelding.aanbiederId, reden: aanmelding.reden, auteur: auteur, in: db)
            try OutgoingWebhook.enqueue(
                to: aanmelding.aanbiederId, type: Self.aanmeldingWebhook,
                data: AanmeldingBericht(
                    plaatsingId: id, leerroute: plaatsing.leerroute, perceelId: aanmelding.perceelId, contractId: aanmelding.contractId,
                    instroommoment: aanmelding.instroommoment),
                key: "\(id)/\(nr)", jobs: jobs, in: db)
            try outbox.add(
                AanbiederAangemeld(
                    plaatsingId: id, inburgeraarId: plaatsing.inburgeraarId, gemeente: plaatsing.gemeente, aanbiederId: aanmelding.aanbiederId,
                    perceelId: aanmelding.perceelId, contractId: aanmelding.contractId, leerroute: plaatsing.leerroute,
                    instroommoment: aanmelding.instroommoment, dagtekeningPip: plaatsing.dagtekeningPip, keuzeKlantmanager: keuze != nil),
                in: db, time: clock.now())
        case .wachtlijst(let perceelId, let reden):
            let wasWaiting = plaatsing.status == .wachtlijst && plaatsing.reden == reden
            try db.execute(
                sql: """
                    UPDATE plaatsing SET status = 'wachtlijst', perceel_id = ?, contract_id = NULL, aanbieder_id = NULL, instroommoment = NULL,
                    startdatum = NULL, reden = ?, updated_at = ? WHERE id = ?
                    """,
                arguments: [perceelId, reden, clock.now(), id])
            guard !wasWaiting else { return }
            try stap(id, .wachtlijst, aanbiederId: nil, reden: reden, auteur: auteur, in: db)
            try outbox.add(
                OpWachtlijstGezet(
                    plaatsingId: id, inburgeraarId: plaatsing.inburgeraarId, gemeente: plaatsing.gemeente, leerroute: plaatsing.leerroute,
                    perceelId: perceelId, dagtekeningPip: plaatsing.dagtekeningPip),
                in: db, time: clock.now())
        }
    }

    /// Tries everyone on the waiting list again, longest waiting first: the register changed.
    func plaatsWachtenden(in db: Database) throws {
        let waiting = try Row.fetchAll(db, sql: "SELECT * FROM plaatsing WHERE status = 'wachtlijst'").map { try Plaatsing(row: $0, today: today) }
        for plaatsing in waiting.sorted(by: { ($0.dagtekeningPip, $0.id) < ($1.dagtekeningPip, $1.id) }) {
            try plaats(plaatsing.id, in: db)
        }
    }

    /// Records what intake told of the person: the BSN (for DUO, and to match reports), the
    /// name and language level (for the provider that places them), sealed where personal.
    func recordPersoon(_ person: InburgeraarID, bsn: BSN, naam: String? = nil, taalniveau: Taalniveau? = nil, in db: Database) throws {
        try db.execute(
            sql: """
                INSERT INTO persoon (inburgeraar_id, bsn_sleutel, bsn_verzegeld, naam_verzegeld, taalniveau) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (inburgeraar_id) DO UPDATE SET bsn_sleutel = excluded.bsn_sleutel, bsn_verzegeld = excluded.bsn_verzegeld,
                naam_verzegeld = excluded.naam_verzegeld, taalniveau = excluded.taalniveau
                """,
            arguments: [
                person.description, kluis.sleutel(bsn), try kluis.seal(bsn, for: person.description),
                try naam.map { try kluis.seal(text: $0, for: person.description) }, taalniveau?.rawValue,
            ])
    }

    /// What the provider that places `person` may read of them; nil when intake told nothing.
    func persoonsgegevens(of person: InburgeraarID, in db: Database) throws -> (bsn: BSN, naam: String?, taalniveau: Taalniveau?)? {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM persoon WHERE inburgeraar_id = ?", arguments: [person.description]) else { return nil }
        return (
            try kluis.open(row["bsn_verzegeld"], for: person.description), try (row["naam_verzegeld"] as Data?).map { try kluis.openText($0, for: person.description) },
            (row["taalniveau"] as String?).flatMap(Taalniveau.init(rawValue:))
        )
    }

    /// The person whose BSN is `bsn`, if intake told enrolment of them.
    func persoon(bsn: BSN, in db: Database) throws -> InburgeraarID? {
        try String.fetchOne(db, sql: "SELECT inburgeraar_id FROM persoon WHERE bsn_sleutel = ?", arguments: [kluis.sleutel(bsn)])
            .flatMap { UUID(uuidString: $0) }.map(InburgeraarID.init)
    }

    /// Ends `plaatsing` with `status` (its seat is freed); moved elsewhere, DUO hears its offer is withdrawn.
    func beeindig(_ plaatsing: Plaatsing, status: EnrolmentStatus, reden: String, auteur: String, in db: Database) throws {
        try db.execute(sql: "UPDATE plaatsing SET status = ?, updated_at = ? WHERE id = ?", arguments: [status.rawValue, clock.now(), plaatsing.id])
        if status == .overgeplaatst { try duo.intrekken(plaatsing.id, jobs: jobs, in: db) }
        try stap(plaatsing.id, status, aanbiederId: plaatsing.aanbiederId, reden: reden, auteur: auteur, in: db)
        try outbox.add(
            PlaatsingBeeindigd(plaatsingId: plaatsing.id, inburgeraarId: plaatsing.inburgeraarId, aanbiederId: plaatsing.aanbiederId, status: status),
            in: db, time: clock.now())
    }

    /// Records a step in the placement's history; returns its number.
    @discardableResult
    func stap(_ id: String, _ status: EnrolmentStatus, aanbiederId: String?, reden: String, auteur: String, in db: Database) throws -> Int {
        try db.execute(
            sql: """
                INSERT INTO plaatsing_stap (plaatsing_id, nr, status, aanbieder_id, reden, auteur, tijd)
                VALUES (?, (SELECT coalesce(max(nr), 0) + 1 FROM plaatsing_stap WHERE plaatsing_id = ?), ?, ?, ?, ?, ?)
                """,
            arguments: [id, id, status.rawValue, aanbiederId, reden, auteur, clock.now()])
        return try Int.fetchOne(db, sql: "SELECT max(nr) FROM plaatsing_stap WHERE plaatsing_id = ?", arguments: [id]) ?? 1
    }

    /// The seats placements other than `id` hold.
    func bezet(except id: String = "", in db: Database) throws -> [Bezet] {
        let holding = EnrolmentStatus.allCases.filter(\.houdtPlaats).map(\.rawValue)
        return try Row.fetchAll(
            db,
            sql: """
                SELECT perceel_id, contract_id, aanbieder_id, instroommoment FROM plaatsing
                WHERE id != ? AND status IN (\(holding.map { _ in "?" }.joined(separator: ", "))) AND contract_id IS NOT NULL
                """,
            arguments: StatementArguments([id] + holding)
        ).compactMap { row in
            guard let moment = (row["instroommoment"] as String?).flatMap(LocalDate.init(iso8601:)) else { return nil }
            return Bezet(perceelId: row["perceel_id"], contractId: row["contract_id"], aanbiederId: row["aanbieder_id"], instroommoment: moment)
        }
    }
}
