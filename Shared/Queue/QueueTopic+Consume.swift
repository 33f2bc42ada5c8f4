import CoreMetrics
import Foundation

extension QueueTopic {
    /// Delivers every record to `handler` in order, at least once, as consumer group
    /// `group`, until the task is cancelled. The group's cursor is committed in the
    /// background after each batch (coalescing under load; retried when the disk is full)
    /// and once more on the way out, so a crash redelivers only what was handled since the
    /// last commit.
    ///
    /// A handler that throws is retried with backoff (`options.retry`, slept on `clock`);
    /// after the last attempt the record goes to the dead-letter topic with the group, the
    /// attempt count and the error, and the cursor moves on.
    public func consume<C: Clock<Duration>>(
        group: String, options: ConsumerOptions = ConsumerOptions(), clock: C = ContinuousClock(),
        random: @escaping @Sendable () -> Double = { Double.random(in: 0...1) },
        handler: @Sendable (QueueRecord) async throws -> Void
    ) async throws {
        try QueueName.validate(group, kind: "group")
        let cursors = GroupCursors(topicDirectory: directory)
        let lock = try cursors.lock(group)
        defer { close(lock) }
        let reader = LogReader(directory: directory, topic: name)
        let signal = changes()
        let metrics = QueueMetrics.Group(topic: name, group: group)
        let committed = try cursors.load(group)
        var cursor = committed ?? 0
        let end = try reader.endOffset()
        if cursor > end { cursor = end }
        let committer = CursorCommitter(cursors: cursors, group: group, committed: committed, now: self.options.now)
        if cursor != committed { committer.submit(cursor) }

        do {
            while true {
                try Task.checkCancellation()
                let generation = signal.generation
                let records = try reader.read(from: cursor, maxCount: options.batchSize)
                guard !records.isEmpty else {
                    let end = try reader.endOffset()
                    if cursor > end {
                        cursor = end
                        committer.submit(cursor)
                    }
                    metrics.lag.record(0)
                    await signal.wait(after: generation, timeout: options.pollInterval)
                    continue
                }
                for record in records {
                    try await deliver(record, group: group, options: options, clock: clock, random: random, metrics: metrics, handler: handler)
                    cursor = record.offset + 1
                }
                committer.submit(cursor)
                metrics.lag.record(Double(try reader.endOffset() - cursor))
            }
        } catch {
            try? await committer.finish()
            throw error
        }
    }

    private func deliver<C: Clock<Duration>>(
        _ record: QueueRecord, group: String, options: ConsumerOptions, clock: C, random: @Sendable () -> Double,
        metrics: QueueMetrics.Group, handler: @Sendable (QueueRecord) async throws -> Void
    ) async throws {
        var attempt = 1
        while true {
            do {
                try await handler(record)
                metrics.delivered.increment()
                return
            } catch {
                try Task.checkCancellation()
                guard attempt < options.retry.maxAttempts else {
                    let letter = DeadLetter(
                        topic: name, group: group, offset: record.offset, attempts: attempt, error: String(describing: error),
                        failedAt: self.options.now(), payload: Data(record.payload))
                    _ = try await deadLetters().publish(Array(JSONEncoder.queue.encode(letter)))
                    metrics.deadLettered.increment()
                    return
                }
                metrics.retried.increment()
                try await clock.sleep(for: options.retry.backoff(afterAttempt: attempt, unit: random()))
                attempt += 1
            }
        }
    }
}
