import Foundation

/// Commits a consumer group's cursor on a thread of its own, so that a slow commit (an
/// fsync of the file and one of the directory, which wait for the filesystem's journal)
/// never holds up delivery, and a failed one (a full disk) does not stop the consumer.
///
/// Only the latest submitted cursor matters: commits coalesce under load, at most one per
/// `minimumInterval`. A cursor is
/// submitted only after its records were handled, so a crash redelivers the records since
/// the last commit and loses none. A failed commit is retried until it succeeds or the
/// consumer finishes.
final class CursorCommitter: @unchecked Sendable {
    private let cursors: GroupCursors
    private let group: String
    private let now: @Sendable () -> Date
    private let condition = NSCondition()
    /// Guarded by `condition`.
    private var wanted: UInt64?
    private var committed: UInt64?
    private var lastError: QueueError?
    private var finishing = false
    private var finished: CheckedContinuation<Void, Never>?
    /// How long a failed commit waits before it is tried again.
    static let retryInterval: TimeInterval = 0.2
    /// The least time between two commits.
    static let minimumInterval: TimeInterval = 0.05

    init(cursors: GroupCursors, group: String, committed: UInt64?, now: @escaping @Sendable () -> Date) {
        self.cursors = cursors
        self.group = group
        self.committed = committed
        self.now = now
        let thread = Thread { [self] in run() }
        thread.name = "queue-cursor-\(group)"
        thread.start()
    }

    /// Asks for `offset` to be committed; returns at once.
    func submit(_ offset: UInt64) {
        condition.withLock {
            wanted = offset
            condition.signal()
        }
    }

    /// Commits the latest submitted cursor and stops the thread; throws when that last
    /// commit failed (the records since the previous commit are then delivered again).
    func finish() async throws(QueueError) {
        await withCheckedContinuation { continuation in
            condition.withLock {
                finishing = true
                finished = continuation
                condition.signal()
            }
        }
        if let error = condition.withLock({ wanted != nil ? lastError : nil }) { throw error }
    }

    private func run() {
        condition.lock()
        while true {
            if let offset = wanted, offset != committed {
                condition.unlock()
                let result = Result { () throws(QueueError) in try cursors.store(group, offset: offset, at: now()) }
                condition.lock()
                switch result {
                case .success:
                    committed = offset
                    lastError = nil
                    if wanted == offset { wanted = nil }
                    // Under a steady stream, one commit per interval: each is a rename and two
                    // syncs, and a commit per record fills the filesystem's journal.
                    let next = Date().addingTimeInterval(Self.minimumInterval)
                    while !finishing && Date() < next { _ = condition.wait(until: next) }
                case .failure(let error):
                    lastError = error
                    if !finishing {
                        _ = condition.wait(until: Date().addingTimeInterval(Self.retryInterval))
                        continue
                    }
                }
            } else {
                wanted = nil
            }
            if finishing && (wanted == nil || lastError != nil) { break }
            if wanted == nil && !finishing { condition.wait() }
        }
        let continuation = finished
        condition.unlock()
        continuation?.resume()
    }
}
