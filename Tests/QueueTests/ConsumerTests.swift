import Foundation
@testable import Queue
import Testing

@Suite struct ConsumerTests {
    struct Failure: Error, CustomStringConvertible {
        var description: String { "handler refused the record" }
    }

    @Test func aGroupSeesEveryRecordInOrderAndResumesAfterItsCursor() async throws {
        let fixture = try QueueFixture()
        let topic = try fixture.queue.topic("intake")
        for number in 0..<30 { _ = try await topic.publish(payload(number)) }
        let first = Collected()
        try await consumeUntil(topic, group: "pip", done: { first.count == 30 }) { first.append($0) }
        #expect(first.all.map(\.offset) == Array(0..<30))

        for number in 30..<40 { _ = try await topic.publish(payload(number)) }
        let second = Collected()
        try await consumeUntil(topic, group: "pip", done: { second.count == 10 }) { second.append($0) }
        #expect(second.all.map(\.offset) == Array(30..<40))
        #expect(try topic.status().groups == [.init(name: "pip", cursor: 40, lag: 0, oldestUnconsumedAgeSeconds: nil)])
    }

    /// A cursor that cannot be committed (here: its temporary file's name is taken by a
    /// directory, as a full disk would refuse it) holds up neither delivery nor the consumer;
    /// the commit succeeds by itself once it can.
    @Test func aFailingCursorCommitIsRetriedWhileDeliveryGoesOn() async throws {
        let fixture = try QueueFixture()
        let topic = try fixture.queue.topic("intake")
        for number in 0..<10 { _ = try await topic.publish(payload(number)) }
        let blocker = fixture.root + "/intake/groups/.pip.cursor.tmp"
        try FileManager.default.createDirectory(atPath: blocker, withIntermediateDirectories: true)
        let collected = Collected()
        let task = Task { try await topic.consume(group: "pip", options: ConsumerOptions(pollInterval: .milliseconds(20))) { collected.append($0) } }
        try await waitUntil { collected.count == 10 }
        #expect(collected.all.map(\.offset) == Array(0..<10), "delivery went on")
        #expect(try GroupCursors(topicDirectory: fixture.root + "/intake").load("pip") == nil, "nothing could be committed yet")

        try FileManager.default.removeItem(atPath: blocker)
        try await waitUntil { (try? GroupCursors(topicDirectory: fixture.root + "/intake").load("pip")) == 10 }
        #expect(try GroupCursors(topicDirectory: fixture.root + "/intake").load("pip") == 10)
        task.cancel()
        _ = await task.result
    }

    @Test func groupsAreIndependent() async throws {
        let fixture = try QueueFixture()
        let topic = try fixture.queue.topic("intake")
        for number in 0..<5 { _ = try await topic.publish(payload(number)) }
        let pip = Collected(), notifier = Collected()
        try await consumeUntil(topic, group: "pip", done: { pip.count == 5 }) { pip.append($0) }
        try await consumeUntil(topic, group: "notifier", done: { notifier.count == 5 }) { notifier.append($0) }
        #expect(pip.all == notifier.all)
    }

    @Test func aConsumerWakesForANewRecordWithoutPolling() async throws {
        let fixture = try QueueFixture()
        let topic = try fixture.queue.topic("intake")
        let other = try DurableQueue(directory: fixture.root).topic("intake")
        let collected = Collected()
        let task = Task {
            try await topic.consume(group: "g", options: ConsumerOptions(pollInterval: .seconds(60))) { collected.append($0) }
        }
        try await Task.sleep(for: .milliseconds(200))
        let start = ContinuousClock.now
        _ = try await other.publish(payload(1))
        while collected.count == 0 && ContinuousClock.now - start < .seconds(5) { try await Task.sleep(for: .milliseconds(1)) }
        #expect(collected.count == 1)
        #expect(ContinuousClock.now - start < .seconds(2), "woken by the watcher, not by the 60 s poll")
        task.cancel()
        _ = await task.result
    }

    @Test func aFailingHandlerIsRetriedWithBackoffThenDeadLettered() async throws {
        let fixture = try QueueFixture()
        let topic = try fixture.queue.topic("pip")
        _ = try await topic.publish(payload(0))
        _ = try await topic.publish(payload(1))
        let clock = RecordingClock()
        let attempts = Collected(), delivered = Collected()
        let retry = RetryPolicy(maxAttempts: 4, initialBackoff: .milliseconds(100), maxBackoff: .seconds(10), multiplier: 2, jitter: 0.2)
        try await consumeUntil(topic, group: "enrolment", options: ConsumerOptions(retry: retry, pollInterval: .milliseconds(20)), clock: clock,
                               done: { delivered.count == 1 }) { record in
            if record.offset == 0 {
                attempts.append(record)
                throw Failure()
            }
            delivered.append(record)
        }
        #expect(attempts.count == 4)
        #expect(clock.sleeps == [.milliseconds(100), .milliseconds(200), .milliseconds(400)])
        #expect(delivered.all.map(\.offset) == [1])
        let letters = try topic.pendingDeadLetters()
        #expect(letters.count == 1)
        let letter = try #require(letters.first?.letter)
        #expect(letter.topic == "pip")
        #expect(letter.group == "enrolment")
        #expect(letter.offset == 0)
        #expect(letter.attempts == 4)
        #expect(letter.error == "handler refused the record")
        #expect(Array(letter.payload) == payload(0))
        #expect(try topic.status().groups.first?.cursor == 2)
    }

    @Test func lookingForDeadLettersCreatesNoDeadLetterTopic() throws {
        let fixture = try QueueFixture()
        #expect(try fixture.queue.topic("intake").pendingDeadLetters().isEmpty)
        #expect(try fixture.queue.topicNames() == ["intake"])
    }

    @Test func deadLettersCanBeReplayedOrDropped() async throws {
        let fixture = try QueueFixture()
        let topic = try fixture.queue.topic("pip")
        for number in 0..<3 { _ = try await topic.publish(payload(number)) }
        let retry = RetryPolicy(maxAttempts: 1)
        let seen = Collected()
        try await consumeUntil(topic, group: "g", options: ConsumerOptions(retry: retry, pollInterval: .milliseconds(20)),
                               done: { (try? topic.pendingDeadLetters().count) == 3 }) { _ in throw Failure() }
        #expect(try topic.pendingDeadLetters().map(\.deadLetterOffset) == [0, 1, 2])

        var progress: [Int] = []
        let replayed = try await topic.replayDeadLetters(offsets: [1]) { done, _ in progress.append(done) }
        #expect(replayed == [3])
        #expect(progress == [1])
        #expect(try topic.read(from: 3, maxCount: 1).first?.payload == payload(1))
        #expect(try topic.dropDeadLetters(offsets: [0]) == 1)
        #expect(try topic.pendingDeadLetters().map(\.deadLetterOffset) == [2])
        await #expect(throws: QueueError.self) { try await topic.replayDeadLetters(offsets: [0]) }
        #expect(try await topic.replayDeadLetters() == [4])
        #expect(try topic.pendingDeadLetters().isEmpty)
        try await consumeUntil(topic, group: "g", done: { seen.count == 2 }) { seen.append($0) }
        #expect(seen.all.map(\.payload) == [payload(1), payload(2)])
    }

    @Test func aSecondConsumerOfTheSameGroupIsRefused() async throws {
        let fixture = try QueueFixture()
        let topic = try fixture.queue.topic("intake")
        let task = Task { try await topic.consume(group: "pip") { _ in } }
        try await Task.sleep(for: .milliseconds(200))
        await #expect(throws: QueueError.self) { try await topic.consume(group: "pip") { _ in } }
        task.cancel()
        _ = await task.result
    }

    @Test func aCursorBeyondTheEndIsClampedSoNothingStalls() async throws {
        let fixture = try QueueFixture()
        let topic = try fixture.queue.topic("intake")
        for number in 0..<3 { _ = try await topic.publish(payload(number)) }
        try GroupCursors(topicDirectory: fixture.root + "/intake").store("pip", offset: 50, at: Date())
        let collected = Collected()
        let task = Task { try await topic.consume(group: "pip", options: ConsumerOptions(pollInterval: .milliseconds(20))) { collected.append($0) } }
        try await Task.sleep(for: .milliseconds(100))
        _ = try await topic.publish(payload(3))
        while collected.count == 0 { try await Task.sleep(for: .milliseconds(5)) }
        task.cancel()
        _ = await task.result
        #expect(collected.all.map(\.offset) == [3])
    }

    @Test func resetMovesTheCursor() async throws {
        let fixture = try QueueFixture()
        let topic = try fixture.queue.topic("intake")
        for number in 0..<5 { _ = try await topic.publish(payload(number)) }
        #expect(try topic.resetCursor(group: "pip", to: 3) == 3)
        #expect(try topic.resetCursor(group: "pip", to: 99) == 5)
        #expect(try topic.status().groups.first?.cursor == 5)
    }
}
