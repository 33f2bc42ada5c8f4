import DUO
import Foundation
import GRDB
import Models
import ServiceKit

/// The meldingen of fixed PIP versions to DUO in `duo_melding`, each with its durable job
/// (`duo-pip-melding`, key `<pip id>/<version>`, ordered per PIP).
struct DuoPipMeldingen: Sendable {
    /// The job kind.
    static let kind = "duo-pip-melding"
    /// From 5 seconds, doubling to 6 hours, then every 6 hours while DUO is unreachable:
    /// a melding is never dropped.
    static let schedule = RetrySchedule.exponential(first: .seconds(5), maximum: .seconds(6 * 3600))

    /// A melding still waiting for DUO's answer.
    struct Open: Sendable {
        var pipId: String
        var versie: Int
        var melding: DuoPipMelding
        var bsn: String?
    }

    /// Records the job for version `versie` of PIP `pipId`, in the caller's transaction.
    static func enqueue(pipId: String, versie: Int, jobs: JobQueue, in db: Database) throws {
        try jobs.enqueue(kind, key: "\(pipId)/\(versie)", orderingKey: pipId, in: db)
    }

    /// The PIP id and version a job's key names.
    static func parse(key: String) -> (String, Int)? {
        guard let slash = key.lastIndex(of: "/"), let versie = Int(key[key.index(after: slash)...]) else { return nil }
        return (String(key[..<slash]), versie)
    }

    /// The melding if it still waits for DUO's answer, or DUO could not take it (`mislukt`,
    /// so that an operator's replay of the job sends it again); nil once DUO answered.
    func open(pipId: String, versie: Int, in db: Database) throws -> Open? {
        guard let row = try Row.fetchOne(
            db, sql: "SELECT m.melding, p.bsn FROM duo_melding m JOIN pip p ON p.id = m.pip_id WHERE m.pip_id = ? AND m.versie = ? AND m.status IN ('open', 'mislukt')",
            arguments: [pipId, versie])
        else { return nil }
        return Open(pipId: pipId, versie: versie, melding: try ChainJSON.decoder().decode(DuoPipMelding.self, from: Data((row["melding"] as String).utf8)), bsn: row["bsn"])
    }

    /// Records DUO's answer: `geregistreerd`, `geweigerd` or `mislukt`, with DUO's fouttekst.
    func record(_ item: Open, status: String, fouten: [String]?, in db: Database) throws {
        try db.execute(
            sql: "UPDATE duo_melding SET status = ?, fouten = ?, attempts = attempts + 1 WHERE pip_id = ? AND versie = ?",
            arguments: [status, try fouten.map { try ChainJSON.string($0) }, item.pipId, item.versie])
    }

    /// The migration that gives meldingen waiting before the jobs existed a job each.
    static let migration = Migration("move-duo-meldingen-to-jobs") { db in
        for row in try Row.fetchAll(db, sql: "SELECT pip_id, versie FROM duo_melding WHERE status = 'open' ORDER BY pip_id, versie") {
            let pipId: String = row["pip_id"]
            let versie: Int = row["versie"]
            _ = try JobQueue.insert(kind, key: "\(pipId)/\(versie)", orderingKey: pipId, payload: Data(), at: Date(), in: db)
        }
    }
}
