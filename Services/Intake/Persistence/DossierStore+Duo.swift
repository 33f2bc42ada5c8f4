import Foundation
import GRDB
import IntakeDomain
import Models
import ServiceKit

/// What DUO's answers change in a file. Every change is attributed to `duo` in the history.
extension DossierStore {
    /// SS139: the PIP deadline is now 10 weeks from the day DUO registered, and no longer provisional.
    func startPipClock(_ id: InburgeraarID, on start: LocalDate, in db: Database) throws {
        let (status, gemeente) = try openFile(id, in: db)
        let deadline = PipDeadline.deadline(from: start)
        try db.execute(
            sql: "UPDATE dossier SET pip_deadline = ?, pip_deadline_bron = 'duo', updated_at = ? WHERE id = ?",
            arguments: [deadline.description, now(), id.description])
        try record(id, actor: "duo", change: "PIP-termijn gestart volgens DUO (SS139) op \(start): deadline \(deadline)", status: status, in: db)
        try outbox.add(PipTermijnGestart(inburgeraarId: id, gemeente: gemeente, startdatum: start, pipDeadline: deadline), in: db, time: now())
    }

    /// DUO says the person is not (or no longer) inburgeringsplichtig: the file closes as
    /// `gecorrigeerd`, with DUO's reason.
    func correctFromDUO(_ id: InburgeraarID, reason: String?, in db: Database) throws {
        let (status, gemeente) = try openFile(id, in: db)
        var lifecycle = DossierLifecycle(status)
        _ = try lifecycle.apply(.corrigeren)
        try setStatus(lifecycle.status, of: id, in: db)
        try record(id, actor: "duo", change: "gecorrigeerd: volgens DUO niet inburgeringsplichtig", status: .gecorrigeerd, note: reason, in: db)
        try outbox.add(DossierGecorrigeerd(inburgeraarId: id, gemeente: gemeente, reden: reason), in: db, time: now())
    }

    /// DUO's doelgroep, where it says which.
    func setDoelgroep(_ id: InburgeraarID, to doelgroep: Doelgroep, in db: Database) throws {
        let (status, _) = try openFile(id, in: db)
        try db.execute(sql: "UPDATE dossier SET doelgroep = ?, updated_at = ? WHERE id = ?", arguments: [doelgroep.rawValue, now(), id.description])
        try record(id, actor: "duo", change: "doelgroep volgens DUO: \(doelgroep.rawValue)", status: status, in: db)
    }

    /// A line in the file's history from DUO, without changing anything else.
    func noteFromDUO(_ id: InburgeraarID, _ change: String, in db: Database) throws {
        guard let status = try String.fetchOne(db, sql: "SELECT status FROM dossier WHERE id = ?", arguments: [id.description])
            .flatMap(DossierStatus.init(rawValue:))
        else { return }
        try record(id, actor: "duo", change: change, status: status, in: db)
    }

    /// DUO reported the person's inburgeringstermijn: noted in the file and announced, so the
    /// PIP can show DUO's dates beside its own. A closed file still announces it.
    func recordTermFromDUO(_ id: InburgeraarID, code: String, startdatum: LocalDate, laatsteDag: LocalDate, in db: Database) throws {
        guard let row = try Row.fetchOne(db, sql: "SELECT status, gemeente FROM dossier WHERE id = ?", arguments: [id.description]),
            let status = DossierStatus(rawValue: row["status"]), let gemeente = try? GemeenteCode(row["gemeente"] as String)
        else { return }
        try record(id, actor: "duo", change: "inburgeringstermijn volgens DUO (\(code)): \(startdatum) tot en met \(laatsteDag)", status: status, in: db)
        try outbox.add(
            InburgeringstermijnGemeld(inburgeraarId: id, gemeente: gemeente, code: code, startdatum: startdatum, laatsteDag: laatsteDag),
            in: db, time: now())
    }

    /// The newest file of the person with `bsn`, open or closed.
    func file(bsn: String, in db: Database) throws -> InburgeraarID? {
        try String.fetchOne(db, sql: "SELECT id FROM dossier WHERE bsn = ? ORDER BY created_at DESC LIMIT 1", arguments: [bsn]).map(inburgeraarID)
    }
}
