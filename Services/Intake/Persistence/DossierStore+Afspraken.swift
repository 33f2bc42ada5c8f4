import Foundation
import GRDB
import IntakeDomain
import Models
import ServiceKit

/// Invitations, attendance, moving, and the PIP deadline: what a case worker does with a file.
extension DossierStore {
    /// Invites the person to a conversation on `datum`: the file becomes `uitgenodigd` and
    /// `uitnodiging-verstuurd` is announced. Refused while an earlier invitation has no
    /// recorded attendance.
    func invite(_ id: InburgeraarID, on datum: LocalDate, by actor: String, in db: Database) throws -> Uitnodiging {
        let (status, gemeente) = try openFile(id, in: db)
        let nummer = try Uitnodiging.nextNumber(after: try invitations(of: id, in: db))
        try db.execute(
            sql: "INSERT INTO uitnodiging (dossier_id, nummer, datum, verstuurd_at, verstuurd_by) VALUES (?, ?, ?, ?, ?)",
            arguments: [id.description, nummer, datum.description, now(), actor])
        var lifecycle = DossierLifecycle(status)
        _ = try lifecycle.apply(.uitnodigen)
        try setStatus(lifecycle.status, of: id, in: db)
        try record(id, actor: actor, change: "uitnodiging \(nummer) voor \(datum)", status: lifecycle.status, in: db)
        try outbox.add(UitnodigingVerstuurd(inburgeraarId: id, gemeente: gemeente, nummer: nummer, datum: datum), in: db, time: now())
        return Uitnodiging(nummer: nummer, datum: datum)
    }

    /// Records whether the person came to invitation `nummer` (on or after its day). Coming
    /// starts the intake; not coming is a no-show with its consequence (``NoShowRule``).
    func recordAttendance(
        _ id: InburgeraarID, invitation nummer: Int, came: Bool, by actor: String, in db: Database
    ) throws -> NoShowGeregistreerd.Gevolg? {
        let (status, gemeente) = try openFile(id, in: db)
        let invitations = try invitations(of: id, in: db)
        guard let invitation = invitations.first(where: { $0.nummer == nummer }) else {
            throw DomainError.notFound("this file has no invitation \(nummer)")
        }
        try invitation.checkAttendance(today: LocalDate(now()))
        try db.execute(
            sql: "UPDATE uitnodiging SET verschenen = ?, opkomst_at = ? WHERE dossier_id = ? AND nummer = ?",
            arguments: [came, now(), id.description, nummer])
        if came {
            try record(id, actor: actor, change: "verschenen op uitnodiging \(nummer)", status: status, in: db)
            try startIntake(id, gemeente: gemeente, status: status, actor: actor, in: db)
            return nil
        }
        let noShows = invitations.filter { $0.verschenen == false }.count + 1
        let gevolg = NoShowRule.gevolg(aantalNoShows: noShows, verschenenEerder: invitations.contains { $0.verschenen == true })
        try record(id, actor: actor, change: "niet verschenen op uitnodiging \(nummer): \(gevolg.rawValue)", status: status, in: db)
        try outbox.add(
            NoShowGeregistreerd(inburgeraarId: id, gemeente: gemeente, uitnodigingNummer: nummer, aantalNoShows: noShows, gevolg: gevolg),
            in: db, time: now())
        if gevolg == .boeteSignaal { try outbox.add(BoeteSignaal(inburgeraarId: id, gemeente: gemeente), in: db, time: now()) }
        return gevolg
    }

    /// The file's invitations, first first.
    func invitations(of id: InburgeraarID, in db: Database) throws -> [Uitnodiging] {
        try Uitnodiging.fetchAll(
            db, sql: "SELECT nummer, datum, verschenen FROM uitnodiging WHERE dossier_id = ? ORDER BY nummer", arguments: [id.description])
    }

    /// Moves the file, with its history, to another municipality of the region.
    func move(_ id: InburgeraarID, to gemeente: GemeenteCode, by actor: String, in db: Database) throws {
        let (status, from) = try openFile(id, in: db)
        guard gemeente != from else { throw DomainError.conflict("the file is in \(gemeente) already") }
        try db.execute(sql: "UPDATE dossier SET gemeente = ?, updated_at = ? WHERE id = ?", arguments: [gemeente.rawValue, now(), id.description])
        try record(id, actor: actor, change: "verhuisd van \(from) naar \(gemeente)", status: status, in: db)
        try outbox.add(Verhuisd(inburgeraarId: id, vanGemeente: from, naarGemeente: gemeente), in: db, time: now())
    }

    /// Extends the PIP deadline to `deadline`, with the reason in the file's history.
    func extendDeadline(_ id: InburgeraarID, to deadline: LocalDate, reason: String, by actor: String, in db: Database) throws {
        let (status, _) = try openFile(id, in: db)
        let current = try LocalDate(iso8601: String.fetchOne(db, sql: "SELECT pip_deadline FROM dossier WHERE id = ?", arguments: [id.description])!)!
        guard deadline > current else { throw DomainError.conflict("an extension must lie after the current deadline, \(current)") }
        try db.execute(
            sql: "UPDATE dossier SET pip_deadline = ?, pip_deadline_bron = 'verlengd', updated_at = ? WHERE id = ?",
            arguments: [deadline.description, now(), id.description])
        try record(id, actor: actor, change: "PIP-deadline verlengd van \(current) tot \(deadline)", status: status, note: reason, in: db)
    }

    // MARK: Helpers

    /// The status and municipality of an open file; an unknown one is not found, a closed
    /// one refused with `closed` (by default: closed and changes no more).
    func openFile(_ id: InburgeraarID, in db: Database, closed: String? = nil) throws -> (DossierStatus, GemeenteCode) {
        guard let row = try Row.fetchOne(db, sql: "SELECT status, gemeente FROM dossier WHERE id = ?", arguments: [id.description]),
            let status = DossierStatus(rawValue: row["status"])
        else { throw DomainError.notFound("no file with this id") }
        if let closed, status.isClosed { throw DomainError.conflict(closed) }
        var lifecycle = DossierLifecycle(status)
        _ = try lifecycle.apply(.wijzigen)
        return (status, try GemeenteCode(row["gemeente"] as String))
    }

    /// Moves an open file that has not started its intake to `in-intake`, announcing it.
    func startIntake(_ id: InburgeraarID, gemeente: GemeenteCode, status: DossierStatus, actor: String, in db: Database) throws {
        var lifecycle = DossierLifecycle(status)
        guard try lifecycle.apply(.intakeBegonnen) == .startIntake else { return }
        try setStatus(lifecycle.status, of: id, in: db)
        try record(id, actor: actor, change: "brede intake gestart", status: lifecycle.status, in: db)
        try outbox.add(IntakeGestart(inburgeraarId: id, gemeente: gemeente, gestartOp: now()), in: db, time: now())
    }

    func setStatus(_ status: DossierStatus, of id: InburgeraarID, in db: Database) throws {
        try db.execute(sql: "UPDATE dossier SET status = ?, updated_at = ? WHERE id = ?", arguments: [status.rawValue, now(), id.description])
    }
}
