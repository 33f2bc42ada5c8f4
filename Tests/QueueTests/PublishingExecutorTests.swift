import Foundation
@testable import Queue
import Testing

/// Tasks that run on a topic's writer thread (``QueueTopic/publishingExecutor()``).
@Suite struct PublishingExecutorTests {
    /// Each round, the thread runs every ready task before it writes: 40 tasks publishing 25
    /// records each need about 25 syncs, not 1000.
    @Test func tasksOnTheWriterThreadShareWritesAndSyncs() async throws {
        let fixture = try QueueFixture()
        let topic = try fixture.queue.topic("pip")
        let executor = try topic.publishingExecutor()
        let syncsBefore = topic.appendSyncs
        let perTask = try await withThrowingTaskGroup(of: [UInt64].self) { group in
            for task in 0..<40 {
                group.addTask(executorPreference: executor) {
                    var offsets: [UInt64] = []
                    for number in 0..<25 { offsets.append(try await topic.publish(payload(task * 25 + number))) }
                    return offsets
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(Set(perTask.joined()) == Set(0..<1000))
        #expect(perTask.allSatisfy { $0 == $0.sorted() })
        #expect(topic.appendSyncs - syncsBefore <= 60)
        #expect(try topic.read(from: 0, maxCount: 2000).count == 1000)
        #expect(try topic.verify().isEmpty)
    }

    /// While the writer thread waits for the write lock (held here as another process
    /// would), a task that prefers it does not run; it runs once the write is done.
    @Test func aTaskThatPrefersTheWriterThreadRunsOnIt() async throws {
        let fixture = try QueueFixture()
        let topic = try fixture.queue.topic("notifier")
        let executor = try topic.publishingExecutor()
        let otherProcess = try FileIO.open(fixture.root + "/notifier/.lock", O_RDWR)
        defer { close(otherProcess) }
        #expect(flock(otherProcess, LOCK_EX) == 0)
        let blocked = Task { try await topic.publish(payload(0)) }
        try await waitUntil { topic.publishesInProgress == (waiting: 0, writing: 1) }
        let preferring = Task(executorPreference: executor) { ContinuousClock.now }
        try await Task.sleep(for: .milliseconds(200))
        let released = ContinuousClock.now
        flock(otherProcess, LOCK_UN)
        #expect(await preferring.value > released, "the writer thread was held up in the lock until then")
        #expect(try await blocked.value == 0)
    }

    /// A task may keep the executor beyond the topic's life: once the writer thread has
    /// stopped, the task runs in the global pool instead of never.
    @Test func aTaskStillRunsOnceTheWriterThreadHasStopped() async throws {
        let root = NSTemporaryDirectory() + "queue-tests-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: root) }
        var queue: DurableQueue? = try DurableQueue(directory: root)
        let executor = try queue!.topic("intake").publishingExecutor()
        queue = nil
        let (answers, answer) = AsyncStream.makeStream(of: String.self)
        Task(executorPreference: executor) { answer.yield("ran") }
        Task {
            try await Task.sleep(for: .seconds(10))
            answer.yield("still waiting after 10 s")
        }
        var first = answers.makeAsyncIterator()
        #expect(await first.next() == "ran")
    }
}
