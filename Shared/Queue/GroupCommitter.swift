import Foundation

/// Gathers concurrent publishes into one write and one fsync (group commit).
///
/// A dedicated thread does the writing: while it writes and syncs one batch, new publishes
/// wait in `pending`; when the sync returns, all of them go out together in the next write.
/// A thread of its own (rather than a task that hops to a dispatch queue) keeps a publish to
/// two thread wake-ups, and keeps blocking file I/O off the cooperative pool: a sync can take
/// seconds on a busy disk, and the pool has one thread per core. (Letting the publishing
/// task write and sync itself saves the two wake-ups — 1.64× instead of 1.40× Redis for one
/// publisher, 1.14× instead of 0.86× for 8 processes, same run — but stalled whole test
/// processes in a freshly built tree; measured and not kept.)
///
/// The thread is also a task executor (``executor``): a task that prefers it runs on the
/// writer thread between writes, so its publishes need no wake-ups at all. The thread runs
/// every such task that is ready before it takes the next batch, so their publishes, too,
/// share writes and syncs.
final class GroupCommitter: Sendable {
    private let core: Core

    init(writer: LogWriter, now: @escaping @Sendable () -> Int64, written: @escaping @Sendable (Int, Duration) -> Void) {
        core = Core(writer: writer, now: now, written: written)
        let core = core
        let thread = Thread { core.run() }
        thread.name = "queue-writer-\(writer.topic)"
        thread.start()
    }

    deinit { core.stop() }

    /// The `fdatasync` calls made so far, for tests: read it when no publish is under way.
    var appendSyncs: Int { core.writer.appendSyncs }

    /// How many publishes are waiting, and how many are being written, for tests.
    var inProgress: (waiting: Int, writing: Int) { core.condition.withLock { (core.pending.count, core.writing) } }

    /// Runs the tasks that prefer it on the writer thread, between writes.
    var executor: any TaskExecutor { core }

    /// Appends `payloads` and returns the first offset once they are durable.
    func append(_ payloads: [[UInt8]]) async throws(QueueError) -> UInt64 {
        let result = await withCheckedContinuation { continuation in core.enqueue(payloads, continuation) }
        return try result.get()
    }

    /// The writer thread's state; the thread keeps it alive until stopped.
    private final class Core: TaskExecutor, @unchecked Sendable {
        typealias Entry = (payloads: [[UInt8]], continuation: CheckedContinuation<Result<UInt64, QueueError>, Never>)

        /// The most bytes one write takes, so a flood of publishes still gets regular syncs.
        static let maxBatchBytes = 8 << 20
        let writer: LogWriter
        let now: @Sendable () -> Int64
        let written: @Sendable (Int, Duration) -> Void
        let condition = NSCondition()
        /// Guarded by `condition`.
        var pending: [Entry] = []
        /// Guarded by `condition`: parts of tasks that prefer this thread, ready to run.
        var jobs: [UnownedJob] = []
        /// How many publishes the batch being written holds.
        var writing = 0
        var stopped = false

        init(writer: LogWriter, now: @escaping @Sendable () -> Int64, written: @escaping @Sendable (Int, Duration) -> Void) {
            self.writer = writer
            self.now = now
            self.written = written
        }

        func enqueue(_ payloads: [[UInt8]], _ continuation: CheckedContinuation<Result<UInt64, QueueError>, Never>) {
            condition.withLock {
                pending.append((payloads, continuation))
                condition.signal()
            }
        }

        /// Takes a task that prefers the writer thread; once the thread has stopped, the
        /// task goes on in the global pool instead.
        func enqueue(_ job: consuming ExecutorJob) {
            let job = UnownedJob(job)
            let taken = condition.withLock {
                guard !stopped else { return false }
                jobs.append(job)
                condition.signal()
                return true
            }
            if !taken { globalConcurrentExecutor.enqueue(job) }
        }

        func stop() {
            condition.withLock {
                stopped = true
                condition.signal()
            }
        }

        /// Runs ready tasks and writes batches until stopped with nothing left to do.
        func run() {
            while let work = nextWork() {
                switch work {
                case .tasks(let ready):
                    for job in ready { job.runSynchronously(on: asUnownedTaskExecutor()) }
                case .batch(let batch):
                    write(batch)
                }
            }
        }

        private enum Work {
            case tasks([UnownedJob])
            case batch([Entry])
        }

        /// Writes and syncs one batch, then resumes its publishes with their offsets or the error.
        private func write(_ batch: [Entry]) {
            let start = ContinuousClock.now
            let payloads = batch.flatMap(\.payloads)
            let result = Result { () throws(QueueError) in try writer.append(payloads, timestampMilliseconds: now()) }
            switch result {
            case .success(var offset):
                written(payloads.count, ContinuousClock.now - start)
                for entry in batch {
                    entry.continuation.resume(returning: .success(offset))
                    offset += UInt64(entry.payloads.count)
                }
            case .failure:
                for entry in batch { entry.continuation.resume(returning: result) }
            }
            condition.withLock { writing = 0 }
        }

        /// Waits for work: the tasks that are ready (first, so that what they publish joins
        /// the next write), else as many publishes as one write may hold; nil once stopped
        /// with nothing left.
        private func nextWork() -> Work? {
            condition.withLock {
                while pending.isEmpty && jobs.isEmpty && !stopped { condition.wait() }
                if !jobs.isEmpty {
                    defer { jobs = [] }
                    return .tasks(jobs)
                }
                guard !pending.isEmpty else { return nil }
                var bytes = 0
                var count = 0
                for entry in pending {
                    let size = entry.payloads.reduce(0) { $0 + $1.count }
                    if count > 0 && bytes + size > Self.maxBatchBytes { break }
                    bytes += size
                    count += 1
                }
                let batch = Array(pending.prefix(count))
                pending.removeFirst(count)
                writing = count
                return .batch(batch)
            }
        }
    }
}
