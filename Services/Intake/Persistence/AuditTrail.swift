import Foundation
import GRDB
import Models
import ServiceKit

/// Who read or changed which file, allowed or refused: one row per attempt, written before
/// the action is carried out.
struct AuditTrail: Sendable {
    let clock: any ServiceClock

    /// One attempt as operators read it.
    struct Entry: Encodable, Sendable {
        var at: Date
        var tokenId: String
        var action: String
        var inburgeraarId: String?
        var toegestaan: Bool
    }

    /// Records an attempt by `principal` at `action` on `dossier` (none for a registration refused).
    func record(_ principal: Principal, action: String, dossier: InburgeraarID?, allowed: Bool, in db: Database) throws {
        try db.execute(
            sql: "INSERT INTO audit_log (at, token_id, action, dossier_id, allowed) VALUES (?, ?, ?, ?, ?)",
            arguments: [clock.now(), principal.tokenId, action, dossier?.description, allowed])
    }

    /// The newest 1,000 attempts, on `dossier` when given.
    func entries(dossier: InburgeraarID?, in db: Database) throws -> [Entry] {
        try Row.fetchAll(
            db, sql: "SELECT * FROM audit_log WHERE (? IS NULL OR dossier_id = ?) ORDER BY id DESC LIMIT 1000",
            arguments: [dossier?.description, dossier?.description]
        ).map { row in
            Entry(at: row["at"], tokenId: row["token_id"], action: row["action"], inburgeraarId: row["dossier_id"], toegestaan: row["allowed"])
        }
    }
}
