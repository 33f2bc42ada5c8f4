import Foundation
import GRDB
import IntakeDomain
import ServiceKit

/// DUO's notifications as DUO sent them, with how handling went. A notification of a code
/// intake acts on gets a durable job (``DuoNotificatieJob``) in the transaction that stores it.
struct DuoNotificatieStore: Sendable {
    let jobs: JobQueue

    /// One stored notification, as its job reads it.
    struct Stored: Sendable {
        var berichtId: String
        var code: String
        var bsn: String?
        var doel: String
        var registratie: Date
    }

    /// One notification as an operator sees it.
    struct Listed: Encodable, Sendable {
        var berichtId: String
        var gebeurtenisId: String
        /// What the code means, or that intake does not handle it yet.
        var omschrijving: String
        var registratieDatumTijd: Date
        var ontvangen: Date
        var verwerkt: Bool
        /// How handling went, or why it waits.
        var uitkomst: String?
        /// The file of the person it concerns, when the region has one.
        var inburgeraarId: String?
    }

    /// Stores `notificatie` unless `berichtId` was received before (returns false then).
    func store(_ notificatie: DuoNotificatie, berichtId: String, doel: String, in db: Database) throws -> Bool {
        try db.execute(
            sql: """
                INSERT OR IGNORE INTO duo_notificatie (bericht_id, doel, gebeurtenis_id, bsn, v_nummer, registratie_datum_tijd, received_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [berichtId, doel, notificatie.gebeurtenisId, notificatie.bsn, notificatie.vNummer, notificatie.registratieDatumTijd, jobs.clock.now()])
        guard db.changesCount == 1 else { return false }
        if DuoNotificatie.handled[notificatie.gebeurtenisId] != nil {
            try jobs.enqueue(DuoNotificatieJob.kind, key: berichtId, in: db)
        }
        return true
    }

    /// The notification, or nil.
    func notificatie(_ berichtId: String, in db: Database) throws -> Stored? {
        try Row.fetchOne(
            db, sql: "SELECT bericht_id, gebeurtenis_id, bsn, doel, registratie_datum_tijd FROM duo_notificatie WHERE bericht_id = ? AND handled_at IS NULL",
            arguments: [berichtId]
        ).map { Stored(berichtId: $0["bericht_id"], code: $0["gebeurtenis_id"], bsn: $0["bsn"], doel: $0["doel"], registratie: $0["registratie_datum_tijd"]) }
    }

    /// Records how handling went; `handled` marks it done.
    func record(_ berichtId: String, outcome: String, handled: Bool, in db: Database) throws {
        try db.execute(
            sql: "UPDATE duo_notificatie SET handled_at = ?, uitkomst = ?, attempts = attempts + 1 WHERE bericht_id = ?",
            arguments: [handled ? jobs.clock.now() : nil, outcome, berichtId])
    }

    /// The newest 1,000 notifications; only codes intake does not handle when `onlyUnknown`.
    func list(onlyUnknown: Bool, in db: Database) throws -> [Listed] {
        let known = DuoNotificatie.handled.keys.map { "'\($0)'" }.joined(separator: ", ")
        return try Row.fetchAll(db, sql: """
            SELECT n.bericht_id, n.gebeurtenis_id, n.registratie_datum_tijd, n.received_at, n.handled_at, n.uitkomst,
                (SELECT d.id FROM dossier d WHERE d.bsn = n.bsn ORDER BY d.created_at DESC LIMIT 1) AS dossier_id
            FROM duo_notificatie n \(onlyUnknown ? "WHERE n.gebeurtenis_id NOT IN (\(known))" : "")
            ORDER BY n.received_at DESC LIMIT 1000
            """).map { row in
            let code: String = row["gebeurtenis_id"]
            return Listed(
                berichtId: row["bericht_id"], gebeurtenisId: code,
                omschrijving: DuoNotificatie.handled[code] ?? "onbekende code: bewaard, nog niet verwerkt",
                registratieDatumTijd: row["registratie_datum_tijd"], ontvangen: row["received_at"], verwerkt: (row["handled_at"] as Date?) != nil,
                uitkomst: row["uitkomst"], inburgeraarId: row["dossier_id"])
        }
    }

    /// The migration that gives notifications stored before the jobs existed a job each.
    static let migration = Migration("move-duo-notificaties-to-jobs") { db in
        let known = DuoNotificatie.handled.keys.map { "'\($0)'" }.joined(separator: ", ")
        let open = try String.fetchAll(
            db, sql: "SELECT bericht_id FROM duo_notificatie WHERE handled_at IS NULL AND gebeurtenis_id IN (\(known)) ORDER BY registratie_datum_tijd")
        for berichtId in open {
            _ = try JobQueue.insert(DuoNotificatieJob.kind, key: berichtId, orderingKey: nil, payload: Data(), at: Date(), in: db)
        }
    }
}
