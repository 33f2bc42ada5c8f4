import Foundation
import Synchronization

/// Gathers concurrent publishes into one write and one fsync (group commit), made by one of
/// the publishing tasks: the leader.
///
/// A publish that finds no write under way leads: it writes and syncs on the thread it runs
/// on, so a lone publisher hands nothing to another thread and back — on a small virtual
/// machine those two wake-ups cost a fifth of a publish. Publishes that arrive meanwhile
/// wait suspended, holding no thread. When the leader's sync returns, the first of them is
/// resumed as the next leader and writes them all in one write and one sync, while the
/// previous leader's caller goes on. So at most one thread per topic and process is ever
/// blocked in the queue's file I/O, for one write and one sync.
final class GroupCommitter: Sendable {
    private let writer: LogWriter
    private let now: @Sendable () -> Int64
    private let written: @Sendable (Int, Duration) -> Void
    private let state = Mutex(State())

    /// The most bytes one write takes, so a flood of publishes still gets regular syncs.
    static let maxBatchBytes = 8 << 20

    init(writer: LogWriter, now: @escaping @Sendable () -> Int64, written: @escaping @Sendable (Int, Duration) -> Void) {
        self.writer = writer
        self.now = now
        self.written = written
    }

    /// Appends `payloads` and returns the first offset once they are durable.
    func append(_ payloads: [[UInt8]]) async throws(QueueError) -> UInt64 {
        if state.withLock({ $0.takeLead() }) { return try lead(payloads, followers: []) }
        let turn = await withCheckedContinuation { (continuation: CheckedContinuation<Turn, Never>) in
            let leads = state.withLock { state in
                if state.takeLead() { return true }
                state.waiting.append(Waiter(payloads: payloads, continuation: continuation))
                return false
            }
            if leads { continuation.resume(returning: .lead(followers: [])) }
        }
        switch turn {
        case .done(let result): return try result.get()
        case .lead(let followers): return try lead(payloads, followers: followers)
        }
    }

    /// The `fdatasync` calls made so far, for tests: read it when no publish is under way.
    var appendSyncs: Int { writer.appendSyncs }

    /// How many publishes wait for a leader's write, for tests.
    var waitingCount: Int { state.withLock { $0.waiting.count } }

    /// Writes the leader's and its followers' records in one write and one sync, tells the
    /// followers, and hands the lead to the first publish that arrived meanwhile.
    private func lead(_ own: [[UInt8]], followers: [Waiter]) throws(QueueError) -> UInt64 {
        let start = ContinuousClock.now
        let payloads = followers.isEmpty ? own : own + followers.flatMap(\.payloads)
        let result = Result { () throws(QueueError) in try writer.append(payloads, timestampMilliseconds: now()) }
        if case .success = result { written(payloads.count, ContinuousClock.now - start) }
        var offset = result.map { $0 + UInt64(own.count) }
        for follower in followers {
            follower.continuation.resume(returning: .done(offset))
            offset = offset.map { $0 + UInt64(follower.payloads.count) }
        }
        if let next = state.withLock({ $0.nextBatch() }) {
            next.leader.continuation.resume(returning: .lead(followers: next.followers))
        }
        return try result.get()
    }

    /// A publish waiting for its turn.
    private struct Waiter: Sendable {
        let payloads: [[UInt8]]
        let continuation: CheckedContinuation<Turn, Never>
    }

    /// What a waiting publish is resumed with: its outcome, or the lead over `followers`.
    private enum Turn: Sendable {
        case done(Result<UInt64, QueueError>)
        case lead(followers: [Waiter])
    }

    private struct State: ~Copyable {
        /// Whether a leader is writing: only it uses the ``LogWriter``.
        var leading = false
        var waiting: [Waiter] = []

        /// Becomes the leader if there is none.
        mutating func takeLead() -> Bool {
            guard !leading else { return false }
            leading = true
            return true
        }

        /// The next leader and its followers (as many as one write may hold), or nil — and
        /// no leader — when no publish is waiting.
        mutating func nextBatch() -> (leader: Waiter, followers: [Waiter])? {
            guard !waiting.isEmpty else {
                leading = false
                return nil
            }
            var bytes = 0
            var count = 0
            for waiter in waiting {
                let size = waiter.payloads.reduce(0) { $0 + $1.count }
                if count > 0 && bytes + size > GroupCommitter.maxBatchBytes { break }
                bytes += size
                count += 1
            }
            let batch = Array(waiting.prefix(count))
            waiting.removeFirst(count)
            return (batch[0], Array(batch.dropFirst()))
        }
    }
}
