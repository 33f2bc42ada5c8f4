import Foundation
import GRDB
import Models
import ServiceKit

/// Invitations, attendance, moving, and the PIP deadline: what a case worker does with a file.
extension DossierStore {
    /// One invitation as the file shows it.
    struct Uitnodiging: Codable, Sendable, Equatable {
        var nummer: Int
        var datum: LocalDate
        /// nil until the case worker records whether the person came.
        var verschenen: Bool?
    }

    /// Invites the person to a conversation on `datum`: the file becomes `uitnodigd` and
    /// `uitnodiging-verstuurd` is announced. Refused while an earlier invitation has no
    /// recorded attendance.
    func invite(_ id: InburgeraarID, on datum: LocalDate, by actor: String, in db: Database) throws -> Uitnodiging {
        let (status, gemeente) = try openFile(id, in: db)
        if try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM uitnodiging WHERE dossier_id = ? AND verschenen IS NULL", arguments: [id.description])! > 0 {
            throw ProblemDetails.conflict("record whether the person came to the previous invitation first")
        }
        let nummer = try Int.fetchOne(db, sql: "SELECT COALESCE(MAX(nummer), 0) + 1 FROM uitnodiging WHERE dossier_id = ?", arguments: [id.description])!
        try db.execute(
            sql: "INSERT INTO uitnodiging (dossier_id, nummer, datum, verstuurd_at, verstuurd_by) VALUES (?, ?, ?, ?, ?)",
            arguments: [id.description, nummer, datum.description, now(), actor])
        let next: DossierStatus = status == .gekoppeld ? .uitgenodigd : status
        try setStatus(next, of: id, in: db)
        try record(id, actor: actor, change: "uitnodiging \(nummer) voor \(datum)", status: next, in: db)
        try outbox.add(UitnodigingVerstuurd(inburgeraarId: id, gemeente: gemeente, nummer: nummer, datum: datum), in: db, time: now())
        return Uitnodiging(nummer: nummer, datum: datum, verschenen: nil)
    }

    /// Records whether the person came to invitation `nummer` (on or after its day). Coming
    /// starts the intake; not coming is a no-show with its consequence (``NoShowRule``).
    func recordAttendance(
        _ id: InburgeraarID, invitation nummer: Int, came: Bool, by actor: String, in db: Database
    ) throws -> NoShowGeregistreerd.Gevolg? {
        let (status, gemeente) = try openFile(id, in: db)
        guard let row = try Row.fetchOne(
            db, sql: "SELECT datum, verschenen FROM uitnodiging WHERE dossier_id = ? AND nummer = ?", arguments: [id.description, nummer])
        else { throw ProblemDetails.notFound("this file has no invitation \(nummer)") }
        guard (row["verschenen"] as Bool?) == nil else { throw ProblemDetails.conflict("attendance for invitation \(nummer) is recorded already") }
        guard let datum = LocalDate(iso8601: row["datum"]), datum <= LocalDate(now()) else {
            throw ProblemDetails.conflict("invitation \(nummer) is for a day still to come")
        }
        try db.execute(
            sql: "UPDATE uitnodiging SET verschenen = ?, opkomst_at = ? WHERE dossier_id = ? AND nummer = ?",
            arguments: [came, now(), id.description, nummer])
        if came {
            try record(id, actor: actor, change: "verschenen op uitnodiging \(nummer)", status: status, in: db)
            try startIntake(id, gemeente: gemeente, status: status, actor: actor, in: db)
            return nil
        }
        let noShows = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM uitnodiging WHERE dossier_id = ? AND verschenen = 0", arguments: [id.description])!
        let came = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM uitnodiging WHERE dossier_id = ? AND verschenen = 1)", arguments: [id.description])!
        let gevolg = NoShowRule.gevolg(aantalNoShows: noShows, verschenenEerder: came)
        try record(id, actor: actor, change: "niet verschenen op uitnodiging \(nummer): \(gevolg.rawValue)", status: status, in: db)
        try outbox.add(
            NoShowGeregistreerd(inburgeraarId: id, gemeente: gemeente, uitnodigingNummer: nummer, aantalNoShows: noShows, gevolg: gevolg),
            in: db, time: now())
        if gevolg == .boeteSignaal { try outbox.add(BoeteSignaal(inburgeraarId: id, gemeente: gemeente), in: db, time: now()) }
        return gevolg
    }

    /// The file's invitations, first first.
    func invitations(of id: InburgeraarID, in db: Database) throws -> [Uitnodiging] {
        try Row.fetchAll(db, sql: "SELECT nummer, datum, verschenen FROM uitnodiging WHERE dossier_id = ? ORDER BY nummer", arguments: [id.description])
            .map { Uitnodiging(nummer: $0["nummer"], datum: LocalDate(iso8601: $0["datum"])!, verschenen: $0["verschenen"]) }
    }

    /// Moves the file, with its history, to another municipality of the region.
    func move(_ id: InburgeraarID, to gemeente: GemeenteCode, by actor: String, in db: Database) throws {
        let (status, from) = try openFile(id, in: db)
        guard gemeente != from else { throw ProblemDetails.conflict("the file is in \(gemeente) already") }
        try db.execute(sql: "UPDATE dossier SET gemeente = ?, updated_at = ? WHERE id = ?", arguments: [gemeente.rawValue, now(), id.description])
        try record(id, actor: actor, change: "verhuisd van \(from) naar \(gemeente)", status: status, in: db)
        try outbox.add(Verhuisd(inburgeraarId: id, vanGemeente: from, naarGemeente: gemeente), in: db, time: now())
    }

    /// Extends the PIP deadline to `deadline`, with the reason in the file's history.
    func extendDeadline(_ id: InburgeraarID, to deadline: LocalDate, reason: String, by actor: String, in db: Database) throws {
        let (status, _) = try openFile(id, in: db)
        let current = try LocalDate(iso8601: String.fetchOne(db, sql: "SELECT pip_deadline FROM dossier WHERE id = ?", arguments: [id.description])!)!
        guard deadline > current else { throw ProblemDetails.conflict("an extension must lie after the current deadline, \(current)") }
        try db.execute(
            sql: "UPDATE dossier SET pip_deadline = ?, pip_deadline_bron = 'verlengd', updated_at = ? WHERE id = ?",
            arguments: [deadline.description, now(), id.description])
        try record(id, actor: actor, change: "PIP-deadline verlengd van \(current) tot \(deadline)", status: status, note: reason, in: db)
    }

    // MARK: Helpers

    /// The status and municipality of an open file; a closed one is refused.
    func openFile(_ id: InburgeraarID, in db: Database) throws -> (DossierStatus, GemeenteCode) {
        guard let row = try Row.fetchOne(db, sql: "SELECT status, gemeente FROM dossier WHERE id = ?", arguments: [id.description]),
            let status = DossierStatus(rawValue: row["status"])
        else { throw ProblemDetails.notFound("no file with this id") }
        guard !status.isClosed else { throw ProblemDetails.conflict("the file is closed (\(status.rawValue)) and changes no more") }
        return (status, try GemeenteCode(row["gemeente"] as String))
    }

    /// Moves an open file that has not started its intake to `in-intake`, announcing it.
    func startIntake(_ id: InburgeraarID, gemeente: GemeenteCode, status: DossierStatus, actor: String, in db: Database) throws {
        guard status == .gekoppeld || status == .uitgenodigd else { return }
        try setStatus(.inIntake, of: id, in: db)
        try record(id, actor: actor, change: "brede intake gestart", status: .inIntake, in: db)
        try outbox.add(IntakeGestart(inburgeraarId: id, gemeente: gemeente, gestartOp: now()), in: db, time: now())
    }

    func setStatus(_ status: DossierStatus, of id: InburgeraarID, in db: Database) throws {
        try db.execute(sql: "UPDATE dossier SET status = ?, updated_at = ? WHERE id = ?", arguments: [status.rawValue, now(), id.description])
    }
}

/// A person the case worker registers by hand: a gezinsmigrant or overige migrant, whom no
/// COA koppeling announces.
struct Registratie: Decodable, Sendable {
    var bsn: BSN
    var naam: String
    var geboortedatum: LocalDate
    var doelgroep: Doelgroep
    /// The day the person registered in the municipality; the PIP clock starts here until DUO's SS139.
    var registratiedatum: LocalDate

    func problem(today: LocalDate) -> ProblemDetails.InvalidParam? {
        if doelgroep == .asielstatushouder { return .init(name: "doelgroep", reason: "asielstatushouders come through COA's koppeling; use gezinsmigrant or overigeMigrant") }
        if !(1...200).contains(naam.trimmingCharacters(in: .whitespaces).count) { return .init(name: "naam", reason: "must be 1 to 200 characters") }
        if geboortedatum > today { return .init(name: "geboortedatum", reason: "lies in the future") }
        if registratiedatum > today { return .init(name: "registratiedatum", reason: "lies in the future") }
        return nil
    }
}

extension DossierStore {
    /// Opens a file for a person registered by hand in `gemeente`; refused while the region
    /// has an open file for the same BSN.
    func register(_ registratie: Registratie, in gemeente: GemeenteCode, by actor: String, in db: Database) throws -> InburgeraarID {
        guard try openFile(bsn: registratie.bsn, in: db) == nil else {
            throw ProblemDetails.conflict("the region has an open file for this person already")
        }
        let id = InburgeraarID()
        let time = now()
        try db.execute(
            sql: """
                INSERT INTO dossier (id, bsn, naam, geboortedatum, talen, gezinsleden, gemeente, doelgroep, status,
                    pip_deadline, pip_deadline_bron, created_at, updated_at)
                VALUES (?, ?, ?, ?, '[]', '[]', ?, ?, ?, ?, 'registratie', ?, ?)
                """,
            arguments: [
                id.description, registratie.bsn.digits, registratie.naam, registratie.geboortedatum.description, gemeente.rawValue,
                registratie.doelgroep.rawValue, DossierStatus.gekoppeld.rawValue,
                PipClock.provisionalDeadline(koppeldatum: registratie.registratiedatum).description, time, time,
            ])
        try record(id, actor: actor, change: "geregistreerd door de gemeente", status: .gekoppeld, in: db)
        return id
    }
}
