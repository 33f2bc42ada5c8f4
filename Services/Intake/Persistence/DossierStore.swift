import Foundation
import GRDB
import IntakeDomain
import Models
import ServiceKit

/// Reads and changes files. Every change writes its history line and, where other services
/// must hear of it, its event into the outbox, in the caller's transaction.
struct DossierStore: Sendable {
    let outbox: Outbox
    let cipher: HealthCipher
    let clock: any ServiceClock

    func now() -> Date { clock.now() }

    // MARK: COA

    /// Opens a file for a new koppeling; a koppeling already known is left as it is.
    func open(_ koppeling: CoaKoppeling, in db: Database) throws {
        let besluit = KoppelingRule.besluit(
            koppelingKnown: try id(ofKoppeling: koppeling.koppelingId, in: db) != nil, openFile: try openFile(bsn: koppeling.persoon.bsn, in: db))
        switch besluit {
        case .known:
            return
        case .noteOn(let existing):
            let status = try status(of: existing, in: db) ?? .gekoppeld
            return try record(existing, actor: "coa", change: "tweede koppeling \(koppeling.koppelingId) ontvangen; dit dossier loopt al", status: status, in: db)
        case .openFile:
            break
        }
        let id = InburgeraarID()
        let deadline = PipDeadline.deadline(from: koppeling.koppeldatum)
        let time = now()
        try db.execute(
            sql: """
                INSERT INTO dossier (id, koppeling_id, bsn, v_nummer, naam, geboortedatum, nationaliteit, talen, gezinsleden,
                    gemeente, doelgroep, status, koppeldatum, azc, pip_deadline, pip_deadline_bron, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'koppeling', ?, ?)
                """,
            arguments: [
                id.description, koppeling.koppelingId, koppeling.persoon.bsn.digits, koppeling.persoon.vNummer, koppeling.persoon.naam,
                koppeling.persoon.geboortedatum.description, koppeling.persoon.nationaliteit, try ChainJSON.string(koppeling.persoon.talen ?? []),
                try ChainJSON.string(koppeling.gezinsleden ?? []), koppeling.gemeente.rawValue, Doelgroep.asielstatushouder.rawValue,
                DossierStatus.gekoppeld.rawValue, koppeling.koppeldatum.description, koppeling.azc, deadline.description, time, time,
            ])
        try record(id, actor: "coa", change: "koppeling ontvangen", status: .gekoppeld, in: db)
        try outbox.add(
            KoppelingOntvangen(
                inburgeraarId: id, gemeente: koppeling.gemeente, doelgroep: .asielstatushouder, koppeldatum: koppeling.koppeldatum,
                voorlopigePipDeadline: deadline),
            in: db, time: time)
    }

    /// Applies COA's correction of a koppeling; one not seen before is opened. A closed file
    /// is left alone (the correction is noted in its history).
    func correct(_ koppeling: CoaKoppeling, in db: Database) throws {
        guard let id = try id(ofKoppeling: koppeling.koppelingId, in: db) else { return try open(koppeling, in: db) }
        let row = try Row.fetchOne(db, sql: "SELECT status, pip_deadline_bron FROM dossier WHERE id = ?", arguments: [id.description])!
        let status = DossierStatus(rawValue: row["status"]) ?? .gekoppeld
        guard !status.isClosed else {
            return try record(id, actor: "coa", change: "correctie van COA genegeerd: het dossier is gesloten", status: status, in: db)
        }
        let provisional = (row["pip_deadline_bron"] as String) == "koppeling"
        let deadline = PipDeadline.deadline(from: koppeling.koppeldatum)
        let current = try gemeente(of: id, in: db)!
        let moved = try Bool.fetchOne(
            db, sql: "SELECT EXISTS (SELECT 1 FROM dossier_history WHERE dossier_id = ? AND change LIKE 'verhuisd%')", arguments: [id.description])!
        let gemeente = KoppelingRule.gemeente(afterCorrectionTo: koppeling.gemeente, current: current, status: status, moved: moved)
        try db.execute(
            sql: """
                UPDATE dossier SET bsn = ?, v_nummer = ?, naam = ?, geboortedatum = ?, nationaliteit = ?, talen = ?, gezinsleden = ?,
                    gemeente = ?, koppeldatum = ?, azc = ?, pip_deadline = CASE WHEN ? THEN ? ELSE pip_deadline END, updated_at = ?
                WHERE id = ?
                """,
            arguments: [
                koppeling.persoon.bsn.digits, koppeling.persoon.vNummer, koppeling.persoon.naam, koppeling.persoon.geboortedatum.description,
                koppeling.persoon.nationaliteit, try ChainJSON.string(koppeling.persoon.talen ?? []), try ChainJSON.string(koppeling.gezinsleden ?? []),
                gemeente.rawValue, koppeling.koppeldatum.description, koppeling.azc, provisional, deadline.description, now(),
                id.description,
            ])
        let note = gemeente != koppeling.gemeente
            ? "COA noemt \(koppeling.gemeente); het dossier blijft bij \(gemeente)" : gemeente != current ? "van \(current) naar \(gemeente)" : nil
        try record(id, actor: "coa", change: "koppeling gewijzigd door COA", status: status, note: note, in: db)
        let currentDeadline = try LocalDate(iso8601: String.fetchOne(db, sql: "SELECT pip_deadline FROM dossier WHERE id = ?", arguments: [id.description])!)!
        try outbox.add(
            KoppelingGewijzigd(inburgeraarId: id, gemeente: gemeente, koppeldatum: koppeling.koppeldatum, voorlopigePipDeadline: currentDeadline),
            in: db, time: now())
    }

    /// Closes the file of a withdrawn koppeling; an unknown or closed one is left alone.
    func withdraw(_ intrekking: CoaIntrekking, in db: Database) throws {
        guard let id = try id(ofKoppeling: intrekking.koppelingId, in: db),
            let row = try Row.fetchOne(db, sql: "SELECT status, gemeente FROM dossier WHERE id = ?", arguments: [id.description]),
            let status = DossierStatus(rawValue: row["status"])
        else { return }
        var lifecycle = DossierLifecycle(status)
        guard try lifecycle.apply(.intrekken) != .noteOnly else {
            return try record(id, actor: "coa", change: "intrekking van COA genegeerd: het dossier is gesloten", status: status, in: db)
        }
        try setStatus(lifecycle.status, of: id, in: db)
        try record(id, actor: "coa", change: "koppeling ingetrokken door COA", status: .ingetrokken, note: intrekking.reden, in: db)
        try outbox.add(KoppelingIngetrokken(inburgeraarId: id, gemeente: try GemeenteCode(row["gemeente"] as String)), in: db, time: now())
    }

    // MARK: Brede intake

    /// Records one part of the brede intake (replacing an earlier version of it); the first
    /// part moves the file to `in-intake`. A closed file refuses it.
    func recordPart(_ invoer: BredeIntakeInvoer, for onderdeel: BredeIntakeOnderdeel, of id: InburgeraarID, by actor: String, in db: Database) throws {
        let (status, gemeente) = try openFile(id, in: db, closed: "the file is closed; its brede intake changes no more")
        try startIntake(id, gemeente: gemeente, status: status, actor: actor, in: db)
        // Every part is sealed, not only health: personal circumstances and free notes tell
        // of health too. The file's id is bound in, so a sealed part cannot be moved to another file.
        let json = try ChainJSON.string(invoer)
        try db.execute(
            sql: "INSERT OR REPLACE INTO brede_intake (dossier_id, onderdeel, invoer, versleuteld, recorded_at, recorded_by) VALUES (?, ?, ?, 1, ?, ?)",
            arguments: [id.description, onderdeel.rawValue, try cipher.seal(json, for: id.description), now(), actor])
        try record(id, actor: actor, change: "onderdeel \(onderdeel.rawValue) vastgelegd", status: .inIntake, in: db)
        try db.execute(sql: "UPDATE dossier SET updated_at = ? WHERE id = ?", arguments: [now(), id.description])
    }

    /// The recorded parts of the brede intake, health decrypted.
    func parts(of id: InburgeraarID, in db: Database) throws -> [BredeIntakeOnderdeel: BredeIntakeInvoer] {
        var parts: [BredeIntakeOnderdeel: BredeIntakeInvoer] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT onderdeel, invoer, versleuteld FROM brede_intake WHERE dossier_id = ?", arguments: [id.description]) {
            guard let onderdeel = BredeIntakeOnderdeel(rawValue: row["onderdeel"]) else { continue }
            let stored: Data = row["invoer"]
            let json = (row["versleuteld"] as Bool) ? Data(try cipher.open(stored, for: id.description).utf8) : stored
            parts[onderdeel] = try ChainJSON.decoder().decode(BredeIntakeInvoer.self, from: json)
        }
        return parts
    }

    /// Completes the intake: the file is `afgerond`, and `intake.afgerond` carries the
    /// non-health summary the PIP needs. Refused for a closed file or a missing part.
    func complete(_ id: InburgeraarID, by actor: String, in db: Database) throws {
        var lifecycle = DossierLifecycle(try openFile(id, in: db, closed: "the file is closed").0)
        guard let row = try Row.fetchOne(db, sql: "SELECT gemeente, doelgroep, geboortedatum, gezinsleden, bsn, naam FROM dossier WHERE id = ?", arguments: [id.description])
        else { throw DomainError.notFound("no file with this id") }
        let time = now()
        let gezinsleden = try ChainJSON.decoder().decode([CoaKoppeling.Gezinslid].self, from: Data((row["gezinsleden"] as String).utf8))
        let samenvatting = try BredeIntakeAfronding.samenvatting(
            try parts(of: id, in: db), geboortedatum: LocalDate(iso8601: row["geboortedatum"])!, huishoudenGrootte: 1 + gezinsleden.count,
            today: LocalDate(time))
        _ = try lifecycle.apply(.afronden)
        try setStatus(lifecycle.status, of: id, in: db)
        try record(id, actor: actor, change: "brede intake afgerond", status: lifecycle.status, in: db)
        try outbox.add(
            IntakeAfgerond(
                inburgeraarId: id, gemeente: try GemeenteCode(row["gemeente"] as String),
                doelgroep: Doelgroep(rawValue: row["doelgroep"]) ?? .asielstatushouder, afgerondOp: time, samenvatting: samenvatting,
                bsn: try BSN(row["bsn"] as String), naam: row["naam"]),
            in: db, time: time)
    }

    // MARK: Reading

    /// A municipality's caseload, earliest deadline first.
    func caseload(
        of gemeente: GemeenteCode, status: DossierStatus?, deadlineBefore: LocalDate?, page: Int, perPage: Int, in db: Database
    ) throws -> (entries: [CaseloadEntry], total: Int) {
        var conditions = ["gemeente = ?"]
        var arguments: StatementArguments = [gemeente.rawValue]
        if let status {
            conditions.append("status = ?")
            arguments += [status.rawValue]
        }
        if let deadlineBefore {
            conditions.append("pip_deadline < ?")
            arguments += [deadlineBefore.description]
        }
        let filter = conditions.joined(separator: " AND ")
        let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM dossier WHERE \(filter)", arguments: arguments) ?? 0
        let today = LocalDate(now())
        let rows = try Row.fetchAll(
            db, sql: "SELECT id, naam, status, gemeente, pip_deadline FROM dossier WHERE \(filter) ORDER BY pip_deadline, id LIMIT ? OFFSET ?",
            arguments: arguments + [perPage, (page - 1) * perPage])
        let entries = try rows.map { row in
            CaseloadEntry(
                id: try inburgeraarID(row["id"]), naam: row["naam"], status: DossierStatus(rawValue: row["status"]) ?? .gekoppeld,
                gemeente: try GemeenteCode(row["gemeente"] as String), pipDeadline: LocalDate(iso8601: row["pip_deadline"])!, today: today)
        }
        return (entries, total)
    }

    /// The file with its history, or nil.
    func dossier(_ id: InburgeraarID, in db: Database) throws -> Dossier? {
        guard let record = try DossierRecord.fetchOne(db, key: id.description) else { return nil }
        let history = try Dossier.Change.fetchAll(
            db, sql: "SELECT at, actor, change, status, note FROM dossier_history WHERE dossier_id = ? ORDER BY id", arguments: [id.description])
        return Dossier(
            file: record, bredeIntake: Dictionary(uniqueKeysWithValues: try parts(of: id, in: db).map { ($0.key.rawValue, $0.value) }),
            uitnodigingen: try invitations(of: id, in: db), history: history)
    }

    /// The open file of the person with `bsn`, if the region has one.
    func openFile(bsn: BSN, in db: Database) throws -> InburgeraarID? {
        let closed = DossierStatus.allCases.filter(\.isClosed).map { "'\($0.rawValue)'" }.joined(separator: ", ")
        return try String.fetchOne(
            db, sql: "SELECT id FROM dossier WHERE bsn = ? AND status NOT IN (\(closed)) LIMIT 1", arguments: [bsn.digits]
        ).map(inburgeraarID)
    }

    func status(of id: InburgeraarID, in db: Database) throws -> DossierStatus? {
        try String.fetchOne(db, sql: "SELECT status FROM dossier WHERE id = ?", arguments: [id.description]).flatMap(DossierStatus.init(rawValue:))
    }

    /// The municipality that holds the file, or nil when there is none.
    func gemeente(of id: InburgeraarID, in db: Database) throws -> GemeenteCode? {
        try String.fetchOne(db, sql: "SELECT gemeente FROM dossier WHERE id = ?", arguments: [id.description]).map { try GemeenteCode($0) }
    }

    // MARK: Helpers

    private func id(ofKoppeling koppelingId: String, in db: Database) throws -> InburgeraarID? {
        try String.fetchOne(db, sql: "SELECT id FROM dossier WHERE koppeling_id = ?", arguments: [koppelingId]).map(inburgeraarID)
    }

    func record(_ id: InburgeraarID, actor: String, change: String, status: DossierStatus, note: String? = nil, in db: Database) throws {
        try db.execute(
            sql: "INSERT INTO dossier_history (dossier_id, at, actor, change, status, note) VALUES (?, ?, ?, ?, ?, ?)",
            arguments: [id.description, now(), actor, change, status.rawValue, note])
    }


    func inburgeraarID(_ text: String) throws -> InburgeraarID {
        guard let uuid = UUID(uuidString: text) else { throw DossierStoreError(description: "a file id in the database is not a UUID") }
        return InburgeraarID(uuid)
    }
}

/// The database holds something the store did not write.
struct DossierStoreError: Error, CustomStringConvertible {
    let description: String
}
