import DUO
import Foundation
import GRDB
import IntakeDomain
import Logging
import Models
import ServiceKit

/// Handles one of DUO's stored notifications, as a durable job: asks DUO what it points at
/// (``DuoClient``) and applies the answer to the person's file. DUO unreachable or answering
/// 503 delays a notification, never loses it; one for a person intake does not know yet is
/// tried again later (the koppeling may still come). Outcomes are written per notification,
/// without personal data.
struct DuoNotificatieJob: Sendable {
    /// The job kind.
    static let kind = "duo-notificatie"
    /// From 5 seconds, doubling to 6 hours, then every 6 hours: a notification is never dropped.
    static let schedule = RetrySchedule.exponential(first: .seconds(5), maximum: .seconds(6 * 3600))

    let client: DuoClient
    let store: DossierStore
    let notificaties: DuoNotificatieStore
    let database: DatabasePool
    let logger: Logger

    /// The handler, for the process's job runner.
    var handlers: JobHandlers {
        JobHandlers().on(Self.kind, schedule: Self.schedule) { job in try await handle(job.key) }
    }

    private func handle(_ berichtId: String) async throws -> JobOutcome {
        guard let notification = try await database.read({ db in try notificaties.notificatie(berichtId, in: db) }) else {
            return .succeeded("handled before")
        }
        guard let bsn = notification.bsn else { return try await finish(notification, "geen bsn in de melding: niets te doen") }
        guard let id = try await database.read({ db in try store.file(bsn: bsn, in: db) }) else {
            return try await later(notification, "wacht op het dossier: intake kent deze persoon nog niet")
        }
        do {
            return try await finish(notification, try await apply(notification, to: id, bsn: bsn))
        } catch let error as DuoClientError where error.code == .notFound {
            return try await finish(notification, "DUO kent geen gegevens bij deze melding (404)")
        } catch let error as DuoClientError where error.code == .refused || error.code == .configuration {
            // Waiting does not help: the certificate or the OIN must be put right, then the job replayed.
            try await database.write { db in try notificaties.record(berichtId, outcome: "DUO weigert de vraag: \(error.description)", handled: false, in: db) }
            return .failed("duo-\(error.code.name)", error.description)
        } catch let error as DuoClientError {
            logger.warning("DUO did not answer; the notification waits", metadata: ["berichtId": "\(berichtId)", "error": "\(error)"])
            return try await later(notification, "wacht op DUO: \(error.description)")
        } catch let refusal as DomainError {
            return try await finish(notification, "niet toegepast: \(refusal.detail)")
        }
    }

    /// Asks DUO and applies the answer; returns the outcome in words.
    private func apply(_ notification: DuoNotificatieStore.Stored, to id: InburgeraarID, bsn: String) async throws -> String {
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
            let invoer = BredeIntakeInvoer(
                toelichting: "Volgens DUO: \(laatste.resultaat) (\(laatste.behaaldeScore) van \(laatste.benodigdeScore) nodig)", score: score,
                datum: LocalDate(iso8601: laatste.datumAfname))
            do {
                try await database.write { db in try store.recordPart(invoer, for: .leerbaarheidstoets, of: id, by: "duo", in: db) }
                return "uitslag leerbaarheidstoets vastgelegd"
            } catch let refusal as DomainError where refusal.code == .conflict {
                return "uitslag leerbaarheidstoets niet vastgelegd: dossier gesloten"
            }
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

    private func finish(_ notification: DuoNotificatieStore.Stored, _ outcome: String) async throws -> JobOutcome {
        try await database.write { db in try notificaties.record(notification.berichtId, outcome: outcome, handled: true, in: db) }
        return .succeeded(outcome)
    }

    private func later(_ notification: DuoNotificatieStore.Stored, _ outcome: String) async throws -> JobOutcome {
        try await database.write { db in try notificaties.record(notification.berichtId, outcome: outcome, handled: false, in: db) }
        return .retry(outcome)
    }
}
