import DUO
import Foundation
import GRDB
import Models
import ServiceKit

/// Opens draft PIPs and reads them.
struct PipStore: Sendable {
    let outbox: Outbox
    let policy: RouteAdvice.Policy
    let now: @Sendable () -> Date

    /// One PIP as a case worker sees it.
    struct Pip: Codable, Sendable, Equatable {
        var id: String
        var inburgeraarId: InburgeraarID
        var gemeente: GemeenteCode
        var doelgroep: Doelgroep
        /// `concept` until it is fixed.
        var status: String
        var advies: RouteAdvice
        var samenvatting: IntakeAfgerond.Samenvatting
        var intakeAfgerondOp: Date
        var aangemaaktOp: Date
        /// What the case worker set in the draft.
        var keuze: PipKeuze?
        /// 0 for a draft, 1 once fixed.
        var versie: Int
        var dagtekening: LocalDate?
        /// The last day of the inburgeringstermijn, once fixed.
        var termijnEinde: LocalDate?
        /// Fixed after the PIP deadline.
        var teLaat: Bool
        /// The PIP deadline as intake announced it (provisional, or DUO's), if known.
        var pipDeadline: LocalDate?
        /// The melding of the fixed version to DUO and DUO's answer, once there is one.
        var duoMelding: DuoMeldingStatus?
    }

    /// Where the melding to DUO stands: `open` (waiting to be sent, or DUO unreachable),
    /// `geregistreerd` (DUO's 201), `geweigerd` with DUO's `fouttekst`s (its 403).
    struct DuoMeldingStatus: Codable, Sendable, Equatable {
        var status: String
        var fouten: [String]?
    }

    /// Opens a draft PIP with its route advice for a completed intake; a person who has one
    /// already keeps it (the event may come twice).
    func openDraft(for intake: IntakeAfgerond, in db: Database) throws {
        let id = "pip-" + UUID().uuidString.lowercased()
        let advies = RouteAdvice.advise(intake.samenvatting, policy: policy)
        try db.execute(
            sql: """
                INSERT OR IGNORE INTO pip (id, inburgeraar_id, gemeente, doelgroep, status, advies, samenvatting, intake_afgerond_op, created_at)
                VALUES (?, ?, ?, ?, 'concept', ?, ?, ?, ?)
                """,
            arguments: [
                id, intake.inburgeraarId.description, intake.gemeente.rawValue, intake.doelgroep.rawValue, try ChainJSON.string(advies),
                try ChainJSON.string(intake.samenvatting), intake.afgerondOp, now(),
            ])
        guard db.changesCount == 1 else { return }
        try db.execute(sql: "UPDATE pip SET bsn = ? WHERE id = ?", arguments: [intake.bsn?.digits, id])
        try outbox.add(
            PipConceptAangemaakt(pipId: id, inburgeraarId: intake.inburgeraarId, gemeente: intake.gemeente, geadviseerdeRoute: advies.route),
            in: db, time: now())
    }

    /// The PIP deadline intake announced: a provisional one is replaced by a correction and by
    /// DUO's; DUO's stays.
    func recordDeadline(_ deadline: LocalDate, for person: InburgeraarID, from bron: String, in db: Database) throws {
        try db.execute(
            sql: """
                INSERT INTO pip_deadline (inburgeraar_id, deadline, bron) VALUES (?, ?, ?)
                ON CONFLICT (inburgeraar_id) DO UPDATE SET deadline = excluded.deadline, bron = excluded.bron
                WHERE pip_deadline.bron != 'duo' OR excluded.bron = 'duo'
                """,
            arguments: [person.description, deadline.description, bron])
    }

    /// Records what the case worker set in a draft.
    func choose(_ keuze: PipKeuze, for id: String, in db: Database) throws {
        guard let status = try String.fetchOne(db, sql: "SELECT status FROM pip WHERE id = ?", arguments: [id]) else {
            throw ProblemDetails.notFound("no PIP with this id")
        }
        guard status == "concept" else { throw ProblemDetails.conflict("only a draft can be edited; this PIP is \(status)") }
        try db.execute(sql: "UPDATE pip SET keuze = ? WHERE id = ?", arguments: [try ChainJSON.string(keuze), id])
    }

    /// Fixes a draft as version 1 of the beschikking, dated today; the term runs 3 years from
    /// the day after. Refused (409, naming the field) when DUO would refuse it or a deviation
    /// from the advice has no reason. Fixing after the PIP deadline is allowed but flagged.
    func fix(_ id: String, in db: Database) throws -> Pip {
        guard let pip = try pip(id, in: db) else { throw ProblemDetails.notFound("no PIP with this id") }
        guard pip.status == "concept" else { throw ProblemDetails.conflict("this PIP is \(pip.status) already") }
        let keuze = pip.keuze ?? PipKeuze()
        let problems = keuze.problems(advice: pip.advies.route, firstPip: true)
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
        let late = pip.pipDeadline.map { dagtekening > $0 } ?? false
        try db.execute(
            sql: "UPDATE pip SET status = 'vastgesteld', versie = 1, dagtekening = ?, termijn_einde = ?, te_laat = ? WHERE id = ?",
            arguments: [dagtekening.description, einde.description, late, id])
        let melding = DuoPipMelding(
            dagtekeningPip: dagtekening.description, leerroute: route.duoCode, niveau: route == .z ? nil : niveau.rawValue)
        try db.execute(
            sql: "INSERT INTO duo_melding (pip_id, versie, melding, status) VALUES (?, 1, ?, 'open')", arguments: [id, try ChainJSON.string(melding)])
        try outbox.add(
            PipVastgesteld(
                inburgeraarId: pip.inburgeraarId, gemeente: pip.gemeente, versie: 1, dagtekening: dagtekening, leerroute: route, niveau: niveau,
                uren: uren, onderdelen: route.onderdelen, termijnEinddatum: einde),
            in: db, time: now())
        return try self.pip(id, in: db)!
    }

    /// Makes a change to a fixed PIP as a new version, dated today, with its reason and author;
    /// the term stays as the first version set it. Reported to DUO like the first.
    func change(_ id: String, _ wijziging: PipWijziging, by author: String, in db: Database) throws -> Pip {
        guard let pip = try pip(id, in: db) else { throw ProblemDetails.notFound("no PIP with this id") }
        guard pip.status == "vastgesteld", let first = pip.dagtekening, let route = try currentRoute(id, in: db) else {
            throw ProblemDetails.conflict("only a fixed PIP changes by a new version; fix the draft first")
        }
        let niveau = try currentNiveau(id, in: db)
        if let problem = wijziging.problem(current: route, niveau: niveau, termStart: PipTermijn.start(dagtekening: first), today: LocalDate(now())) {
            var refusal = ProblemDetails.conflict("this change cannot be made: \(problem.name) \(problem.reason)")
            refusal.invalidParams = [problem]
            throw refusal
        }
        let newRoute = wijziging.soort == .schakelen ? wijziging.leerroute! : route
        let newNiveau: Taalniveau = wijziging.soort == .afschalen ? .a2 : (newRoute == .z ? .a2 : .b1)
        let uren = wijziging.uren ?? PipTermijn.defaultHours(newRoute) ?? 0
        let versie = pip.versie + 1
        let dagtekening = LocalDate(now())
        try db.execute(
            sql: "INSERT INTO pip_versie (pip_id, versie, dagtekening, leerroute, niveau, uren, soort, reden, auteur) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            arguments: [id, versie, dagtekening.description, newRoute.rawValue, newNiveau.rawValue, uren, wijziging.soort.rawValue, wijziging.reden, author])
        try db.execute(sql: "UPDATE pip SET versie = ? WHERE id = ?", arguments: [versie, id])
        let melding = DuoPipMelding(dagtekeningPip: dagtekening.description, leerroute: newRoute.duoCode, niveau: newRoute == .z ? nil : newNiveau.rawValue)
        try db.execute(
            sql: "INSERT INTO duo_melding (pip_id, versie, melding, status) VALUES (?, ?, ?, 'open')", arguments: [id, versie, try ChainJSON.string(melding)])
        try outbox.add(
            PipVastgesteld(
                inburgeraarId: pip.inburgeraarId, gemeente: pip.gemeente, versie: versie, dagtekening: dagtekening, leerroute: newRoute,
                niveau: newNiveau, uren: uren, onderdelen: newRoute.onderdelen, termijnEinddatum: pip.termijnEinde ?? PipTermijn.lastDay(dagtekening: first)),
            in: db, time: now())
        return try self.pip(id, in: db)!
    }

    /// The route of the PIP's newest version.
    func currentRoute(_ id: String, in db: Database) throws -> Leerroute? {
        if let route = try String.fetchOne(db, sql: "SELECT leerroute FROM pip_versie WHERE pip_id = ? ORDER BY versie DESC LIMIT 1", arguments: [id]) {
            return Leerroute(rawValue: route)
        }
        guard let pip = try pip(id, in: db) else { return nil }
        return pip.keuze?.leerroute ?? pip.advies.route
    }

    private func currentNiveau(_ id: String, in db: Database) throws -> Taalniveau {
        if let niveau = try String.fetchOne(db, sql: "SELECT niveau FROM pip_versie WHERE pip_id = ? ORDER BY versie DESC LIMIT 1", arguments: [id]) {
            return Taalniveau(rawValue: niveau) ?? .b1
        }
        let pip = try pip(id, in: db)
        let route = pip?.keuze?.leerroute ?? pip?.advies.route ?? .b1
        return pip?.keuze?.niveau ?? (route == .z ? .a2 : .b1)
    }

    /// A municipality's PIPs, newest first, optionally of one status.
    func pips(of gemeente: GemeenteCode, status: String?, in db: Database) throws -> [Pip] {
        try Row.fetchAll(
            db, sql: """
                SELECT p.*, d.deadline AS pip_deadline, m.status AS melding_status, m.fouten AS melding_fouten FROM pip p
                LEFT JOIN pip_deadline d ON d.inburgeraar_id = p.inburgeraar_id
                LEFT JOIN duo_melding m ON m.pip_id = p.id AND m.versie = p.versie
                WHERE p.gemeente = ? AND (? IS NULL OR p.status = ?) ORDER BY p.created_at DESC LIMIT 500
                """,
            arguments: [gemeente.rawValue, status, status]
        ).map(pip)
    }

    /// One PIP, or nil.
    func pip(_ id: String, in db: Database) throws -> Pip? {
        try Row.fetchOne(
            db, sql: """
                SELECT p.*, d.deadline AS pip_deadline, m.status AS melding_status, m.fouten AS melding_fouten FROM pip p
                LEFT JOIN pip_deadline d ON d.inburgeraar_id = p.inburgeraar_id
                LEFT JOIN duo_melding m ON m.pip_id = p.id AND m.versie = p.versie
                WHERE p.id = ?
                """,
            arguments: [id]
        ).map(pip)
    }

    private func pip(_ row: Row) throws -> Pip {
        let decoder = ChainJSON.decoder()
        guard let uuid = UUID(uuidString: row["inburgeraar_id"]) else { throw PipStoreError() }
        return Pip(
            id: row["id"], inburgeraarId: InburgeraarID(uuid), gemeente: try GemeenteCode(row["gemeente"] as String),
            doelgroep: Doelgroep(rawValue: row["doelgroep"]) ?? .asielstatushouder, status: row["status"],
            advies: try decoder.decode(RouteAdvice.self, from: Data((row["advies"] as String).utf8)),
            samenvatting: try decoder.decode(IntakeAfgerond.Samenvatting.self, from: Data((row["samenvatting"] as String).utf8)),
            intakeAfgerondOp: row["intake_afgerond_op"], aangemaaktOp: row["created_at"],
            keuze: try (row["keuze"] as String?).map { try decoder.decode(PipKeuze.self, from: Data($0.utf8)) },
            versie: row["versie"], dagtekening: (row["dagtekening"] as String?).flatMap(LocalDate.init(iso8601:)),
            termijnEinde: (row["termijn_einde"] as String?).flatMap(LocalDate.init(iso8601:)), teLaat: row["te_laat"],
            pipDeadline: (row["pip_deadline"] as String?).flatMap(LocalDate.init(iso8601:)),
            duoMelding: (row["melding_status"] as String?).map { status in
                DuoMeldingStatus(status: status, fouten: (row["melding_fouten"] as String?).flatMap { try? decoder.decode([String].self, from: Data($0.utf8)) })
            })
    }

}

/// The database holds something the store did not write.
struct PipStoreError: Error, CustomStringConvertible {
    var description: String { "a PIP's person id in the database is not a UUID" }
}
