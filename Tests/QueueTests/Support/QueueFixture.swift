import Foundation
@testable import Queue

/// A queue in a fresh temporary directory, removed afterwards.
final class QueueFixture: Sendable {
    let root: String
    let queue: DurableQueue

    init(segmentSize: Int64 = 256 << 10, retention: Duration = .seconds(3600), now: @escaping @Sendable () -> Date = { Date() }) throws {
        root = NSTemporaryDirectory() + "queue-tests-" + UUID().uuidString
        queue = try DurableQueue(directory: root, options: QueueOptions(segmentSize: segmentSize, retention: retention, now: now))
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    func segmentPaths(_ topic: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: "\(root)/\(topic)").filter { $0.hasSuffix(".log") }.sorted().map { "\(root)/\(topic)/\($0)" }
    }

    /// What a reboot does to a topic's shared page (`.sync`): it now names another boot.
    func reboot(_ topic: String) throws {
        try markPageFromAnotherBoot(directory: "\(root)/\(topic)")
    }
}

/// Makes the shared page of the topic in `directory` name another boot, as after a reboot.
func markPageFromAnotherBoot(directory: String) throws {
    guard let handle = FileHandle(forUpdatingAtPath: directory + "/.sync") else { return }
    try handle.seek(toOffset: 8)
    try handle.write(contentsOf: Array("00000000-0000-0000-0000-000000000000".utf8))
    try handle.close()
}

/// Payloads that say which record they are.
func payload(_ number: Int, size: Int = 32) -> [UInt8] {
    let text = Array("record-\(number)-".utf8)
    return text + [UInt8](repeating: UInt8(number % 251), count: max(0, size - text.count))
}

/// A clock that never waits and remembers every sleep, for retry and backoff tests.
final class RecordingClock: Clock, @unchecked Sendable {
    struct Instant: InstantProtocol {
        var offset: Duration
        func advanced(by duration: Duration) -> Instant { Instant(offset: offset + duration) }
        func duration(to other: Instant) -> Duration { other.offset - offset }
        static func < (lhs: Instant, rhs: Instant) -> Bool { lhs.offset < rhs.offset }
    }

    private let lock = NSLock()
    private var current = Instant(offset: .zero)
    private var recorded: [Duration] = []

    var now: Instant { lock.withLock { current } }
    var minimumResolution: Duration { .nanoseconds(1) }
    var sleeps: [Duration] { lock.withLock { recorded } }

    func sleep(until deadline: Instant, tolerance: Duration?) async throws {
        try Task.checkCancellation()
        lock.withLock {
            recorded.append(current.duration(to: deadline))
            current = deadline
        }
    }
}

/// Collects what a consumer handled, shared between the handler and the test.
final class Collected: @unchecked Sendable {
    private let lock = NSLock()
    private var records: [QueueRecord] = []
    var all: [QueueRecord] { lock.withLock { records } }
    var count: Int { lock.withLock { records.count } }
    func append(_ record: QueueRecord) { lock.withLock { records.append(record) } }
}

/// Runs `consume` until `done` holds (or 10 s pass), then cancels it.
func consumeUntil(_ topic: QueueTopic, group: String, options: ConsumerOptions = ConsumerOptions(pollInterval: .milliseconds(50)),
                  clock: RecordingClock = RecordingClock(), done: @escaping @Sendable () -> Bool,
                  handler: @escaping @Sendable (QueueRecord) async throws -> Void) async throws {
    let task = Task {
        try await topic.consume(group: group, options: options, clock: clock, random: { 0.5 }, handler: handler)
    }
    let deadline = ContinuousClock.now + .seconds(10)
    while !done() && ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(5)) }
    task.cancel()
    _ = await task.result
}

/// Waits until `condition` holds, for at most ten seconds.
func waitUntil(_ condition: @Sendable () -> Bool) async throws {
    let deadline = ContinuousClock.now + .seconds(10)
    while !condition() && ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(5)) }
}
