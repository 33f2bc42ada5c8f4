public import Foundation

/// How a queue lays out and keeps its topics.
public struct QueueOptions: Sendable {
    /// A segment file is closed and a new one started when a write would pass this size.
    public var segmentSize: Int64
    /// Segments that every group has passed are deleted once they are older than this.
    public var retention: Duration
    /// The wall clock for record timestamps and cursor commit times.
    public var now: @Sendable () -> Date

    public init(segmentSize: Int64 = 64 << 20, retention: Duration = .seconds(7 * 24 * 3600), now: @escaping @Sendable () -> Date = { Date() }) {
        self.segmentSize = segmentSize
        self.retention = retention
        self.now = now
    }
}

/// How a consumer group reads and retries.
public struct ConsumerOptions: Sendable {
    public var retry: RetryPolicy
    /// The most records read per batch; the cursor is committed after each batch.
    public var batchSize: Int
    /// How long a consumer sleeps at the end of the log when no change is signalled (the
    /// fallback when inotify is not available).
    public var pollInterval: Duration

    public init(retry: RetryPolicy = RetryPolicy(), batchSize: Int = 256, pollInterval: Duration = .seconds(1)) {
        self.retry = retry
        self.batchSize = max(1, batchSize)
        self.pollInterval = pollInterval
    }
}
