public import Foundation
public import GRDB
public import Models

/// The events a service has handled, by id, so that a second delivery of one (the queue
/// delivers at least once; a relay may publish twice) changes nothing.
public enum Inbox {
    /// Records that `envelope` is being handled and returns `true`, or returns `false` when
    /// it was handled before. Call it inside the transaction that applies the event's
    /// effects: they and the record commit together, or neither does.
    public static func accept(_ envelope: EventEnvelope, in db: Database, now: Date = Date()) throws -> Bool {
        try db.execute(
            sql: "INSERT OR IGNORE INTO inbox (event_id, source, type, handled_at) VALUES (?, ?, ?, ?)",
            arguments: [envelope.id, envelope.source, envelope.type, now])
        return db.changesCount == 1
    }

    /// The shared migration that creates the inbox table.
    static let migration = Migration("create-inbox") { db in
        try db.execute(sql: """
            CREATE TABLE inbox (
                event_id TEXT PRIMARY KEY,
                source TEXT NOT NULL,
                type TEXT NOT NULL,
                handled_at DATETIME NOT NULL
            ) WITHOUT ROWID
            """)
    }
}
