import DUO
import Foundation
import GRDB
import Logging
import ServiceKit
import ServiceLifecycle

/// Sends fixed PIP versions to DUO from the `duo_melding` table, oldest first, and records
/// DUO's answer on the PIP. DUO unreachable or answering 5xx delays a melding (tried again,
/// ever more slowly), never loses it; DUO's refusal (403) is recorded with its fouttekst.
struct DuoPipMelder: Service {
    let client: DuoClient
    let database: DatabasePool
    /// The OIN the region reports under (`bron`).
    let bron: String
    let logger: Logger
    let now: @Sendable () -> Date
    static let pollInterval: Duration = .seconds(2)

    func run() async throws {
        await repeatUntilShutdown(every: Self.pollInterval, logger: logger, failure: "sending PIP meldingen to DUO failed; trying again") {
            try await sendDue()
        }
        try await client.shutdown()
    }

    private struct Due: Sendable {
        var pipId: String
        var versie: Int
        var melding: String
        var bsn: String?
        var attempts: Int
    }

    private func sendDue() async throws {
        let due = try await database.read { [now] db in
            try Row.fetchAll(db, sql: """
                SELECT m.pip_id, m.versie, m.melding, m.attempts, p.bsn FROM duo_melding m JOIN pip p ON p.id = m.pip_id
                WHERE m.status = 'open' AND (m.next_attempt_at IS NULL OR m.next_attempt_at <= ?) ORDER BY m.pip_id, m.versie LIMIT 50
                """, arguments: [now()]
            ).map { Due(pipId: $0["pip_id"], versie: $0["versie"], melding: $0["melding"], bsn: $0["bsn"], attempts: $0["attempts"]) }
        }
        for item in due where !Task.isShuttingDownGracefully {
            guard let bsn = item.bsn else {
                try await record(item, status: "geweigerd", fouten: ["De PIP heeft geen BSN: melden aan DUO kan niet."])
                continue
            }
            do {
                let melding = try JSONDecoder().decode(DuoPipMelding.self, from: Data(item.melding.utf8))
                switch try await client.meldPip(melding, bsn: bsn, bron: bron) {
                case .geregistreerd: try await record(item, status: "geregistreerd", fouten: nil)
                case .geweigerd(let fouten): try await record(item, status: "geweigerd", fouten: fouten)
                }
            } catch let error as DuoClientError where error.code == .unavailable {
                logger.warning("DUO did not take a PIP melding; it waits", metadata: ["pip.id": "\(item.pipId)", "error": "\(error)"])
                let pause = min(pow(2, Double(item.attempts)) * 5, 6 * 3600)
                try await database.write { [now] db in
                    try db.execute(
                        sql: "UPDATE duo_melding SET attempts = attempts + 1, next_attempt_at = ? WHERE pip_id = ? AND versie = ?",
                        arguments: [now().addingTimeInterval(pause), item.pipId, item.versie])
                }
            }
        }
    }

    private func record(_ item: Due, status: String, fouten: [String]?) async throws {
        let text = try fouten.map { String(decoding: try JSONEncoder().encode($0), as: UTF8.self) }
        try await database.write { db in
            try db.execute(
                sql: "UPDATE duo_melding SET status = ?, fouten = ?, attempts = attempts + 1 WHERE pip_id = ? AND versie = ?",
                arguments: [status, text, item.pipId, item.versie])
        }
    }
}
