import DUO
import Foundation
import GRDB
import Logging
import ServiceKit

/// Sends one Inburgeringsaanbod melding (aanmelden or intrekken) to DUO, as a durable job,
/// and records DUO's answer on the placement: `geregistreerd`, `geweigerd` with DUO's
/// fouttekst (403: one of DUO's rules), or `mislukt` when DUO cannot take it (400, 401, 404:
/// the job fails for good and an operator sees it). DUO down delays a melding, never loses it.
struct DuoAanbodJob: Sendable {
    let client: DuoClient
    let meldingen: DuoAanbodMeldingen
    let database: DatabasePool
    /// The OIN the region reports under (`bron`).
    let bron: String
    let logger: Logger

    var handlers: JobHandlers {
        JobHandlers().on(DuoAanbodMeldingen.kind, schedule: DuoAanbodMeldingen.schedule) { job in try await send(job) }
    }

    private func send(_ job: Job) async throws -> JobOutcome {
        let parts = job.key.split(separator: "/")
        guard parts.count == 2, let actie = DuoAanbodMeldingen.Actie(rawValue: String(parts[1])) else {
            return .failed("malformed-key", "the job's key is not <plaatsing id>/<aanmelden|intrekken>")
        }
        guard let open = try await database.read({ db in try meldingen.open(String(parts[0]), actie, in: db) }) else { return .succeeded("answered before") }
        guard let bsn = open.bsn else {
            return try await record(open, "mislukt", ["Van deze persoon is geen BSN bekend: melden aan DUO kan niet."], .failed("geen-bsn", "no BSN for the person"))
        }
        let answer: DuoMeldingAntwoord
        do {
            switch actie {
            case .aanmelden: answer = try await client.meldInburgeringsaanbod(open.melding, bsn: bsn, instellingsnummer: open.instellingsnummer, bron: bron)
            case .intrekken: answer = try await client.trekInburgeringsaanbodIn(bsn: bsn, instellingsnummer: open.instellingsnummer, bron: bron)
            }
        } catch where error.code == .unavailable {
            logger.warning("DUO did not take an Inburgeringsaanbod melding; it waits", metadata: ["plaatsing.id": "\(open.plaatsingId)"])
            return .retry(error.description)
        } catch {
            let code = "duo-" + (error.status.map(String.init) ?? error.code.name)
            return try await record(open, "mislukt", [error.fouttekst ?? error.description], .failed(code, error.description, responseCode: error.status))
        }
        switch answer {
        case .geregistreerd: return try await record(open, "geregistreerd", nil, .succeeded("DUO registered it"))
        case .geweigerd(let fouten): return try await record(open, "geweigerd", fouten, .succeeded("DUO refused it under its rules", responseCode: 403))
        }
    }

    private func record(_ open: DuoAanbodMeldingen.Open, _ status: String, _ fouten: [String]?, _ outcome: JobOutcome) async throws -> JobOutcome {
        try await database.write { db in try meldingen.record(open, status: status, fouten: fouten, in: db) }
        return outcome
    }
}
