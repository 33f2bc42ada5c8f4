import Foundation
import GRDB
import Logging
import Metrics
import Queue
public import ServiceLifecycle

/// Handles stored webhook deliveries in the order they arrived, each in one transaction
/// with marking it handled (its data is then cleared: the service's own tables hold what
/// it needs). A handler that throws is retried with growing pauses, up to an hour apart,
/// while later deliveries go on; the failure is logged with the partner and webhook id.
/// Partners' delivery log entries older than 90 days are pruned here too.
public struct WebhookProcessor: Service {
    let handlers: WebhookHandlers
    let database: DatabasePool
    let signal: ChangeSignal
    let logger: Logger
    let now: @Sendable () -> Date
    /// How long the processor idles when nothing rings (stored deliveries ring at once).
    static let pollInterval: Duration = .seconds(1)

    /// How long partners' delivery log entries are kept.
    static let keepLog: TimeInterval = 90 * 24 * 3600

    public func run() async throws {
        var lastPrune = Date.distantPast
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            let generation = signal.generation
            do {
                try await processDue()
                if now().timeIntervalSince(lastPrune) > 3600 {
                    try PartnerRegistry(database: database).pruneLog(before: now().addingTimeInterval(-Self.keepLog))
                    lastPrune = now()
                }
            } catch {
                // The database refused (busy, full disk): nothing is lost, the rows stay due.
                logger.error("webhook processing failed; trying again", metadata: ["error": "\(error)"])
            }
            await signal.waitForWork(after: generation, timeout: Self.pollInterval)
        }
    }

    /// Handles the deliveries that are due, oldest first, until none is left.
    private func processDue() async throws {
        while !Task.isShuttingDownGracefully {
            let due = try database.read { [now] db in
                try Row.fetchAll(
                    db, sql: """
                        SELECT id, partner_id, webhook_id, type, occurred_at, data, attempts FROM webhook_inbox
                        WHERE handled_at IS NULL AND (next_attempt_at IS NULL OR next_attempt_at <= ?) ORDER BY id LIMIT 100
                        """,
                    arguments: [now()])
            }
            guard !due.isEmpty else { return }
            for row in due where !Task.isShuttingDownGracefully {
                try await handle(row)
            }
        }
    }

    private func handle(_ row: Row) async throws {
        let delivery = WebhookDelivery(
            partnerId: row["partner_id"], webhookId: row["webhook_id"], type: row["type"], timestamp: row["occurred_at"], data: row["data"])
        let id: Int64 = row["id"]
        let attempts: Int = row["attempts"]
        do {
            guard let handler = handlers.entries[delivery.type]?.handle else {
                throw WebhookHandlingError(description: "no handler for event type '\(delivery.type)' in this version")
            }
            try await database.write { [now] db in
                try handler(delivery, db)
                try db.execute(sql: "UPDATE webhook_inbox SET handled_at = ?, data = x'', last_error = NULL WHERE id = ?", arguments: [now(), id])
            }
        } catch {
            let pause = min(pow(2, Double(attempts)), 3600)
            logger.error(
                "handling a webhook failed; trying again later",
                metadata: ["partner": "\(delivery.partnerId)", "webhook.id": "\(delivery.webhookId)", "type": "\(delivery.type)",
                           "attempts": "\(attempts + 1)", "error.type": "\(type(of: error))"])
            Counter(label: "webhooks_handling_failed_total", dimensions: [("partner", delivery.partnerId)]).increment()
            try await database.write { [now] db in
                try db.execute(
                    sql: "UPDATE webhook_inbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ? WHERE id = ?",
                    arguments: [now().addingTimeInterval(pause), String(String(describing: error).prefix(500)), id])
            }
        }
    }
}

/// A delivery the processor could not hand to a handler.
struct WebhookHandlingError: Error, CustomStringConvertible {
    let description: String
}
