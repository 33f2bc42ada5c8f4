import Foundation
public import GRDB
public import Logging
import Metrics
public import Queue
public import ServiceLifecycle

/// Publishes the outbox to the service's topic, in the order the events were recorded, and
/// marks each published row sent. Runs as a service of the process's ``ServiceGroup``.
///
/// A row is marked sent only after its publish returned (it is durable then); a crash in
/// between publishes it again after the restart. When the queue refuses (a full disk) the
/// relay waits and tries again: nothing is dropped and the service keeps answering.
public struct OutboxRelay: Service {
    private let database: DatabasePool
    private let outbox: Outbox
    private let topic: QueueTopic
    private let logger: Logger
    private let published: Counter
    /// Rows published per queue write.
    static let batchSize = 256
    /// How long the relay sleeps when no commit rings (a fallback; commits ring at once).
    static let pollInterval: Duration = .seconds(1)
    /// How long the relay waits after the queue refused a batch.
    static let retryInterval: Duration = .seconds(2)
    /// How long sent rows are kept, for an operator looking into what was announced.
    static let keepSent: TimeInterval = 7 * 24 * 3600

    private let clock: any ServiceClock

    public init(database: DatabasePool, outbox: Outbox, topic: QueueTopic, logger: Logger, clock: any ServiceClock = SystemClock()) {
        self.clock = clock
        self.database = database
        self.outbox = outbox
        self.topic = topic
        self.logger = logger
        self.published = Counter(label: "outbox_published_total", dimensions: [("topic", topic.name)])
    }

    public func run() async throws {
        var lastPrune = Date.distantPast
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            let generation = outbox.signal.generation
            do {
                if try await publishBatch() { continue }
                if clock.now().timeIntervalSince(lastPrune) > 3600 {
                    try await pruneSent()
                    lastPrune = clock.now()
                }
                await outbox.signal.waitForWork(after: generation, timeout: Self.pollInterval)
            } catch {
                logger.error("outbox relay: publishing failed, trying again", metadata: ["topic": "\(topic.name)", "error": "\(error)"])
                await outbox.signal.waitForWork(after: outbox.signal.generation, timeout: Self.retryInterval)
            }
        }
    }

    /// Publishes the oldest unsent rows; returns whether there were any.
    private func publishBatch() async throws -> Bool {
        let rows = try database.read { db in
            try Row.fetchAll(db, sql: "SELECT id, envelope FROM outbox WHERE sent_at IS NULL ORDER BY id LIMIT ?", arguments: [Self.batchSize])
        }
        guard let last: Int64 = rows.last?["id"] else { return false }
        _ = try await topic.publish(batch: rows.map { Array($0["envelope"] as Data) })
        try await database.write { db in
            try db.execute(sql: "UPDATE outbox SET sent_at = ? WHERE id <= ? AND sent_at IS NULL", arguments: [clock.now(), last])
        }
        published.increment(by: rows.count)
        return true
    }

    private func pruneSent() async throws {
        try await database.write { db in
            try db.execute(sql: "DELETE FROM outbox WHERE sent_at < ?", arguments: [clock.now().addingTimeInterval(-Self.keepSent)])
        }
    }
}
