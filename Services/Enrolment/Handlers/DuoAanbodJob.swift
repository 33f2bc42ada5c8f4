import DUO
import Foundation
import GRDB
import Logging
import Models
import ServiceKit

/// Sends enrolment's meldingen to DUO as durable jobs: the person's hours (the cumulative
/// total), and each Inburgeringsaanbod melding (aanmelden or intrekken),
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

    /// Enrolment's hours, for the uren melding.
    let store: EnrolmentStore

    var handlers: JobHandlers {
        JobHandlers()
            .on(DuoAanbodMeldingen.kind, schedule: DuoAanbodMeldingen.schedule) { job in try await send(job) }
            .on(DuoUrenMeldingen.kind, schedule: DuoUrenMeldingen.schedule) { job in try await sendUren(job) }
    }

    /// Sends the person's hours as they stand now; a person without a BSN cannot be reported.
    private func sendUren(_ job: Job) async throws -> JobOutcome {
        guard let person = DuoUrenMeldingen.person(ofKey: job.key) else { return .failed("malformed-key", "the job's key is not <person>/<total>") }
        let (gegevens, totaal) = try await database.read { [store] db in (try store.persoonsgegevens(of: person, in: db), try store.uren(of: person, in: db)) }
        guard let bsn = gegevens?.bsn else { return .failed("geen-bsn", "no BSN for the person") }
        do {
            switch try await client.meldUrenParticipatietaalles(totaal, bsn: bsn.digits, bron: bron) {
            case .geregistreerd: return .succeeded("DUO holds \(totaal) hours", responseCode: 200)
            case .geweigerd(let fouten): return .failed("duo-403", fouten.joined(separator: "; "), responseCode: 403)
            }
        } catch where error.code == .unavailable {
            return .retry(error.description)
        } catch {
            return .failed("duo-" + (error.status.map(String.init) ?? error.code.name), error.description, responseCode: error.status)
        }
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
