public import Foundation
public import GRDB
public import Models

/// Who read or changed which person's data, allowed or refused: one row per attempt, written
/// in the transaction of the action (or alone, for a refusal). Every service that shows
/// personal data keeps one (intake's files, enrolment's aanmeldingen).
public struct AuditTrail: Sendable {
    let clock: any ServiceClock

    public init(clock: any ServiceClock) {
        self.clock = clock
    }

    /// One attempt as operators read it.
    public struct Entry: Encodable, Sendable {
        public var at: Date
        public var tokenId: String
        public var action: String
        public var inburgeraarId: String?
        public var toegestaan: Bool
    }

    /// Records an attempt by `principal` at `action` on `person`'s data (none for e.g. a registration refused).
    public func record(_ principal: Principal, action: String, dossier person: InburgeraarID?, allowed: Bool, in db: Database) throws {
        try db.execute(
            sql: "INSERT INTO audit_log (at, token_id, action, dossier_id, allowed) VALUES (?, ?, ?, ?, ?)",
            arguments: [clock.now(), principal.tokenId, action, person?.description, allowed])
    }

    /// The newest 1,000 attempts, on `person` when given.
    public func entries(dossier person: InburgeraarID?, in db: Database) throws -> [Entry] {
        try Row.fetchAll(
            db, sql: "SELECT * FROM audit_log WHERE (? IS NULL OR dossier_id = ?) ORDER BY id DESC LIMIT 1000",
            arguments: [person?.description, person?.description]
        ).map { row in
            Entry(at: row["at"], tokenId: row["token_id"], action: row["action"], inburgeraarId: row["dossier_id"], toegestaan: row["allowed"])
        }
    }

    /// The shared migration that creates the audit trail (intake made the same table before
    /// every service had one).
    static let migration = Migration("create-audit-log") { db in
        try db.execute(sql: """
            CREATE TABLE IF NOT EXISTS audit_log (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                at DATETIME NOT NULL,
                token_id TEXT NOT NULL,
                action TEXT NOT NULL,
                dossier_id TEXT,
                allowed INTEGER NOT NULL
            );
            CREATE INDEX IF NOT EXISTS audit_log_dossier ON audit_log (dossier_id, id);
            """)
    }
}
