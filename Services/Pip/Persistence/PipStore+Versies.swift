import DUO
import Foundation
import GRDB
import Models
import PipDomain
import ServiceKit

/// Fixing a PIP and changing it: each is a version in `pip_versie` with its reason and
/// author (decided by ``PipVersioning``), reported to DUO from `duo_melding` by a durable
/// job, announced through the outbox.
extension PipStore {
    /// Fixes a draft as version 1 of the beschikking, dated today; the term runs 3 years from
    /// the day after. Refused (409, naming the field) when DUO would refuse it, a deviation
    /// from the advice has no reason or the plan misses a part. Fixing after the PIP deadline
    /// is allowed but flagged. Schedules the fixed PIP's deadlines.
    func fix(_ id: String, by author: String, in db: Database) throws -> Pip {
        guard let pip = try pip(id, in: db) else { throw DomainError.notFound("no PIP with this id") }
        guard pip.status == "concept" else { throw DomainError.conflict("this PIP is \(pip.status) already") }
        let keuze = pip.keuze ?? PipKeuze()
        let dagtekening = LocalDate(now())
        let versie = try PipVersioning.vaststelling(keuze, advies: pip.advies.route, doelgroep: pip.doelgroep, dagtekening: dagtekening, auteur: author)
        let einde = PipTermijn.lastDay(dagtekening: dagtekening)
        let late = pip.pipDeadline.map { dagtekening > $0 }
        try db.execute(
            sql: "UPDATE pip SET status = 'vastgesteld', versie = 1, dagtekening = ?, termijn_einde = ?, te_laat = ? WHERE id = ?",
            arguments: [dagtekening.description, einde.description, late ?? false, id])
        try addVersion(versie, to: id, in: db)
        try outbox.add(
            PipVastgesteld(
                pipId: id, inburgeraarId: pip.inburgeraarId, gemeente: pip.gemeente, doelgroep: pip.doelgroep, versie: 1, dagtekening: dagtekening,
                leerroute: versie.leerroute, niveau: versie.niveau, uren: versie.uren, onderdelen: versie.leerroute.onderdelen, termijnEinddatum: einde,
                teLaat: late),
            in: db, time: now())
        try cancelSignals(for: pip.inburgeraarId, .pip, in: db)
        let deadlines = PipSchedule.deadlines(
            dagtekening: dagtekening, termijnEinde: einde, ontzorgen: keuze.ontzorgen, voortgangsgesprekMaanden: voortgangsgesprekMaanden)
        for (soort, dates) in deadlines {
            try schedule(soort, dates, for: pip.inburgeraarId, gemeente: pip.gemeente, pipId: id, in: db)
        }
        return try self.pip(id, in: db)!
    }

    /// Makes a change to a fixed PIP as a new version, dated today, with its reason and author;
    /// the term stays as the first version set it.
    func change(_ id: String, _ wijziging: PipWijziging, by author: String, in db: Database) throws -> Pip {
        guard let pip = try pip(id, in: db) else { throw DomainError.notFound("no PIP with this id") }
        guard pip.status == "vastgesteld", let first = pip.dagtekening, let current = pip.versies.last else {
            throw DomainError.conflict("only a fixed PIP changes by a new version; fix the draft first")
        }
        let versie = try PipVersioning.wijziging(
            wijziging, current: current, eersteDagtekening: first, today: LocalDate(now()), auteur: author, gemeldeUren: try gemeldeUren(of: pip.inburgeraarId, in: db))
        try addNewVersion(versie, of: pip, gemeente: pip.gemeente, in: db)
        return try self.pip(id, in: db)!
    }

    /// The hours the providers reported for `person` through enrolment, if any.
    func gemeldeUren(of person: InburgeraarID, in db: Database) throws -> Int? {
        try Int.fetchOne(db, sql: "SELECT uren FROM gemelde_uren WHERE inburgeraar_id = ?", arguments: [person.description])
    }

    /// Enrolment's total of the person's hours (every report, every provider).
    func recordUren(_ event: UrenBijgewerkt, in db: Database) throws {
        try db.execute(
            sql: "INSERT INTO gemelde_uren (inburgeraar_id, uren) VALUES (?, ?) ON CONFLICT (inburgeraar_id) DO UPDATE SET uren = excluded.uren",
            arguments: [event.inburgeraarId.description, event.urenTotaal])
    }

    /// The person moved to another municipality of the region: the PIP goes with them. A fixed
    /// PIP gets a new version of the new municipality with the route kept; a draft just moves.
    func move(_ event: Verhuisd, in db: Database) throws {
        guard let pip = try Row.fetchOne(db, sql: "SELECT id FROM pip WHERE inburgeraar_id = ?", arguments: [event.inburgeraarId.description])
            .flatMap({ try self.pip($0["id"], in: db) }), pip.gemeente != event.naarGemeente
        else { return }
        try db.execute(sql: "UPDATE pip SET gemeente = ? WHERE id = ?", arguments: [event.naarGemeente.rawValue, pip.id])
        try db.execute(
            sql: "UPDATE pip_signaal SET gemeente = ? WHERE inburgeraar_id = ? AND fired_at IS NULL",
            arguments: [event.naarGemeente.rawValue, event.inburgeraarId.description])
        guard pip.status == "vastgesteld", let current = pip.versies.last else { return }
        let versie = PipVersioning.verhuizing(current: current, van: event.vanGemeente, naar: event.naarGemeente, today: LocalDate(now()))
        try addNewVersion(versie, of: pip, gemeente: event.naarGemeente, in: db)
    }

    /// Stores a later version, makes it the PIP's newest and announces it.
    private func addNewVersion(_ versie: PipVersie, of pip: Pip, gemeente: GemeenteCode, in db: Database) throws {
        try addVersion(versie, to: pip.id, in: db)
        try db.execute(sql: "UPDATE pip SET versie = ? WHERE id = ?", arguments: [versie.versie, pip.id])
        let termijnEinde = pip.termijnEinde ?? PipTermijn.lastDay(dagtekening: pip.dagtekening ?? versie.dagtekening)
        try outbox.add(
            PipGewijzigd(
                pipId: pip.id, inburgeraarId: pip.inburgeraarId, gemeente: gemeente, doelgroep: pip.doelgroep, versie: versie.versie,
                soort: PipGewijzigd.Soort(rawValue: versie.soort) ?? .schakelen, dagtekening: versie.dagtekening, leerroute: versie.leerroute,
                niveau: versie.niveau, uren: versie.uren, onderdelen: versie.leerroute.onderdelen, termijnEinddatum: termijnEinde),
            in: db, time: now())
    }

    /// Stores a version and its melding to DUO with the job that sends it, in one transaction.
    private func addVersion(_ versie: PipVersie, to id: String, in db: Database) throws {
        try db.execute(
            sql: "INSERT INTO pip_versie (pip_id, versie, dagtekening, leerroute, niveau, uren, soort, reden, auteur) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            arguments: [
                id, versie.versie, versie.dagtekening.description, versie.leerroute.rawValue, versie.niveau.rawValue, versie.uren, versie.soort,
                versie.reden, versie.auteur,
            ])
        let melding = DuoPipMelding(
            dagtekeningPip: versie.dagtekening.description, leerroute: versie.leerroute.duoCode, niveau: versie.leerroute == .z ? nil : versie.niveau.rawValue)
        try db.execute(
            sql: "INSERT INTO duo_melding (pip_id, versie, melding, status) VALUES (?, ?, ?, 'open')",
            arguments: [id, versie.versie, try ChainJSON.string(melding)])
        try DuoPipMeldingen.enqueue(pipId: id, versie: versie.versie, jobs: jobs, in: db)
    }
}
