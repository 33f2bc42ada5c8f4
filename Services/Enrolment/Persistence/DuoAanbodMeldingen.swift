import DUO
import EnrolmentDomain
import Foundation
import GRDB
import Models
import ServiceKit

/// The Inburgeringsaanbod meldingen to DUO: recorded with the placement they follow from,
/// in its transaction, and sent by a durable job (kind `duo-inburgeringsaanbod`, key
/// `<plaatsing id>/<aanmelden|intrekken>`, in order per placement).
struct DuoAanbodMeldingen: Sendable {
    /// Opens the person's sealed BSN for DUO.
    let kluis: BsnKluis

    static let kind = "duo-inburgeringsaanbod"
    /// From 5 seconds, doubling to 6 hours, then every 6 hours: DUO's outages end.
    static let schedule = RetrySchedule.exponential(first: .seconds(5), maximum: .seconds(6 * 3600))

    /// What to tell DUO of one placement.
    enum Actie: String, Sendable {
        case aanmelden
        case intrekken
    }

    /// One melding that waits for DUO.
    struct Open: Sendable {
        var plaatsingId: String
        var actie: Actie
        var instellingsnummer: String
        var melding: DuoInburgeringsaanbod
        var bsn: String?
    }

    /// Records the melding of the confirmed placement `plaatsing` at `aanbieder`, unless DUO
    /// takes none for the person, or one of DUO's rules would be broken: then it is stopped
    /// here, with DUO's words, and never sent.
    func aanmelden(_ plaatsing: Plaatsing, aanbieder: Aanbieder?, start: LocalDate, jobs: JobQueue, in db: Database) throws {
        guard InburgeringsaanbodRegel.vanToepassing(plaatsing.vraag.doelgroep) else { return }
        let melding = DuoInburgeringsaanbod(
            indicatorAlfabetiseringsonderwijs: "NVT", datumInburgeringsaanbod: LocalDate(jobs.clock.now()).description,
            verwachteStartdatumOpleiding: start.description)
        let problemen = InburgeringsaanbodRegel.problemen(plaatsing.vraag, aanbieder: aanbieder, datum: start)
        try record(plaatsing.id, .aanmelden, instellingsnummer: aanbieder?.instellingsnummer ?? "", melding, status: problemen.isEmpty ? "open" : "tegengehouden",
            fouten: problemen.isEmpty ? nil : problemen, in: db)
        if problemen.isEmpty { try jobs.enqueue(Self.kind, key: "\(plaatsing.id)/aanmelden", orderingKey: plaatsing.id, in: db) }
    }

    /// Records the withdrawal of the placement's offer, when one was sent or waits to be.
    func intrekken(_ plaatsingId: String, jobs: JobQueue, in db: Database) throws {
        guard let row = try Row.fetchOne(
            db, sql: "SELECT instellingsnummer, melding FROM duo_aanbod_melding WHERE plaatsing_id = ? AND actie = 'aanmelden' AND status IN ('open', 'geregistreerd')",
            arguments: [plaatsingId])
        else { return }
        try db.execute(
            sql: "INSERT OR IGNORE INTO duo_aanbod_melding (plaatsing_id, actie, instellingsnummer, melding, status) VALUES (?, 'intrekken', ?, ?, 'open')",
            arguments: [plaatsingId, row["instellingsnummer"] as String, row["melding"] as String])
        try jobs.enqueue(Self.kind, key: "\(plaatsingId)/intrekken", orderingKey: plaatsingId, in: db)
    }

    /// The melding a job stands for, while it is open; nil once answered.
    func open(_ plaatsingId: String, _ actie: Actie, in db: Database) throws -> Open? {
        guard let row = try Row.fetchOne(
            db,
            sql: """
                SELECT m.instellingsnummer, m.melding, pl.inburgeraar_id, p.bsn_verzegeld FROM duo_aanbod_melding m
                JOIN plaatsing pl ON pl.id = m.plaatsing_id LEFT JOIN persoon p ON p.inburgeraar_id = pl.inburgeraar_id
                WHERE m.plaatsing_id = ? AND m.actie = ? AND m.status IN ('open', 'mislukt')
                """,
            arguments: [plaatsingId, actie.rawValue])
        else { return nil }
        let bsn = try (row["bsn_verzegeld"] as Data?).map { try kluis.open($0, for: row["inburgeraar_id"]).digits }
        return Open(
            plaatsingId: plaatsingId, actie: actie, instellingsnummer: row["instellingsnummer"],
            melding: try JSONDecoder().decode(DuoInburgeringsaanbod.self, from: Data((row["melding"] as String).utf8)), bsn: bsn)
    }

    /// Records DUO's answer: `geregistreerd`, `geweigerd` or `mislukt`, with DUO's words.
    func record(_ open: Open, status: String, fouten: [String]?, in db: Database) throws {
        try db.execute(
            sql: "UPDATE duo_aanbod_melding SET status = ?, fouten = ? WHERE plaatsing_id = ? AND actie = ?",
            arguments: [status, try fouten.map { try ChainJSON.string($0) }, open.plaatsingId, open.actie.rawValue])
    }

    /// The meldingen of one placement, for its page.
    func meldingen(_ plaatsingId: String, in db: Database) throws -> [Plaatsing.DuoMelding] {
        try Row.fetchAll(db, sql: "SELECT actie, status, fouten FROM duo_aanbod_melding WHERE plaatsing_id = ? ORDER BY actie", arguments: [plaatsingId]).map { row in
            Plaatsing.DuoMelding(
                actie: row["actie"], status: row["status"],
                fouten: try (row["fouten"] as String?).map { try JSONDecoder().decode([String].self, from: Data($0.utf8)) })
        }
    }

    private func record(
        _ plaatsingId: String, _ actie: Actie, instellingsnummer: String, _ melding: DuoInburgeringsaanbod, status: String, fouten: [String]?, in db: Database
    ) throws {
        try db.execute(
            sql: """
                INSERT INTO duo_aanbod_melding (plaatsing_id, actie, instellingsnummer, melding, status, fouten) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (plaatsing_id, actie) DO UPDATE SET instellingsnummer = excluded.instellingsnummer, melding = excluded.melding,
                status = excluded.status, fouten = excluded.fouten
                """,
            arguments: [plaatsingId, actie.rawValue, instellingsnummer, try ChainJSON.string(melding), status, try fouten.map { try ChainJSON.string($0) }])
    }
}
