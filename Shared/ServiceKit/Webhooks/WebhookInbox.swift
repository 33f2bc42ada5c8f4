import Foundation
import GRDB
import Queue

/// The webhook deliveries a service accepted: stored before the partner gets its 2xx,
/// then handled by its durable job (``WebhookJob``). The row stays (without its data once handled) so
/// that a redelivery of the same `webhook-id` is recognised.
enum WebhookInbox {
    /// The shared migration that creates the table.
    static let migration = Migration("create-webhook-inbox") { db in
        try db.execute(sql: """
            CREATE TABLE webhook_inbox (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                partner_id TEXT NOT NULL,
                webhook_id TEXT NOT NULL,
                type TEXT NOT NULL,
                occurred_at DATETIME NOT NULL,
                data BLOB NOT NULL,
                received_at DATETIME NOT NULL,
                handled_at DATETIME,
                attempts INTEGER NOT NULL DEFAULT 0,
                next_attempt_at DATETIME,
                last_error TEXT,
                UNIQUE (partner_id, webhook_id)
            );
            CREATE INDEX webhook_inbox_pending ON webhook_inbox (id) WHERE handled_at IS NULL;
            """)
    }

    /// Stores `delivery` unless it was received before; returns the new row's id, or nil
    /// for a redelivery.
    static func store(_ delivery: WebhookDelivery, receivedAt: Date, in db: Database) throws -> Int64? {
        try db.execute(
            sql: """
                INSERT OR IGNORE INTO webhook_inbox (partner_id, webhook_id, type, occurred_at, data, received_at)
                VALUES (?, ?, ?, ?, ?, ?)
                """,
            arguments: [delivery.partnerId, delivery.webhookId, delivery.type, delivery.timestamp, delivery.data, receivedAt])
        return db.changesCount == 1 ? db.lastInsertedRowID : nil
    }
}
