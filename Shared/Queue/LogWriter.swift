import Foundation

/// Appends to a topic's log. Confined to one serial I/O queue; across processes every
/// append, recovery and roll happens under an exclusive `flock` on the topic's `.lock`.
///
/// The write position comes from scanning the log itself: on open, and whenever another
/// process has appended since (the file grew, or a newer segment appeared).
final class LogWriter: @unchecked Sendable {
    let topic: String
    private let files: SegmentFiles
    private let lockDescriptor: Int32
    private let segmentSize: Int64
    private var activeDescriptor: Int32 = -1
    private var activeBase: UInt64 = 0
    private var endPosition: Int64 = 0
    private(set) var nextOffset: UInt64 = 0
    /// Bytes cut off torn tails since open, for the log.
    private(set) var truncatedTailBytes: Int64 = 0

    init(directory: String, topic: String, segmentSize: Int64) throws(QueueError) {
        self.topic = topic
        self.files = SegmentFiles(directory: directory)
        self.segmentSize = segmentSize
        self.lockDescriptor = try FileIO.open(directory + "/.lock", O_CREAT | O_RDWR)
        do {
            try FileIO.withLock(lockDescriptor, LOCK_EX, path: directory) { () throws(QueueError) in try openActive() }
        } catch {
            close(lockDescriptor)
            throw error
        }
    }

    deinit {
        if activeDescriptor >= 0 { close(activeDescriptor) }
        close(lockDescriptor)
    }

    /// Appends `payloads` as consecutive records and returns the first one's offset once
    /// they are on disk. On failure nothing of the batch stays in the log.
    func append(_ payloads: [[UInt8]], timestampMilliseconds: Int64) throws(QueueError) -> UInt64 {
        try FileIO.withLock(lockDescriptor, LOCK_EX, path: files.directory) { () throws(QueueError) -> UInt64 in
            try catchUp()
            let bytes = payloads.reduce(0) { $0 + RecordFrame.headerSize + $1.count }
            if endPosition > 0 && endPosition + Int64(bytes) > segmentSize { try roll() }
            var buffer: [UInt8] = []
            buffer.reserveCapacity(bytes)
            let first = nextOffset
            for (index, payload) in payloads.enumerated() {
                payload.withUnsafeBytes {
                    RecordFrame.append(payload: $0, offset: first + UInt64(index), timestampMilliseconds: timestampMilliseconds, to: &buffer)
                }
            }
            let path = files.path(base: activeBase)
            do throws(QueueError) {
                try FileIO.write(activeDescriptor, buffer, at: endPosition, path: path)
                try FileIO.syncData(activeDescriptor, path: path)
            } catch {
                // Take back whatever part reached the file, so no reader ever sees half a batch.
                _ = ftruncate(activeDescriptor, off_t(endPosition))
                _ = fdatasync(activeDescriptor)
                throw error
            }
            endPosition += Int64(buffer.count)
            nextOffset += UInt64(payloads.count)
            return first
        }
    }

    /// Opens the newest segment (creating the first), scans it and cuts a torn tail.
    private func openActive() throws(QueueError) {
        let bases = try files.bases()
        activeBase = bases.last ?? 0
        if bases.isEmpty {
            try createSegment(base: 0)
        } else {
            activeDescriptor = try FileIO.open(files.path(base: activeBase), O_RDWR)
        }
        endPosition = 0
        nextOffset = activeBase
        try scanActive()
    }

    /// Scans the active segment from the known end and follows segments other processes made.
    private func catchUp() throws(QueueError) {
        while true {
            if try FileIO.size(activeDescriptor, path: files.path(base: activeBase)) != endPosition {
                try scanActive()
            }
            guard activeBase != nextOffset, files.exists(base: nextOffset) else { return }
            close(activeDescriptor)
            activeDescriptor = -1
            activeBase = nextOffset
            activeDescriptor = try FileIO.open(files.path(base: activeBase), O_RDWR)
            endPosition = 0
        }
    }

    private func scanActive() throws(QueueError) {
        let path = files.path(base: activeBase)
        let result = try SegmentScanner(descriptor: activeDescriptor, path: path).scan(from: endPosition, offset: nextOffset)
        endPosition = result.endPosition
        nextOffset = result.nextOffset
        switch result.ending {
        case .clean:
            break
        case .tail(let bytes, _):
            // We hold the exclusive lock, so no one is writing: these bytes are a torn tail.
            try FileIO.truncate(activeDescriptor, to: endPosition, path: path)
            try FileIO.syncData(activeDescriptor, path: path)
            truncatedTailBytes += bytes
        case .corrupt(let reason):
            throw QueueError(.corruptRecord, "topic \(topic): \(path) at byte \(endPosition), offset \(nextOffset): \(reason); run 'inburgeringctl queue verify \(topic)'")
        }
    }

    private func roll() throws(QueueError) {
        close(activeDescriptor)
        activeDescriptor = -1
        try createSegment(base: nextOffset)
        endPosition = 0
    }

    private func createSegment(base: UInt64) throws(QueueError) {
        activeDescriptor = try FileIO.open(files.path(base: base), O_CREAT | O_RDWR)
        activeBase = base
        try FileIO.syncDirectory(files.directory)
    }
}
