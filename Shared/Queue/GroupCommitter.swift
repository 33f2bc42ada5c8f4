import Dispatch

/// Gathers concurrent publishes into one write and one fsync (group commit).
///
/// While a batch is being written and synced on the I/O queue, new publishes wait in
/// `pending`; when the sync returns, all of them go out together in the next write.
actor GroupCommitter {
    private let writer: LogWriter
    private let io: DispatchQueue
    private let now: @Sendable () -> Int64
    private let written: @Sendable (_ records: Int, _ syncDuration: Duration) -> Void
    private var pending: [(payloads: [[UInt8]], continuation: CheckedContinuation<UInt64, any Error>)] = []
    private var flushing = false
    /// The most bytes one write takes, so a flood of publishes still gets regular syncs.
    private static let maxBatchBytes = 8 << 20

    init(writer: LogWriter, now: @escaping @Sendable () -> Int64, written: @escaping @Sendable (Int, Duration) -> Void) {
        self.writer = writer
        self.io = DispatchQueue(label: "inburgering.queue.\(writer.topic)")
        self.now = now
        self.written = written
    }

    /// Appends `payloads` and returns the first offset once they are durable.
    func append(_ payloads: [[UInt8]]) async throws -> UInt64 {
        try await withCheckedThrowingContinuation { continuation in
            pending.append((payloads, continuation))
            if !flushing {
                flushing = true
                Task { await self.flush() }
            }
        }
    }

    private func flush() async {
        while !pending.isEmpty {
            var batch: [(payloads: [[UInt8]], continuation: CheckedContinuation<UInt64, any Error>)] = []
            var bytes = 0
            while let next = pending.first, batch.isEmpty || bytes + next.payloads.reduce(0, { $0 + $1.count }) <= Self.maxBatchBytes {
                bytes += next.payloads.reduce(0) { $0 + $1.count }
                batch.append(pending.removeFirst())
            }
            let payloads = batch.flatMap(\.payloads)
            let result = await write(payloads)
            switch result {
            case .success(let first):
                var offset = first
                for entry in batch {
                    entry.continuation.resume(returning: offset)
                    offset += UInt64(entry.payloads.count)
                }
            case .failure(let error):
                for entry in batch { entry.continuation.resume(throwing: error) }
            }
        }
        flushing = false
    }

    private func write(_ payloads: [[UInt8]]) async -> Result<UInt64, QueueError> {
        let writer = writer
        let timestamp = now()
        let written = written
        return await withCheckedContinuation { continuation in
            io.async {
                let start = ContinuousClock.now
                let result = Result { () throws(QueueError) in try writer.append(payloads, timestampMilliseconds: timestamp) }
                if case .success = result { written(payloads.count, ContinuousClock.now - start) }
                continuation.resume(returning: result)
            }
        }
    }
}
