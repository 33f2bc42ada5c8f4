import DUO
import Foundation
import GRDB
import Logging
import Models
import ServiceKit
import ServiceLifecycle

/// Handles DUO's stored notifications: asks DUO what each points at (``DuoClient``) and
/// applies the answer to the person's file, oldest first. DUO unreachable or answering 503
/// delays a notification, never loses it; one for a person intake does not know yet is tried
/// again later (the koppeling may still come). Codes intake does not act on stay stored and
/// listed. Outcomes are written per notification, without personal data.
struct DuoNotificationProcessor: Service {
    let client: DuoClient
    let store: DossierStore
    let database: DatabasePool
    let logger: Logger
    /// How long the processor idles between looks.
    static let pollInterval: Duration = .seconds(2)
    /// The longest pause before a notification is tried again.
    static let maxPause: TimeInterval = 6 * 3600

    func run() async throws {
        await repeatUntilShutdown(every: Self.pollInterval, logger: logger, failure: "processing DUO notifications failed; trying again") {
            try await processDue()
        }
        try await client.shutdown()
    }

    private struct Due: Sendable {
        var berichtId: String
        var code: String
        var bsn: String?
        var doel: String
        var registratie: Date
        var attempts: Int
    }

    private func processDue() async throws {
        let known = DuoNotificatie.handled.keys.map { "'\($0)'" }.joined(separator: ", ")
        let due = try await database.read { [store] db in
            try Row.fetchAll(db, sql: """
                SELECT bericht_id, gebeurtenis_id, bsn, doel, registratie_datum_tijd, attempts FROM duo_notificatie
                WHERE handled_at IS NULL AND gebeurtenis_id IN (\(known)) AND (next_attempt_at IS NULL OR next_attempt_at <= ?)
                ORDER BY registratie_datum_tijd, received_at LIMIT 50
                """, arguments: [store.now()]
            ).map { row in
                Due(berichtId: row["bericht_id"], code: row["gebeurtenis_id"], bsn: row["bsn"], doel: row["doel"],
                    registratie: row["registratie_datum_tijd"], attempts: row["attempts"])
            }
        }
        for notification in due where !Task.isShuttingDownGracefully {
            try await handle(notification)
        }
    }

    private func handle(_ notification: Due) async throws {
        guard let bsn = notification.bsn else { return try await finish(notification, "geen bsn in de melding: niets te doen") }
        guard let id = try await database.read({ db in try store.file(bsn: bsn, in: db) }) else {
            return try await later(notification, "wacht op het dossier: intake kent deze persoon nog niet")
        }
        do {
            let outcome = try await apply(notification, to: id, bsn: bsn)
            try await finish(notification, outcome)
        } catch let error as DuoClientError where error.code == .notFound {
            try await finish(notification, "DUO kent geen gegevens bij deze melding (404)")
        } catch let error as DuoClientError {
            logger.warning("DUO did not answer; the notification waits", metadata: ["berichtId": "\(notification.berichtId)", "error": "\(error)"])
            try await later(notification, "wacht op DUO: \(error.description)")
        } catch let problem as ProblemDetails {
            try await finish(notification, "niet toegepast: \(problem.detail)")
        }
    }

    /// Asks DUO and applies the answer; returns the outcome in words.
    private func apply(_ notification: Due, to id: InburgeraarID, bsn: String) async throws -> String {
        let bron = notification.doel
        switch notification.code {
        case "SS101", "SS139", "SS120", "SS121", "SS110", "SS111":
            let plicht = try await client.inburgeringsplicht(bsn: bsn, bron: bron)
            return try await database.write { db in
                guard plicht.indicatorInburgeringsplicht else {
                    try store.correctFromDUO(id, reason: plicht.redenGeenInburgeringsplicht, in: db)
                    return "dossier gecorrigeerd: niet inburgeringsplichtig"
                }
                if notification.code == "SS139" {
                    try store.startPipClock(id, on: LocalDate(notification.registratie), in: db)
                    return "PIP-termijn gestart"
                }
                try store.noteFromDUO(id, "DUO bevestigt de inburgeringsplicht (\(notification.code))", in: db)
                return "inburgeringsplicht bevestigd"
            }
        case "SS124", "SS125":
            let doelgroep = try await client.doelgroep(bsn: bsn, bron: bron)
            guard let mapped = Doelgroep.allCases.first(where: { $0.duoIndeling == doelgroep.indeling }) else {
                return "doelgroep van DUO niet herkend"
            }
            try await database.write { db in try store.setDoelgroep(id, to: mapped, in: db) }
            return "doelgroep bijgewerkt"
        case "SS131", "SS137":
            let resultaten = try await client.lbtResultaten(bsn: bsn, bron: bron)
            guard let laatste = resultaten.max(by: { $0.datumAfname < $1.datumAfname }) else { return "nog geen uitslag van de leerbaarheidstoets" }
            let score = Int((Double(laatste.behaaldeScore.replacingOccurrences(of: ",", with: ".")) ?? 0).rounded())
            let invoer = BredeIntakeInvoer(toelichting: "Volgens DUO: \(laatste.resultaat) (\(laatste.behaaldeScore) van \(laatste.benodigdeScore) nodig)", score: score,
                                           datum: LocalDate(iso8601: laatste.datumAfname))
            let recorded = try await database.write { db in try store.recordPart(invoer, for: .leerbaarheidstoets, of: id, by: "duo", in: db) }
            return recorded ? "uitslag leerbaarheidstoets vastgelegd" : "uitslag leerbaarheidstoets niet vastgelegd: dossier gesloten"
        default:
            let termijn = try await client.inburgeringstermijn(bsn: bsn, bron: bron)
            guard let start = LocalDate(iso8601: termijn.startdatum), let einde = LocalDate(iso8601: termijn.einddatum) else {
                return "inburgeringstermijn van DUO niet te lezen"
            }
            try await database.write { db in
                try store.recordTermFromDUO(id, code: notification.code, startdatum: start, laatsteDag: einde.adding(days: -1), in: db)
            }
            return "inburgeringstermijn genoteerd"
        }
    }

    private func finish(_ notification: Due, _ outcome: String) async throws {
        try await database.write { [store] db in
            try db.execute(
                sql: "UPDATE duo_notificatie SET handled_at = ?, uitkomst = ?, attempts = attempts + 1 WHERE bericht_id = ?",
                arguments: [store.now(), outcome, notification.berichtId])
        }
    }

    private func later(_ notification: Due, _ outcome: String) async throws {
        let pause = min(pow(2, Double(notification.attempts)) * 5, Self.maxPause)
        try await database.write { [store] db in
            try db.execute(
                sql: "UPDATE duo_notificatie SET attempts = attempts + 1, next_attempt_at = ?, uitkomst = ? WHERE bericht_id = ?",
                arguments: [store.now().addingTimeInterval(pause), outcome, notification.berichtId])
        }
    }
}
