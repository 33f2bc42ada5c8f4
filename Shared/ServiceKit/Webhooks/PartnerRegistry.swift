public import Foundation
public import GRDB

/// The partners allowed to push webhooks to a service, their secrets and a log of what
/// they sent, in the service's database.
///
/// Secrets are stored as their `whsec_…` text, not hashed: verifying an HMAC needs the
/// key itself. The database file is created 0600 in a 0700 directory (``ServiceDatabase``),
/// so only the service user can read them; treat a copy of the file as holding them.
public struct PartnerRegistry: Sendable {
    let database: any DatabaseWriter

    /// A registry over a service's database, which has the partner tables.
    public init(database: any DatabaseWriter) {
        self.database = database
    }

    /// Adds a partner and returns its first secret, to hand over once: it is not shown again.
    public func add(id: String, name: String, eventTypes: [String], now: Date = Date()) throws -> WebhookSecret {
        try Self.validate(id: id)
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else { throw PartnerRegistryError(.invalidName, "the partner's name is empty: give --name, e.g. 'COA'") }
        let eventTypes = try String(decoding: JSONEncoder().encode(Self.validated(eventTypes)), as: UTF8.self)
        let secret = WebhookSecret.generate()
        try database.write { db in
            guard try !Self.exists(id, in: db) else {
                throw PartnerRegistryError(.duplicatePartner, "partner '\(id)' exists already: use 'partners rotate-secret' for a new secret")
            }
            try db.execute(
                sql: "INSERT INTO partners (id, name, event_types, active, created_at) VALUES (?, ?, ?, 1, ?)",
                arguments: [id, name, eventTypes, now])
            try db.execute(
                sql: "INSERT INTO partner_secrets (partner_id, secret, created_at) VALUES (?, ?, ?)", arguments: [id, secret.encoded, now])
        }
        return secret
    }

    /// Every partner, by id, with its valid secrets.
    public func partners() throws -> [Partner] {
        try database.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM partners ORDER BY id").map { row in try Self.partner(from: row, in: db) }
        }
    }

    /// The partner with `id`, or `nil`.
    public func partner(id: String) throws -> Partner? {
        try database.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM partners WHERE id = ?", arguments: [id]).map { row in try Self.partner(from: row, in: db) }
        }
    }

    /// Gives the partner a new secret and returns it, to hand over once. The previous
    /// secret stays valid until the next rotation, so the partner can switch without
    /// losing a message; older ones stop working at once. At most two are valid.
    public func rotateSecret(id: String, now: Date = Date()) throws -> WebhookSecret {
        let secret = WebhookSecret.generate()
        try database.write { db in
            guard try Self.exists(id, in: db) else { throw PartnerRegistryError.unknown(id) }
            try db.execute(
                sql: "INSERT INTO partner_secrets (partner_id, secret, created_at) VALUES (?, ?, ?)", arguments: [id, secret.encoded, now])
            try db.execute(
                sql: """
                    DELETE FROM partner_secrets WHERE partner_id = ? AND id NOT IN
                        (SELECT id FROM partner_secrets WHERE partner_id = ? ORDER BY id DESC LIMIT 2)
                    """,
                arguments: [id, id])
        }
        return secret
    }

    /// Refuses the partner's webhooks (401) from now on; its secrets and log are kept.
    public func disable(id: String) throws {
        try setActive(false, id: id)
    }

    /// Accepts the partner's webhooks again, with the secrets it had.
    public func enable(id: String) throws {
        try setActive(true, id: id)
    }

    /// Logs a webhook inside the caller's transaction, so that the log and the work it
    /// records commit together.
    public func record(_ entry: PartnerLogEntry, in db: Database) throws {
        try db.execute(
            sql: "INSERT INTO partner_log (partner_id, at, webhook_id, event_type, outcome, reason) VALUES (?, ?, ?, ?, ?, ?)",
            arguments: [entry.partnerId, entry.at, entry.webhookId, entry.eventType, entry.outcome.rawValue, entry.reason])
    }

    /// Logs a webhook in a transaction of its own, e.g. a rejection that changed nothing else.
    public func record(_ entry: PartnerLogEntry) throws {
        try database.write { db in try record(entry, in: db) }
    }

    /// Deletes log entries written before `date`; returns how many. The log is for looking
    /// into recent deliveries, and anyone can add refusals to it, so it must not grow forever.
    @discardableResult
    func pruneLog(before date: Date) throws -> Int {
        try database.write { db in
            try db.execute(sql: "DELETE FROM partner_log WHERE at < ?", arguments: [date])
            return db.changesCount
        }
    }

    /// The partner's most recent `limit` log entries, newest first.
    public func log(partnerId: String, limit: Int = 50) throws -> [PartnerLogEntry] {
        try database.read { db in
            guard try Self.exists(partnerId, in: db) else { throw PartnerRegistryError.unknown(partnerId) }
            return try Row.fetchAll(
                db, sql: "SELECT * FROM partner_log WHERE partner_id = ? ORDER BY id DESC LIMIT ?", arguments: [partnerId, max(0, limit)]
            ).map { row in
                let outcome: String = row["outcome"]
                return PartnerLogEntry(
                    at: row["at"], partnerId: row["partner_id"], webhookId: row["webhook_id"], eventType: row["event_type"],
                    outcome: PartnerLogEntry.Outcome(rawValue: outcome) ?? .rejected, reason: row["reason"])
            }
        }
    }

    /// The shared migration that creates the partner tables.
    static let migration = Migration("create-partners") { db in
        try db.execute(sql: """
            CREATE TABLE partners (
                id TEXT PRIMARY KEY NOT NULL,
                name TEXT NOT NULL,
                event_types TEXT NOT NULL,
                active INTEGER NOT NULL,
                created_at DATETIME NOT NULL
            );
            CREATE TABLE partner_secrets (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                partner_id TEXT NOT NULL REFERENCES partners(id) ON DELETE CASCADE,
                secret TEXT NOT NULL,
                created_at DATETIME NOT NULL
            );
            CREATE INDEX partner_secrets_partner ON partner_secrets (partner_id, id);
            CREATE TABLE partner_log (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                partner_id TEXT NOT NULL,
                at DATETIME NOT NULL,
                webhook_id TEXT,
                event_type TEXT,
                outcome TEXT NOT NULL,
                reason TEXT
            );
            CREATE INDEX partner_log_partner ON partner_log (partner_id, id);
            """)
    }

    private func setActive(_ active: Bool, id: String) throws {
        try database.write { db in
            try db.execute(sql: "UPDATE partners SET active = ? WHERE id = ?", arguments: [active, id])
            guard db.changesCount == 1 else { throw PartnerRegistryError.unknown(id) }
        }
    }

    private static func exists(_ id: String, in db: Database) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM partners WHERE id = ?)", arguments: [id]) ?? false
    }

    private static func partner(from row: Row, in db: Database) throws -> Partner {
        let id: String = row["id"]
        let eventTypes: String = row["event_types"]
        let secrets = try String.fetchAll(db, sql: "SELECT secret FROM partner_secrets WHERE partner_id = ? ORDER BY id DESC", arguments: [id])
        return Partner(
            id: id, name: row["name"], eventTypes: try JSONDecoder().decode([String].self, from: Data(eventTypes.utf8)),
            active: row["active"], createdAt: row["created_at"], secrets: try secrets.map { try WebhookSecret($0) }, deliveryURL: row["delivery_url"])
    }

    private static func validate(id: String) throws {
        let allowed = id.utf8.allSatisfy { byte in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || byte == UInt8(ascii: "-")
        }
        guard allowed, (1...64).contains(id.utf8.count) else {
            throw PartnerRegistryError(.invalidId, "a partner id is 1 to 64 lowercase letters, digits and dashes, e.g. 'coa' or 'nltraining'")
        }
    }

    private static func validated(_ eventTypes: [String]) throws -> [String] {
        guard !eventTypes.isEmpty else {
            throw PartnerRegistryError(.invalidEventType, "a partner needs at least one event type it may send (--event-type)")
        }
        var unique: [String] = []
        for eventType in eventTypes where !unique.contains(eventType) {
            let allowed = eventType.unicodeScalars.allSatisfy { scalar in
                scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar) || ".-_".unicodeScalars.contains(scalar))
            }
            guard allowed, (1...100).contains(eventType.utf8.count) else {
                throw PartnerRegistryError(
                    .invalidEventType, "an event type is 1 to 100 letters, digits, dots, dashes and underscores, e.g. 'koppeling.created'")
            }
            unique.append(eventType)
        }
        return unique
    }
}
