import Foundation
public import GRDB
public import Logging
import Metrics
import Models
public import Queue
public import ServiceLifecycle

/// Delivers other services' events to this service's handlers: one consumer group per
/// service (its name), one consumer per subscribed topic. Runs as a service of the
/// process's ``ServiceGroup`` and stops at graceful shutdown.
///
/// Each event is handled in one transaction with its ``Inbox`` record, so its effects
/// happen once however often it is delivered. Unknown types are skipped and counted
/// (`events_skipped_total`); a handler that throws is retried and then dead-lettered by
/// the queue; a record that is no CloudEvents envelope goes the same way.
public struct EventConsumer: Service {
    private let group: String
    private let subscriptions: [EventSubscription]
    private let queue: DurableQueue
    private let database: DatabasePool
    private let logger: Logger
    private let options: ConsumerOptions
    private let clock: any ServiceClock
    /// How long a consumer whose topic failed (damage, see docs/queue.md) waits before it
    /// tries again; the operator's repair then takes effect without a restart.
    static let restartInterval: Duration = .seconds(30)

    public init(
        group: String, subscriptions: [EventSubscription], queue: DurableQueue, database: DatabasePool, logger: Logger,
        options: ConsumerOptions = ConsumerOptions(), clock: any ServiceClock = SystemClock()
    ) {
        self.clock = clock
        self.group = group
        self.subscriptions = subscriptions
        self.queue = queue
        self.database = database
        self.logger = logger
        self.options = options
    }

    public func run() async throws {
        await cancelWhenGracefulShutdown {
            await withTaskGroup(of: Void.self) { tasks in
                for subscription in subscriptions {
                    tasks.addTask { await consume(subscription) }
                }
            }
        }
    }

    /// Consumes one topic until cancelled, starting again after a failure.
    private func consume(_ subscription: EventSubscription) async {
        let metadata: Logger.Metadata = ["topic": "\(subscription.topic)", "group": "\(group)"]
        while !Task.isCancelled {
            do {
                let topic = try queue.topic(subscription.topic)
                try await topic.consume(group: group, options: options) { record in
                    try await handle(record, subscription)
                }
            } catch is CancellationError {
                return
            } catch {
                logger.error("consuming stopped; trying again in \(Self.restartInterval)", metadata: metadata.merging(["error": "\(error)"]) { $1 })
                try? await Task.sleep(for: Self.restartInterval)
            }
        }
    }

    private func handle(_ record: QueueRecord, _ subscription: EventSubscription) async throws {
        let envelope: EventEnvelope
        do {
            envelope = try EventEnvelope(json: Data(record.payload))
        } catch {
            logger.error("not a CloudEvents envelope", metadata: ["topic": "\(subscription.topic)", "offset": "\(record.offset)"])
            throw EventConsumerError(topic: subscription.topic, offset: record.offset, reason: "not a CloudEvents 1.0 JSON envelope")
        }
        let dimensions = [("topic", subscription.topic), ("type", envelope.type)]
        guard let handler = subscription.handlers[envelope.type] else {
            Counter(label: "events_skipped_total", dimensions: dimensions).increment()
            return
        }
        let first: Bool
        do {
            first = try await database.write { db in
                guard try Inbox.accept(envelope, in: db, now: clock.now()) else { return false }
                try handler(envelope, db)
                return true
            }
        } catch {
            logger.warning(
                "handling an event failed; the queue retries it, then dead-letters it",
                metadata: ["topic": "\(subscription.topic)", "offset": "\(record.offset)", "type": "\(envelope.type)",
                           "event.id": "\(envelope.id)", "error.type": "\(type(of: error))"])
            throw error
        }
        Counter(label: first ? "events_handled_total" : "events_duplicate_total", dimensions: dimensions).increment()
    }
}

/// A record the consumer could not make into an event.
struct EventConsumerError: Error, CustomStringConvertible {
    let topic: String
    let offset: UInt64
    let reason: String
    var description: String { "\(topic) offset \(offset): \(reason)" }
}
