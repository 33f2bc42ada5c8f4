import CoreMetrics
import Foundation
import Synchronization

/// One topic of a ``DurableQueue``: an append-only log with durable consumer groups.
public final class QueueTopic: Sendable {
    public let name: String
    let directory: String
    let options: QueueOptions
    let signal = ChangeSignal()
    let metrics: QueueMetrics
    private let committer = Mutex<GroupCommitter?>(nil)
    private let watcher = Mutex<DirectoryWatcher?>(nil)
    private let deadLetterTopic = Mutex<QueueTopic?>(nil)

    init(name: String, root: String, options: QueueOptions) throws(QueueError) {
        try QueueName.validate(name, kind: "topic")
        self.name = name
        self.directory = root + "/" + name
        self.options = options
        self.metrics = QueueMetrics(topic: name)
        try FileIO.createDirectory(directory)
    }

    deinit {
        watcher.withLock { $0?.stop() }
    }

    /// Appends one record; returns its offset once it is durable (written and fsynced).
    /// Concurrent calls share one write and one fsync.
    public func publish(_ payload: some Collection<UInt8>) async throws(QueueError) -> UInt64 {
        try await publish(batch: [Array(payload)]).lowerBound
    }

    /// Appends `payloads` as consecutive records in one write; returns their offsets.
    public func publish(batch payloads: [[UInt8]]) async throws(QueueError) -> Range<UInt64> {
        guard !payloads.isEmpty else { return 0..<0 }
        if let large = payloads.first(where: { $0.count > RecordFrame.maxPayloadSize }) {
            throw QueueError(.recordTooLarge, "a record of \(large.count) bytes is larger than the limit of \(RecordFrame.maxPayloadSize)")
        }
        let committer = try writer()
        let first = try await committer.append(payloads)
        metrics.published.increment(by: payloads.count)
        signal.bump()
        return first..<(first + UInt64(payloads.count))
    }

    /// The executor of the topic's writer thread, for a task that publishes many records
    /// one at a time: run it there (`withTaskExecutorPreference`) and each publish saves two
    /// thread wake-ups, from the task to the writer thread and back. The publishes of all
    /// tasks there still share writes and syncs. The thread writes nothing while such a task
    /// runs, so keep its work between publishes short, and never have it wait for another
    /// task's publish. Opens the topic for writing if it is not yet.
    public func publishingExecutor() throws(QueueError) -> any TaskExecutor { try writer().executor }

    /// Up to `maxCount` records from `offset` on.
    public func read(from offset: UInt64, maxCount: Int) throws(QueueError) -> [QueueRecord] {
        try LogReader(directory: directory, topic: name).read(from: offset, maxCount: maxCount)
    }

    /// The `fdatasync` calls this process made for appends, for tests: read it when no
    /// publish is under way.
    var appendSyncs: Int { committer.withLock { $0?.appendSyncs ?? 0 } }

    /// How many publishes are waiting, and how many are being written, for tests.
    var publishesInProgress: (waiting: Int, writing: Int) { committer.withLock { $0?.inProgress ?? (0, 0) } }

    /// The topic holding the records that consumer groups gave up on.
    public func deadLetters() throws(QueueError) -> QueueTopic {
        try deadLetterTopic.withLock { (topic: inout QueueTopic?) throws(QueueError) -> QueueTopic in
            if let topic { return topic }
            let created = try QueueTopic(name: QueueName.deadLetterTopic(of: name), root: (directory as NSString).deletingLastPathComponent, options: options)
            topic = created
            return created
        }
    }

    /// The signal consumers wait on, with the directory watcher started on first use.
    func changes() -> ChangeSignal {
        watcher.withLock { watcher in
            if watcher == nil { watcher = DirectoryWatcher(directory: directory, signal: signal) }
        }
        return signal
    }

    private func writer() throws(QueueError) -> GroupCommitter {
        try committer.withLock { (committer: inout GroupCommitter?) throws(QueueError) -> GroupCommitter in
            if let committer { return committer }
            let writer = try LogWriter(directory: directory, topic: name, segmentSize: options.segmentSize)
            let now = options.now
            let metrics = metrics
            let created = GroupCommitter(
                writer: writer, now: { Int64((now().timeIntervalSince1970 * 1000).rounded()) },
                written: { _, duration in metrics.fsyncDuration.recordNanoseconds(duration.nanoseconds) })
            committer = created
            return created
        }
    }
}

extension Duration {
    var nanoseconds: Int64 { components.seconds * 1_000_000_000 + components.attoseconds / 1_000_000_000 }
}
