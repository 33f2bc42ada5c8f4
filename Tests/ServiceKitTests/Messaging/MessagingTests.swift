import Foundation
import GRDB
import Logging
import Models
import Queue
import ServiceKit
import ServiceLifecycle
import Testing

/// Outbox, relay, inbox and consumer in one process, on a real database and queue.
@Suite struct MessagingTests {
    struct Failure: Error {}

    let service = try! TestService()
    var database: DatabasePool { service.dependencies.database }
    var outbox: Outbox { service.dependencies.outbox }

    func koppeling(_ number: Int) -> KoppelingOntvangen {
        KoppelingOntvangen(
            inburgeraarId: InburgeraarID(UUID(uuidString: "00000000-0000-0000-0000-\(String(format: "%012d", number))")!),
            gemeente: try! GemeenteCode("GM0193"), doelgroep: .asielstatushouder, koppeldatum: LocalDate(year: 2026, month: 11, day: 1)!,
            voorlopigePipDeadline: LocalDate(year: 2027, month: 1, day: 10)!)
    }

    /// Runs `service` until `done` holds (at most ten seconds), then shuts it down gracefully.
    func run(_ service: some Service, until done: @escaping @Sendable () throws -> Bool) async throws {
        let group = ServiceGroup(services: [service], logger: Logger(label: "test"))
        let task = Task { try await group.run() }
        let deadline = ContinuousClock.now + .seconds(10)
        while !((try? done()) ?? false) && ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(5)) }
        await group.triggerGracefulShutdown()
        try await task.value
    }

    @Test func anEventIsPublishedOnlyWhenItsTransactionCommits() async throws {
        let topic = try service.dependencies.queue.topic("test")
        try? await database.write { db in
            try outbox.add(koppeling(0), in: db)
            throw Failure()
        }
        let sent = try await database.write { db in
            try (1...3).map { try outbox.add(koppeling($0), in: db) }
        }
        let relay = OutboxRelay(database: database, outbox: outbox, topic: topic, logger: Logger(label: "test"))
        try await run(relay) { try topic.read(from: 0, maxCount: 10).count == 3 }

        let published = try topic.read(from: 0, maxCount: 10).map { try EventEnvelope(json: Data($0.payload)) }
        #expect(published.map(\.id) == sent.map(\.id), "in order, and the rolled-back one is not there")
        #expect(published.first?.source == "/inburgering/test/test")
        #expect(try await database.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL") } == 0)
    }

    @Test func theConsumerHandlesEachEventOnceSkipsUnknownTypesAndDeadLettersGarbage() async throws {
        let topic = try service.dependencies.queue.topic("intake")
        let known = try EventEnvelope(koppeling(1), source: "/inburgering/test/intake", time: Date())
        let unknown = try EventEnvelope(json: Data("""
            {"specversion":"1.0","id":"e-2","source":"/x","type":"nl.inburgering.intake.nieuw.v9","time":"2026-11-26T10:00:00Z",
             "datacontenttype":"application/json","data":{}}
            """.utf8))
        for payload in [try known.json(), try unknown.json(), Data("no event".utf8), try known.json()] {
            _ = try await topic.publish(Array(payload))
        }
        try await database.write { db in try db.execute(sql: "CREATE TABLE seen (id TEXT NOT NULL)") }
        let subscription = EventSubscription(topic: "intake").on(KoppelingOntvangen.self) { event, _, db in
            try db.execute(sql: "INSERT INTO seen (id) VALUES (?)", arguments: [event.inburgeraarId.rawValue.uuidString])
        }
        let consumer = EventConsumer(
            group: "test", subscriptions: [subscription], queue: service.dependencies.queue, database: database, logger: Logger(label: "test"),
            options: ConsumerOptions(retry: RetryPolicy(maxAttempts: 1), pollInterval: .milliseconds(20)))
        try await run(consumer) { try topic.status().groups.first?.cursor == 4 }

        #expect(try await database.read { try String.fetchAll($0, sql: "SELECT id FROM seen") } == [koppeling(1).inburgeraarId.rawValue.uuidString], "handled once, the copy skipped")
        let letters = try topic.pendingDeadLetters()
        #expect(letters.map(\.letter.offset) == [2], "the record that is no event")
    }
}
