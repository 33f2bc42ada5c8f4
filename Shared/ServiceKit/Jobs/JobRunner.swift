import Foundation
public import GRDB
public import Logging
import Metrics
import Models
import Queue
public import ServiceLifecycle

/// Carries out the durable jobs that are due: several at a time, never two with the same
/// ordering key, each attempt written to the attempt log. One failing job never holds up
/// another: its outcome is recorded and the round goes on. Runs as a service of the
/// process's group; done jobs are pruned after ``keepDone``.
public struct JobRunner: Service {
    private let handlers: JobHandlers
    private let jobs: JobQueue
    private let database: DatabasePool
    private let logger: Logger
    private let concurrency: Int
    private let unit: @Sendable () -> Double
    /// Jobs taken per round.
    static let batchSize = 64
    /// How long the runner idles when no commit rings: due times pass without a ring.
    static let pollInterval: Duration = .seconds(1)
    /// How long done jobs and their attempts are kept.
    static let keepDone: TimeInterval = 30 * 24 * 3600

    /// A runner for `handlers` over `jobs`. `unit` draws the jitter of retry waits.
    public init(
        handlers: JobHandlers, jobs: JobQueue, database: DatabasePool, logger: Logger, concurrency: Int = 4,
        unit: @escaping @Sendable () -> Double = { Double.random(in: 0...1) }
    ) {
        self.handlers = handlers
        self.jobs = jobs
        self.database = database
        self.logger = logger
        self.concurrency = max(1, concurrency)
        self.unit = unit
    }

    public func run() async throws {
        var lastPrune = Date.distantPast
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            let generation = jobs.signal.generation
            do {
                while try await runDue() > 0 && !Task.isShuttingDownGracefully {}
                if jobs.clock.now().timeIntervalSince(lastPrune) > 3600 {
                    try await prune()
                    lastPrune = jobs.clock.now()
                }
            } catch {
                // The database refused (busy, full disk): nothing is lost, the jobs stay due.
                logger.error("running jobs failed; trying again", metadata: ["error.type": "\(type(of: error))"])
            }
            await jobs.signal.waitForWork(after: generation, timeout: Self.pollInterval)
        }
    }

    /// Runs one round: the jobs due now (at most one per ordering key), up to
    /// ``batchSize``, `concurrency` at a time. Returns how many ran.
    @discardableResult
    public func runDue() async throws -> Int {
        let due = try await dueJobs()
        guard !due.isEmpty else { return 0 }
        try await withThrowingTaskGroup(of: Void.self) { group in
            var running = 0
            for job in due {
                if running == concurrency {
                    try await group.next()
                    running -= 1
                }
                if Task.isShuttingDownGracefully { break }
                group.addTask { try await attempt(job) }
                running += 1
            }
            try await group.waitForAll()
        }
        return due.count
    }

    private func dueJobs() async throws -> [Job] {
        let kinds = handlers.kinds
        guard !kinds.isEmpty else { return [] }
        let now = jobs.clock.now()
        return try await database.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT id, kind, key, ordering_key, payload, attempts, created_at FROM job j
                    WHERE status = 'pending' AND next_attempt_at <= ? AND kind IN (\(databaseQuestionMarks(count: kinds.count)))
                    AND (ordering_key IS NULL OR NOT EXISTS (
                        SELECT 1 FROM job e WHERE e.status = 'pending' AND e.ordering_key = j.ordering_key AND e.id < j.id))
                    ORDER BY next_attempt_at, id LIMIT ?
                    """,
                arguments: StatementArguments([now] + kinds + [Self.batchSize])
            ).map { row in
                Job(id: row["id"], kind: row["kind"], key: row["key"], orderingKey: row["ordering_key"], payload: row["payload"],
                    attempt: (row["attempts"] as Int) + 1, createdAt: row["created_at"])
            }
        }
    }

    private func attempt(_ job: Job) async throws {
        guard let entry = handlers.entries[job.kind] else { return }
        let started = jobs.clock.now()
        let timer = ContinuousClock.now
        let outcome: JobOutcome
        do {
            outcome = try await entry.handle(job)
        } catch let error as DomainError {
            outcome = .failed(error.code.name, error.detail)
        } catch {
            outcome = .retry("the handler threw \(type(of: error))")
        }
        let elapsed = ContinuousClock.now - timer
        try await record(outcome, of: job, schedule: entry.schedule, started: started, elapsed: elapsed)
    }

    private func record(_ outcome: JobOutcome, of job: Job, schedule: RetrySchedule, started: Date, elapsed: Duration) async throws {
        let now = jobs.clock.now()
        let status: JobStatus
        var next: Date?
        var failureCode: String?
        switch outcome.verdict {
        case .succeeded:
            status = .done
        case .failed(let code):
            status = .failed
            failureCode = code
        case .retry(let after):
            if let wait = after ?? schedule.delay(afterAttempt: job.attempt, unit: unit()) {
                status = .pending
                next = now.addingTimeInterval(Double(wait.components.seconds) + Double(wait.components.attoseconds) / 1e18)
            } else {
                status = .dead
                failureCode = "retries-exhausted"
            }
        }
        let note = outcome.note.map { String($0.prefix(1000)) }
        let (nextAttempt, failure) = (next, failureCode)
        let milliseconds = elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000
        try await database.write { db in
            try db.execute(
                sql: """
                    INSERT INTO job_attempt (job_id, attempt, started_at, duration_ms, outcome, response_code, note)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [job.id, job.attempt, started, milliseconds, status == .pending ? "retry" : status.rawValue, outcome.responseCode, note])
            try db.execute(
                sql: """
                    UPDATE job SET status = ?, attempts = ?, next_attempt_at = COALESCE(?, next_attempt_at), failure_code = ?, last_note = ?,
                        finished_at = CASE WHEN ? = 'pending' THEN NULL ELSE ? END
                    WHERE id = ?
                    """,
                arguments: [status.rawValue, job.attempt, nextAttempt, failure, note, status.rawValue, now, job.id])
        }
        Counter(label: "jobs_attempts_total", dimensions: [("kind", job.kind), ("outcome", status == .pending ? "retry" : status.rawValue)]).increment()
        switch status {
        case .dead, .failed:
            logger.error(
                status == .dead ? "a job ran out of retries and is dead; an operator can replay it" : "a job failed for good; an operator can replay it",
                metadata: ["job.id": "\(job.id)", "job.kind": "\(job.kind)", "job.attempts": "\(job.attempt)", "job.failure": "\(failure ?? "")"])
        case .pending:
            logger.notice("a job will be tried again", metadata: ["job.id": "\(job.id)", "job.kind": "\(job.kind)", "job.attempts": "\(job.attempt)"])
        case .done:
            break
        }
    }

    private func prune() async throws {
        let before = jobs.clock.now().addingTimeInterval(-Self.keepDone)
        try await database.write { db in
            try db.execute(
                sql: "DELETE FROM job_attempt WHERE job_id IN (SELECT id FROM job WHERE status = 'done' AND finished_at < ?)", arguments: [before])
            try db.execute(sql: "DELETE FROM job WHERE status = 'done' AND finished_at < ?", arguments: [before])
        }
    }
}
