import Foundation
import GRDB
import Models
import ServiceKit

/// Opens draft PIPs and reads them.
struct PipStore: Sendable {
    let outbox: Outbox
    let policy: RouteAdvice.Policy
    let now: @Sendable () -> Date

    /// One PIP as a case worker sees it.
    struct Pip: Codable, Sendable, Equatable {
        var id: String
        var inburgeraarId: InburgeraarID
        var gemeente: GemeenteCode
        var doelgroep: Doelgroep
        /// `concept` until it is fixed.
        var status: String
        var advies: RouteAdvice
        var samenvatting: IntakeAfgerond.Samenvatting
        var intakeAfgerondOp: Date
        var aangemaaktOp: Date
    }

    /// Opens a draft PIP with its route advice for a completed intake; a person who has one
    /// already keeps it (the event may come twice).
    func openDraft(for intake: IntakeAfgerond, in db: Database) throws {
        let id = "pip-" + UUID().uuidString.lowercased()
        let advies = RouteAdvice.advise(intake.samenvatting, policy: policy)
        try db.execute(
            sql: """
                INSERT OR IGNORE INTO pip (id, inburgeraar_id, gemeente, doelgroep, status, advies, samenvatting, intake_afgerond_op, created_at)
                VALUES (?, ?, ?, ?, 'concept', ?, ?, ?, ?)
                """,
            arguments: [
                id, intake.inburgeraarId.description, intake.gemeente.rawValue, intake.doelgroep.rawValue, try json(advies),
                try json(intake.samenvatting), intake.afgerondOp, now(),
            ])
        guard db.changesCount == 1 else { return }
        try outbox.add(
            PipConceptAangemaakt(pipId: id, inburgeraarId: intake.inburgeraarId, gemeente: intake.gemeente, geadviseerdeRoute: advies.route),
            in: db, time: now())
    }

    /// A municipality's PIPs, newest first, optionally of one status.
    func pips(of gemeente: GemeenteCode, status: String?, in db: Database) throws -> [Pip] {
        try Row.fetchAll(
            db, sql: "SELECT * FROM pip WHERE gemeente = ? AND (? IS NULL OR status = ?) ORDER BY created_at DESC LIMIT 500",
            arguments: [gemeente.rawValue, status, status]
        ).map(pip)
    }

    /// One PIP, or nil.
    func pip(_ id: String, in db: Database) throws -> Pip? {
        try Row.fetchOne(db, sql: "SELECT * FROM pip WHERE id = ?", arguments: [id]).map(pip)
    }

    private func pip(_ row: Row) throws -> Pip {
        let decoder = ChainJSON.decoder()
        guard let uuid = UUID(uuidString: row["inburgeraar_id"]) else { throw PipStoreError() }
        return Pip(
            id: row["id"], inburgeraarId: InburgeraarID(uuid), gemeente: try GemeenteCode(row["gemeente"] as String),
            doelgroep: Doelgroep(rawValue: row["doelgroep"]) ?? .asielstatushouder, status: row["status"],
            advies: try decoder.decode(RouteAdvice.self, from: Data((row["advies"] as String).utf8)),
            samenvatting: try decoder.decode(IntakeAfgerond.Samenvatting.self, from: Data((row["samenvatting"] as String).utf8)),
            intakeAfgerondOp: row["intake_afgerond_op"], aangemaaktOp: row["created_at"])
    }

    private func json(_ value: some Encodable) throws -> String {
        String(decoding: try ChainJSON.encoder().encode(value), as: UTF8.self)
    }
}

/// The database holds something the store did not write.
struct PipStoreError: Error, CustomStringConvertible {
    var description: String { "a PIP's person id in the database is not a UUID" }
}
