import Foundation
import GRDB
import Logging
import Models
import ServiceKit
import Synchronization
import TestSupport
import Testing

/// The durable jobs: recorded with the change, carried out by the runner on an injected
/// clock, retried on their schedule, failed or dead where an operator sees them, replayable.
@Suite struct JobRunnerTests {
    static let start = Date(timeIntervalSince1970: 1_800_000_000)
    let service: TestService
    let clock = ManualClock(Self.start)

    init() throws {
        service = try TestService(clock: clock)
    }

    var database: DatabasePool { service.dependencies.database }
    var jobs: JobQueue { service.dependencies.jobs }

    func runner(_ handlers: JobHandlers) -> JobRunner {
        JobRunner(handlers: handlers, jobs: jobs, database: database, logger: Logger(label: "test"), unit: { 0.5 })
    }

    func enqueue(_ kind: String, _ key: String, orderingKey: String? = nil) throws {
        try database.write { db in _ = try jobs.enqueue(kind, key: key, orderingKey: orderingKey, in: db) }
    }

    func job(_ kind: String, _ key: String) throws -> JobRecord {
        try #require(try database.read { try JobRecord.find(kind: kind, key: key, in: $0) })
    }

    @Test func aJobIsRecordedOnlyWithItsTransactionAndOncePerKey() throws {
        struct Rollback: Error {}
        #expect(throws: Rollback.self) {
            try database.write { db in
                try jobs.enqueue("mail", key: "a", in: db)
                throw Rollback()
            }
        }
        try enqueue("mail", "b")
        let again = try database.write { db in try jobs.enqueue("mail", key: "b", in: db) }
        #expect(!again, "the same kind and key twice is one job")
        #expect(try database.read { try JobRecord.list(in: $0) }.map(\.key) == ["b"])
    }

    @Test func oneFailingJobHoldsUpNoOtherAndIsRetriedOnItsSchedule() async throws {
        let calls = Mutex<[String]>([])
        let handlers = JobHandlers().on("mail", schedule: RetrySchedule(delays: [.seconds(5), .seconds(300)], jitter: 0.2)) { job in
            calls.withLock { $0.append(job.key) }
            return job.key == "bad" ? .retry("the relay said 451") : .succeeded()
        }
        try enqueue("mail", "bad")
        try enqueue("mail", "good")
        #expect(try await runner(handlers).runDue() == 2)
        #expect(try job("mail", "good").status == .done)
        let bad = try job("mail", "bad")
        #expect(bad.status == .pending && bad.attempts == 1 && bad.lastNote == "the relay said 451")
        #expect(bad.nextAttemptAt == Self.start.addingTimeInterval(5))

        #expect(try await runner(handlers).runDue() == 0, "not due before its time")
        clock.advance(by: 5)
        #expect(try await runner(handlers).runDue() == 1)
        clock.advance(by: 300)
        #expect(try await runner(handlers).runDue() == 1)
        let dead = try job("mail", "bad")
        #expect(dead.status == .dead && dead.failureCode == "retries-exhausted" && dead.attempts == 3)
        let attempts = try await database.read { try JobRecord.attempts(of: dead.id, in: $0) }
        #expect(attempts.map(\.outcome) == ["retry", "retry", "dead"])
        #expect(calls.withLock { $0 } == ["bad", "good", "bad", "bad"])
    }

    @Test func aFinalFailureAndADomainRefusalStopAtOnceAndCanBeReplayed() async throws {
        let fail = Mutex(true)
        let handlers = JobHandlers()
            .on("duo", schedule: .exponential(first: .seconds(1), maximum: .seconds(60))) { _ in
                fail.withLock { $0 } ? .failed("duo-404", "DUO kent deze persoon niet", responseCode: 404) : .succeeded()
            }
            .on("rule", schedule: .exponential(first: .seconds(1), maximum: .seconds(60))) { _ in
                throw DomainError.conflict("the file is closed")
            }
        try enqueue("duo", "p-1")
        try enqueue("rule", "r-1")
        try await runner(handlers).runDue()
        let failed = try job("duo", "p-1")
        #expect(failed.status == .failed && failed.failureCode == "duo-404")
        #expect(try await database.read { try JobRecord.attempts(of: failed.id, in: $0) }.first?.responseCode == 404)
        #expect(try job("rule", "r-1").failureCode == "conflict")
        #expect(try await database.read { try JobRecord.list(status: .failed, in: $0) }.count == 2)

        fail.withLock { $0 = false }
        #expect(try await database.write { try JobRecord.replay(failed.id, at: clock.now(), in: $0) })
        #expect(try await !database.write { try JobRecord.replay(failed.id, at: clock.now(), in: $0) }, "only a failed or dead job is replayed")
        try await runner(handlers).runDue()
        #expect(try job("duo", "p-1").status == .done)
    }

    @Test func jobsWithOneOrderingKeyRunOneAtATimeInOrder() async throws {
        let order = Mutex<[String]>([])
        let handlers = JobHandlers().on("melding", schedule: .exponential(first: .seconds(1), maximum: .seconds(60))) { job in
            order.withLock { $0.append(job.key) }
            return job.key == "pip-a/1" && job.attempt == 1 ? .retry("DUO is down") : .succeeded()
        }
        try enqueue("melding", "pip-a/1", orderingKey: "pip-a")
        try enqueue("melding", "pip-a/2", orderingKey: "pip-a")
        try enqueue("melding", "pip-b/1", orderingKey: "pip-b")
        try await runner(handlers).runDue()
        #expect(order.withLock { $0 } == ["pip-a/1", "pip-b/1"], "version 2 waits for version 1")
        clock.advance(by: 2)
        try await runner(handlers).runDue()
        try await runner(handlers).runDue()
        #expect(order.withLock { $0 } == ["pip-a/1", "pip-b/1", "pip-a/1", "pip-a/2"])
    }

    @Test func aRetryAfterTheOtherSideNamedWins() async throws {
        let handlers = JobHandlers().on("hook", schedule: RetrySchedule(delays: [.seconds(5)], jitter: 0)) { _ in
            .retry("503", after: .seconds(120), responseCode: 503)
        }
        try enqueue("hook", "h-1")
        try await runner(handlers).runDue()
        #expect(try job("hook", "h-1").nextAttemptAt == Self.start.addingTimeInterval(120))
    }

    @Test func theRunnerStartsAtOnceWhenAJobIsEnqueued() async throws {
        let done = Mutex(false)
        let handlers = JobHandlers().on("mail", schedule: RetrySchedule(delays: [])) { _ in
            done.withLock { $0 = true }
            return .succeeded()
        }
        let task = Task { try await runner(handlers).run() }
        try enqueue("mail", "now")
        let deadline = ContinuousClock.now + .seconds(10)
        while !done.withLock({ $0 }) && ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(5)) }
        task.cancel()
        #expect(done.withLock { $0 })
    }
}
