import Foundation
import QueueSystem

/// Appends to a topic's log. Used from one thread at a time (the topic's writer thread);
/// across processes every append, recovery and roll happens under an exclusive `flock` on
/// the topic's `.lock`.
///
/// The write position comes from scanning the log itself: on open, and before each write,
/// from the known end (another process may have appended or rolled since). Syncs happen
/// after the lock is released and are shared across processes (``SharedSyncState``).
final class LogWriter: @unchecked Sendable {
    let topic: String
    private let files: SegmentFiles
    private let lockDescriptor: Int32
    private let lockPath: String
    private let shared: SharedSyncState?
    private let segmentSize: Int64
    private var activeDescriptor: Int32 = -1
    private var activeBase: UInt64 = 0
    private var activePath = ""
    /// The active segment's inode, which names it to ``SharedSyncState``.
    private var activeInode: UInt64 = 0
    private var endPosition: Int64 = 0
    /// Whether the active segment's space is reserved (``preallocate()``), and how far it is
    /// zeroed (``zeroAhead(through:)``), as far as this writer knows.
    private var preallocated = false
    private var zeroedEnd: Int64 = 0
    private(set) var nextOffset: UInt64 = 0
    /// Bytes cut off torn tails since open, for the log.
    private(set) var truncatedTailBytes: Int64 = 0
    /// The `fdatasync` calls made for appends, for tests.
    private(set) var appendSyncs = 0

    /// Records written by ``write(_:timestampMilliseconds:)`` that still need ``sync(_:)``.
    struct Written {
        let first: UInt64
        let end: UInt64
        let path: String
        /// The segment the records went to.
        let segmentInode: UInt64
    }

    init(directory: String, topic: String, segmentSize: Int64) throws(QueueError) {
        self.topic = topic
        self.files = SegmentFiles(directory: directory)
        self.segmentSize = segmentSize
        self.lockPath = directory + "/.lock"
        self.lockDescriptor = try FileIO.open(lockPath, O_CREAT | O_RDWR)
        self.shared = SharedSyncState(directory: directory)
        do {
            try withWriteLock { () throws(QueueError) in try openActive() }
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
        let written = try write(payloads, timestampMilliseconds: timestampMilliseconds)
        try sync(written)
        return written.first
    }

    /// Writes `payloads` under the exclusive lock, without syncing them.
    func write(_ payloads: [[UInt8]], timestampMilliseconds: Int64) throws(QueueError) -> Written {
        try withWriteLock { () throws(QueueError) -> Written in
            try catchUp()
            let bytes = payloads.reduce(0) { $0 + RecordFrame.headerSize + $1.count }
            if endPosition > 0 && endPosition + Int64(bytes) > segmentSize { try roll() }
            zeroAhead(through: endPosition + Int64(bytes))
            var buffer: [UInt8] = []
            buffer.reserveCapacity(bytes)
            let first = nextOffset
            for (index, payload) in payloads.enumerated() {
                payload.withUnsafeBytes {
                    RecordFrame.append(payload: $0, offset: first + UInt64(index), timestampMilliseconds: timestampMilliseconds, to: &buffer)
                }
            }
            do throws(QueueError) {
                try FileIO.write(activeDescriptor, buffer, at: endPosition, path: activePath)
            } catch {
                // Take back whatever part reached the file, so no reader ever sees half a batch.
                try? erase(from: endPosition)
                throw error
            }
            endPosition += Int64(buffer.count)
            nextOffset += UInt64(payloads.count)
            let lastRecord = endPosition - Int64(RecordFrame.headerSize + payloads[payloads.count - 1].count)
            try shared?.didWrite(upTo: nextOffset, lastRecord: lastRecord, endPosition: endPosition, segmentInode: activeInode)
            return Written(first: first, end: nextOffset, path: activePath, segmentInode: activeInode)
        }
    }

    /// Makes written records durable, outside the write lock so that writers in other
    /// processes write meanwhile and one sync covers them all. The active descriptor stays
    /// open meanwhile: only this writer's own (serial) calls close it, and a segment that
    /// another process sealed was synced by that roll.
    func sync(_ written: Written) throws(QueueError) {
        let descriptor = activeDescriptor
        let sync = { () throws(QueueError) in
            try FileIO.syncData(descriptor, path: written.path)
            self.appendSyncs += 1
        }
        if let shared {
            try shared.sync(upTo: written.end, segmentInode: written.segmentInode, sync)
        } else {
            try sync()
        }
    }

    /// Runs `body` under the topic's exclusive write lock; waiting for another process,
    /// sleeps on the shared page where there is one.
    private func withWriteLock<T>(_ body: () throws(QueueError) -> T) throws(QueueError) -> T {
        if let shared { return try shared.writeLock(descriptor: lockDescriptor, path: lockPath).withLock(body) }
        return try FileIO.withLock(lockDescriptor, LOCK_EX, path: files.directory, body)
    }

    /// Opens the newest segment (creating the first), scans it and cuts a torn tail.
    private func openActive() throws(QueueError) {
        let bases = try files.bases()
        try activate(base: bases.last ?? 0, creating: bases.isEmpty)
        nextOffset = activeBase
        try scanActive(confirmingEnd: true, endVouchedAt: shared?.endThisBoot(inSegment: activeInode))
        preallocate()
        try shared?.adopt(segmentInode: activeInode, nextOffset: nextOffset, endPosition: endPosition)
    }

    /// Finds the log's end: one small read when the shared page says where it is, else a
    /// scan of the active segment from the known end, following segments other processes made.
    private func catchUp() throws(QueueError) {
        if try moveToSharedEnd() { return }
        while true {
            // A segment that ends in preallocated zeros is still the active one.
            guard try scanActive() != .zeroFilled, activeBase != nextOffset, files.exists(base: nextOffset) else { return }
            try activate(base: nextOffset, creating: false)
            // Its roller reserved the space; this only finds out that it did.
            preallocate()
            // Its roller synced the segment it sealed before it made this one.
            try shared?.didRoll(to: activeBase, segmentInode: activeInode)
        }
    }

    /// Moves to where the shared page says the last writer left the active segment, reading
    /// only the last record (when another process wrote it) and the header after it; true
    /// when that record is valid and carries the offset the page names, and zeros follow.
    /// Otherwise this writer keeps its own end and scans from it: the page is only a hint.
    private func moveToSharedEnd() throws(QueueError) -> Bool {
        guard let known = shared?.end(inSegment: activeInode), known.nextOffset >= nextOffset, known.position >= endPosition else { return false }
        let ownEnd = known.nextOffset == nextOffset
        guard ownEnd ? known.position == endPosition : known.lastRecord >= endPosition else { return false }
        let start = ownEnd ? known.position : known.lastRecord
        let bytes = try FileIO.read(activeDescriptor, count: Int(known.position - start) + RecordFrame.headerSize, at: start, path: activePath)
        guard bytes.count == Int(known.position - start) + RecordFrame.headerSize, bytes.suffix(RecordFrame.headerSize).allSatisfy({ $0 == 0 }) else { return false }
        if !ownEnd {
            let parsed = bytes.withUnsafeBytes { RecordFrame.parse($0, expectedOffset: known.nextOffset - 1) }
            guard case .record(let header) = parsed, Int64(header.frameLength) == known.position - start else { return false }
        }
        (endPosition, nextOffset) = (known.position, known.nextOffset)
        return true
    }

    @discardableResult
    private func scanActive(confirmingEnd: Bool = false, endVouchedAt: Int64? = nil) throws(QueueError) -> SegmentScanner.Ending {
        let result = try SegmentScanner(descriptor: activeDescriptor, path: activePath)
            .scan(from: endPosition, offset: nextOffset, confirmingEnd: confirmingEnd, endVouchedAt: endVouchedAt, searchingDamage: true)
        endPosition = result.endPosition
        nextOffset = result.nextOffset
        switch result.ending {
        case .clean, .zeroFilled:
            break
        case .tail(let bytes, _):
            // We hold the exclusive lock, so no one is writing: these bytes are a torn tail.
            try erase(from: endPosition)
            truncatedTailBytes += bytes
            try shared?.adopt(segmentInode: activeInode, nextOffset: nextOffset, endPosition: endPosition)
        case .corrupt(let reason):
            throw QueueError(.corruptRecord, "topic \(topic): \(activePath) at byte \(endPosition), offset \(nextOffset): \(reason); run 'inburgeringctl queue verify \(topic)'")
        }
        return result.ending
    }

    /// Seals the active segment (cut to its records, so a sealed segment ends clean) and
    /// starts the next one.
    private func roll() throws(QueueError) {
        try FileIO.truncate(activeDescriptor, to: endPosition, path: activePath)
        try FileIO.syncData(activeDescriptor, path: activePath)
        try activate(base: nextOffset, creating: true)
        preallocate()
        try shared?.didRoll(to: activeBase, segmentInode: activeInode)
    }

    /// Makes the segment starting at `base` the active one, from its start; with `creating`,
    /// makes it first (durably). The new segment is opened before the old one is let go, so
    /// a failure leaves the writer as it was, and the next append tries again.
    private func activate(base: UInt64, creating: Bool) throws(QueueError) {
        let path = files.path(base: base)
        let descriptor = try FileIO.open(path, creating ? O_CREAT | O_RDWR : O_RDWR)
        let inode: UInt64
        do throws(QueueError) {
            if creating { try FileIO.syncDirectory(files.directory) }
            inode = try FileIO.inode(descriptor, path: path)
        } catch {
            close(descriptor)
            throw error
        }
        if activeDescriptor >= 0 { close(activeDescriptor) }
        activeDescriptor = descriptor
        activeBase = base
        activePath = path
        activeInode = inode
        endPosition = 0
        preallocated = false
        zeroedEnd = 0
    }

    /// Cuts the active segment at `position` and restores its preallocation.
    private func erase(from position: Int64) throws(QueueError) {
        try FileIO.truncate(activeDescriptor, to: position, path: activePath)
        // The zeros after the cut went with it; before it there are only records.
        zeroedEnd = position
        shared?.didZero(upTo: position, segmentInode: activeInode)
        preallocate()
        try FileIO.syncData(activeDescriptor, path: activePath)
    }

    /// Reserves the whole segment on disk, zero-filled: a sync after an append then needs no
    /// change of the file's size, which makes it markedly faster (and ``zeroAhead(through:)``
    /// spares it the change of the extents). Best effort: without room or support the log
    /// simply grows as it is written.
    private func preallocate() {
        preallocated = posix_fallocate(activeDescriptor, 0, off_t(segmentSize)) == 0
    }

    /// Writes zeros over the reserved space ahead of the records, a megabyte at a time, and
    /// starts writing them to disk without waiting. The file system keeps reserved blocks
    /// marked unwritten until they are written, and a sync of records on such blocks must
    /// also commit that change to its journal: on this machine's disk a sync of 4 KiB of
    /// records took about 220 µs on reserved space and 140 µs on zeros. Only within the
    /// reserved space, so that it takes no room the records would not take anyway; and past
    /// the records, under the write lock, so it never touches a record. It costs speed
    /// only, never records, should the zeros not reach the disk: unwritten blocks read as
    /// zeros too.
    private func zeroAhead(through needed: Int64) {
        guard preallocated else { return }
        let known = max(zeroedEnd, shared?.zeroedEnd(inSegment: activeInode) ?? 0)
        guard needed > known else { return }
        let start = max(known, Self.roundedToBlock(endPosition))
        let end = min(segmentSize, Self.roundedToBlock(needed) + Self.zeroChunk)
        guard end > start else { return }
        let zeros = [UInt8](repeating: 0, count: Int(end - start))
        guard (try? FileIO.write(activeDescriptor, zeros, at: start, path: activePath)) != nil else { return }
        _ = queue_start_writeback(activeDescriptor, start, end - start)
        zeroedEnd = end
        shared?.didZero(upTo: end, segmentInode: activeInode)
    }

    /// How much ``zeroAhead(through:)`` zeroes beyond what a write needs.
    static let zeroChunk: Int64 = 1 << 20

    private static func roundedToBlock(_ position: Int64) -> Int64 { (position + 4095) & ~4095 }
}
