import DUO
import Foundation
import GRDB
import Logging
import ServiceKit

/// Sends one fixed PIP version to DUO, as a durable job, and records DUO's answer on the PIP:
/// `geregistreerd` (201), `geweigerd` with DUO's fouttekst (403: a rule of DUO's), or
/// `mislukt` with DUO's fouttekst when DUO cannot take it (400, 401, 404: the job fails
/// for good and an operator sees it). DUO unreachable or answering 5xx delays a melding,
/// never loses it. The versions of one PIP go in order; one PIP's melding never holds up another's.
struct DuoPipMeldingJob: Sendable {
    let client: DuoClient
    let meldingen: DuoPipMeldingen
    let database: DatabasePool
    /// The OIN the region reports under (`bron`).
    let bron: String
    let logger: Logger

    /// The handler, for the process's job runner.
    var handlers: JobHandlers {
        JobHandlers().on(DuoPipMeldingen.kind, schedule: DuoPipMeldingen.schedule) { job in try await send(job) }
    }

    private func send(_ job: Job) async throws -> JobOutcome {
        guard let (pipId, versie) = DuoPipMeldingen.parse(key: job.key) else {
            return .failed("malformed-key", "the job's key is not <pip id>/<version>")
        }
        guard let item = try await database.read({ db in try meldingen.open(pipId: pipId, versie: versie, in: db) }) else {
            return .succeeded("answered before")
        }
        guard let bsn = item.bsn else {
            return try await record(item, "mislukt", ["De PIP heeft geen BSN: melden aan DUO kan niet."], .failed("geen-bsn", "the PIP has no BSN"))
        }
        let answer: DuoMeldingAntwoord
        do {
            answer = try await client.meldPip(item.melding, bsn: bsn, bron: bron)
        } catch where error.code == .unavailable {
            logger.warning("DUO did not take a PIP melding; it waits", metadata: ["pip.id": "\(pipId)", "error": "\(error)"])
            return .retry(error.description)
        } catch {
            let code = "duo-" + (error.status.map(String.init) ?? error.code.name)
            return try await record(item, "mislukt", [error.fouttekst ?? error.description], .failed(code, error.description, responseCode: error.status))
        }
        switch answer {
        case .geregistreerd:
            return try await record(item, "geregistreerd", nil, .succeeded("DUO registered the PIP", responseCode: 201))
        case .geweigerd(let fouten):
            return try await record(item, "geweigerd", fouten, .succeeded("DUO refused the PIP under its rules", responseCode: 403))
        }
    }

    private func record(_ item: DuoPipMeldingen.Open, _ status: String, _ fouten: [String]?, _ outcome: JobOutcome) async throws -> JobOutcome {
        try await database.write { db in try meldingen.record(item, status: status, fouten: fouten, in: db) }
        return outcome
    }
}
