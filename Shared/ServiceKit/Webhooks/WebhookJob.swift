import Foundation
import GRDB
import Metrics
import Models

/// Handling a stored webhook delivery, as a durable job: the partner's delivery was stored
/// (and answered 2xx) first; this job runs its handler in one transaction with marking it
/// handled (its data is then cleared: the service's own tables hold what it needs). A handler
/// that throws a ``DomainError`` fails for good (the operator sees why and may replay it);
/// any other error is retried, up to an hour apart, for days.
enum WebhookJob {
    /// The job kind.
    static let kind = "webhook"

    /// Retried from a second, doubling to an hour, 100 attempts in all (about four days).
    static let schedule = RetrySchedule.exponential(first: .seconds(1), maximum: .seconds(3600), attempts: 100)

    /// Records the job for the delivery stored as inbox row `id`, in the caller's transaction.
    static func enqueue(inboxRow id: Int64, partnerId: String, webhookId: String, jobs: JobQueue, in db: Database) throws {
        try jobs.enqueue(kind, key: "\(partnerId)/\(webhookId)", payload: Data(String(id).utf8), in: db)
    }

    /// The migration that gives deliveries stored before the jobs existed a job each.
    static let migration = Migration("move-webhook-inbox-to-jobs") { db in
        for row in try Row.fetchAll(db, sql: "SELECT id, partner_id, webhook_id, received_at FROM webhook_inbox WHERE handled_at IS NULL ORDER BY id") {
            let id: Int64 = row["id"]
            _ = try JobQueue.insert(
                kind, key: "\(row["partner_id"] as String)/\(row["webhook_id"] as String)", orderingKey: nil, payload: Data(String(id).utf8),
                at: row["received_at"], in: db)
        }
    }

    /// The handler for `handlers`' event types.
    static func handlers(_ handlers: WebhookHandlers, database: DatabasePool, clock: any ServiceClock) -> JobHandlers {
        JobHandlers().on(kind, schedule: schedule) { job in
            guard let id = Int64(job.payloadText),
                let row = try await database.read({ db in
                    try Row.fetchOne(db, sql: "SELECT partner_id, webhook_id, type, occurred_at, data, handled_at FROM webhook_inbox WHERE id = ?", arguments: [id])
                })
            else { return .failed("no-delivery", "the stored delivery of this job is gone") }
            if (row["handled_at"] as Date?) != nil { return .succeeded("handled before") }
            let delivery = WebhookDelivery(
                partnerId: row["partner_id"], webhookId: row["webhook_id"], type: row["type"], timestamp: row["occurred_at"], data: row["data"])
            guard let handler = handlers.entries[delivery.type]?.handle else {
                return .failed("unknown-type", "no handler for event type '\(delivery.type)' in this version")
            }
            do {
                try await database.write { db in
                    try handler(delivery, db)
                    try db.execute(sql: "UPDATE webhook_inbox SET handled_at = ?, data = x'', last_error = NULL WHERE id = ?", arguments: [clock.now(), id])
                }
                return .succeeded()
            } catch {
                Counter(label: "webhooks_handling_failed_total", dimensions: [("partner", delivery.partnerId)]).increment()
                let note = (error as? DomainError)?.detail ?? "the handler threw \(type(of: error))"
                try await database.write { db in
                    try db.execute(sql: "UPDATE webhook_inbox SET attempts = attempts + 1, last_error = ? WHERE id = ?", arguments: [String(note.prefix(500)), id])
                }
                throw error
            }
        }
    }
}
