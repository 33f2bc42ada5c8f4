import DUO
import Foundation
import GRDB
import Models
import ServiceKit

/// Fixing a PIP and changing it: each is a version in `pip_versie` with its reason and
/// author, reported to DUO from `duo_melding`, announced through the outbox.
extension PipStore {
    /// Fixes a draft as version 1 of the beschikking, dated today; the term runs 3 years from
    /// the day after. Refused (409, naming the field) when DUO would refuse it, a deviation
    /// from the advice has no reason or the plan misses a part. Fixing after the PIP deadline
    /// is allowed but flagged. Schedules the fixed PIP's deadlines.
    func fix(_ id: String, by author: String, in db: Database) throws -> Pip {
        guard let pip = try pip(id, in: db) else { throw ProblemDetails.notFound("no PIP with this id") }
        guard pip.status == "concept" else { throw ProblemDetails.conflict("this PIP is \(pip.status) already") }
        let keuze = pip.keuze ?? PipKeuze()
        let problems = keuze.problems(advice: pip.advies.route, doelgroep: pip.doelgroep, firstPip: true)
        guard problems.isEmpty else {
            var problem = ProblemDetails.conflict("the PIP cannot be fixed yet: " + problems.map { "\($0.name) \($0.reason)" }.joined(separator: "; "))
            problem.invalidParams = problems
            throw problem
        }
        let route = keuze.leerroute ?? pip.advies.route
        let niveau = keuze.niveau ?? (route == .z ? .a2 : .b1)
        let uren = keuze.uren ?? PipTermijn.defaultHours(route) ?? 0
        let dagtekening = LocalDate(now())
        let einde = PipTermijn.lastDay(dagtekening: dagtekening)
        let late = pip.pipDeadline.map { dagtekening > $0 }
        try db.execute(
            sql: "UPDATE pip SET status = 'vastgesteld', versie = 1, dagtekening = ?, termijn_einde = ?, te_laat = ? WHERE id = ?",
            arguments: [dagtekening.description, einde.description, late ?? false, id])
        try addVersion(
            Versie(versie: 1, dagtekening: dagtekening, soort: "vaststelling", leerroute: route, niveau: niveau, uren: uren,
                   reden: keuze.afwijkingsreden ?? "", auteur: author),
            to: id, in: db)
        try outbox.add(
            PipVastgesteld(
                inburgeraarId: pip.inburgeraarId, gemeente: pip.gemeente, versie: 1, dagtekening: dagtekening, leerroute: route, niveau: niveau,
                uren: uren, onderdelen: route.onderdelen, termijnEinddatum: einde, teLaat: late),
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
        guard let pip = try pip(id, in: db) else { throw ProblemDetails.notFound("no PIP with this id") }
        guard pip.status == "vastgesteld", let first = pip.dagtekening, let current = pip.versies.last else {
            throw ProblemDetails.conflict("only a fixed PIP changes by a new version; fix the draft first")
        }
        if let problem = wijziging.problem(
            current: current.leerroute, niveau: current.niveau, termStart: PipTermijn.start(dagtekening: first), today: LocalDate(now()))
        {
            var refusal = ProblemDetails.conflict("this change cannot be made: \(problem.name) \(problem.reason)")
            refusal.invalidParams = [problem]
            throw refusal
        }
        let route = wijziging.soort == .schakelen ? wijziging.leerroute! : current.leerroute
        let niveau: Taalniveau = wijziging.soort == .afschalen ? .a2 : (route == .z ? .a2 : .b1)
        let soort: PipGewijzigd.Soort = wijziging.soort == .schakelen ? .schakelen : .afschalen
        try newVersion(
            of: pip, soort: soort, leerroute: route, niveau: niveau, uren: wijziging.uren ?? PipTermijn.defaultHours(route) ?? current.uren,
            reden: wijziging.reden, auteur: author, gemeente: pip.gemeente, in: db)
        return try self.pip(id, in: db)!
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
        try newVersion(
            of: pip, soort: .verhuizing, leerroute: current.leerroute, niveau: current.niveau, uren: current.uren,
            reden: "Verhuisd van \(event.vanGemeente.rawValue) naar \(event.naarGemeente.rawValue); de leerroute blijft.", auteur: "intake",
            gemeente: event.naarGemeente, in: db)
    }

    private func newVersion(
        of pip: Pip, soort: PipGewijzigd.Soort, leerroute: Leerroute, niveau: Taalniveau, uren: Int, reden: String, auteur: String,
        gemeente: GemeenteCode, in db: Database
    ) throws {
        let versie = pip.versie + 1
        let dagtekening = LocalDate(now())
        try addVersion(
            Versie(versie: versie, dagtekening: dagtekening, soort: soort.rawValue, leerroute: leerroute, niveau: niveau, uren: uren, reden: reden, auteur: auteur),
            to: pip.id, in: db)
        try db.execute(sql: "UPDATE pip SET versie = ? WHERE id = ?", arguments: [versie, pip.id])
        let termijnEinde = pip.termijnEinde ?? PipTermijn.lastDay(dagtekening: pip.dagtekening ?? dagtekening)
        try outbox.add(
            PipGewijzigd(
                pipId: pip.id, inburgeraarId: pip.inburgeraarId, gemeente: gemeente, versie: versie, soort: soort, dagtekening: dagtekening,
                leerroute: leerroute, niveau: niveau, uren: uren, onderdelen: leerroute.onderdelen, termijnEinddatum: termijnEinde),
            in: db, time: now())
    }

    /// Stores a version and its melding to DUO, in one transaction.
    private func addVersion(_ versie: Versie, to id: String, in db: Database) throws {
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
    }
}
