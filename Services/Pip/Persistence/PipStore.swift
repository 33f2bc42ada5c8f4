import DUO
import Foundation
import GRDB
import Models
import PipDomain
import ServiceKit

/// The PIPs of a region: drafts from completed intakes, their versions, bezwaren, meldingen
/// to DUO and the deadline schedule. Every change is made in the caller's transaction, with
/// its events through the outbox.
struct PipStore: Sendable {
    let outbox: Outbox
    /// Where fixed versions' meldingen to DUO are recorded, as durable jobs.
    let jobs: JobQueue
    let policy: RouteAdvice.Policy
    /// Months between voortgangsgesprekken (region policy).
    var voortgangsgesprekMaanden = 3

    func now() -> Date { jobs.clock.now() }

    /// Opens a draft PIP with its route advice for a completed intake; a person who has one
    /// already keeps it (the event may come twice). The PIP deadline's signals now name it.
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
        try db.execute(
            sql: "UPDATE pip_signaal SET pip_id = ? WHERE inburgeraar_id = ? AND fired_at IS NULL", arguments: [id, intake.inburgeraarId.description])
        try outbox.add(
            PipConceptAangemaakt(pipId: id, inburgeraarId: intake.inburgeraarId, gemeente: intake.gemeente, geadviseerdeRoute: advies.route),
            in: db, time: now())
    }

    /// The PIP deadline intake announced: a provisional one is replaced by a correction and by
    /// DUO's; DUO's stays. Scheduled for signals until the PIP is fixed.
    func recordDeadline(_ deadline: LocalDate, for person: InburgeraarID, gemeente: GemeenteCode, from bron: String, in db: Database) throws {
        try db.execute(
            sql: """
                INSERT INTO pip_deadline (inburgeraar_id, deadline, bron, gemeente) VALUES (?, ?, ?, ?)
                ON CONFLICT (inburgeraar_id) DO UPDATE SET deadline = excluded.deadline, bron = excluded.bron, gemeente = excluded.gemeente
                WHERE pip_deadline.bron != 'duo' OR excluded.bron = 'duo'
                """,
            arguments: [person.description, deadline.description, bron, gemeente.rawValue])
        let pip = try Row.fetchOne(db, sql: "SELECT id, status FROM pip WHERE inburgeraar_id = ?", arguments: [person.description])
        guard pip?["status"] as String? != "vastgesteld",
            let current = try String.fetchOne(db, sql: "SELECT deadline FROM pip_deadline WHERE inburgeraar_id = ?", arguments: [person.description])
                .flatMap(LocalDate.init(iso8601:))
        else { return }
        try schedule(.pip, [current], for: person, gemeente: gemeente, pipId: pip?["id"], in: db)
    }

    /// The file was closed at intake (koppeling withdrawn, or DUO says no inburgeringsplicht):
    /// no more deadline signals for the person.
    func closeFile(of person: InburgeraarID, in db: Database) throws {
        try cancelSignals(for: person, in: db)
    }

    /// DUO's term as intake read it, shown on the PIP beside ours.
    func recordDuoTerm(_ event: InburgeringstermijnGemeld, in db: Database) throws {
        try db.execute(
            sql: """
                INSERT INTO duo_termijn (inburgeraar_id, code, startdatum, laatste_dag) VALUES (?, ?, ?, ?)
                ON CONFLICT (inburgeraar_id) DO UPDATE SET code = excluded.code, startdatum = excluded.startdatum, laatste_dag = excluded.laatste_dag
                """,
            arguments: [event.inburgeraarId.description, event.code, event.startdatum.description, event.laatsteDag.description])
    }

    /// Records what the case worker set in a draft.
    func choose(_ keuze: PipKeuze, for id: String, in db: Database) throws {
        guard let status = try String.fetchOne(db, sql: "SELECT status FROM pip WHERE id = ?", arguments: [id]) else {
            throw DomainError.notFound("no PIP with this id")
        }
        guard status == "concept" else { throw DomainError.conflict("only a draft can be edited; this PIP is \(status)") }
        try db.execute(sql: "UPDATE pip SET keuze = ? WHERE id = ?", arguments: [try ChainJSON.string(keuze), id])
    }
}

/// The database holds something the store did not write.
struct PipStoreError: Error, CustomStringConvertible {
    var description: String { "a PIP row in the database does not decode (an id, a date or a kind is malformed)" }
}
