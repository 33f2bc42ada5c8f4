public import Foundation
public import GRDB
public import Models
import Queue

/// The events a service announces, recorded in the same SQLite transaction as the change
/// they announce, and published to the service's topic by ``OutboxRelay``.
///
/// Because the event is written with the change, a crash can never leave a change without
/// its event; at worst (a crash between publishing and marking the row sent) the relay
/// publishes it twice, and consumers' ``Inbox`` skips the second copy.
public final class Outbox: Sendable {
    /// The CloudEvents `source` of this service's events: `/inburgering/<region>/<service>`.
    public let source: String
    /// Rung after a transaction that added events commits, so the relay publishes at once.
    let signal = ChangeSignal()

    public init(source: String) {
        self.source = source
    }

    /// Records `event` for publication as part of the caller's transaction: it is published
    /// if and only if that transaction commits. Returns the envelope it will travel in.
    @discardableResult
    public func add<Event: DomainEvent>(_ event: Event, in db: Database, time: Date = Date()) throws -> EventEnvelope {
        let envelope = try EventEnvelope(event, source: source, time: time)
        try db.execute(
            sql: "INSERT INTO outbox (event_id, type, envelope, created_at) VALUES (?, ?, ?, ?)",
            arguments: [envelope.id, envelope.type, try envelope.json(), time])
        let signal = signal
        db.afterNextTransaction(onCommit: { _ in signal.bump() })
        return envelope
    }

    /// The shared migration that creates the outbox table.
    static let migration = Migration("create-outbox") { db in
        try db.execute(sql: """
            CREATE TABLE outbox (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                event_id TEXT NOT NULL UNIQUE,
                type TEXT NOT NULL,
                envelope BLOB NOT NULL,
                created_at DATETIME NOT NULL,
                sent_at DATETIME
            );
            CREATE INDEX outbox_unsent ON outbox (id) WHERE sent_at IS NULL;
            """)
    }
}
