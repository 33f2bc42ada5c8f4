import Foundation
import QueueSystem

/// Group commit across processes: what the writers of one topic have written and synced,
/// shared through a memory-mapped page of the topic's `.sync` file.
///
/// A writer writes under the topic's write lock and syncs after releasing it, under this
/// file's lock. A syncer first looks whether another process's sync already covered its
/// records; if not, it notes how far the log is written, syncs, and claims that far. While
/// one process syncs, the others sleep on a futex in the page (not on the lock, which would
/// hand it to them one at a time) and are woken together when it is released: usually
/// covered by then, they return without taking the lock at all.
///
/// Why a claim is sound: `written` only grows after a write returned, so one `fdatasync` of
/// the active segment covers every record below it. A roll syncs the segment it seals and,
/// under this lock, claims everything before the new segment before anything is written to
/// it (a writer that follows into a newer segment records the roll too, should its roller
/// have died first); so records below `written` are never in a segment the syncer has not
/// synced. A page that names another segment than the syncer's is never used to claim.
///
/// The page also tells writers where the log's records end (the next offset, and the byte
/// positions of the last record and of its end), so that a writer taking the write lock
/// need not re-read everything other processes wrote. It is only a hint: the writer checks
/// that a valid record with the right offset ends there, followed by zeros. And it tells
/// how far the active segment is zeroed ahead of the records (see `LogWriter.zeroAhead`),
/// which only saves writers from zeroing the same space again.
///
/// The page must never be stale: it names the boot and the active segment's inode it
/// belongs to, and a writer that opens the log resets it when either differs (a reboot, a
/// restored directory). The counters are aligned 8-byte words, read and written whole.
final class SharedSyncState {
    private struct Layout {
        static let magic: UInt64 = 0x324E_5953_5142_4E49  // "INBQSYN2"
        static let magicOffset = 0
        static let bootOffset = 8  // 36 bytes of /proc/sys/kernel/random/boot_id
        static let inodeOffset = 48
        static let writtenOffset = 56
        static let syncedOffset = 64
        static let endPositionOffset = 72
        static let lastRecordOffset = 80
        /// Two 32-bit words each (generation, sleepers) for the ``SharedLock``s.
        static let syncLockOffset = 88
        static let writeLockOffset = 96
        /// How far the segment named at `zeroedInodeOffset` is zeroed ahead of its records.
        static let zeroedEndOffset = 104
        static let zeroedInodeOffset = 112
        /// In `lastRecordOffset`: the last record's position is not known.
        static let unknown = UInt64.max
        static let size = 4096
    }

    private let descriptor: Int32
    private let page: UnsafeMutableRawPointer
    private let path: String
    private let bootID: [UInt8]

    /// Opens (creating) `<directory>/.sync`, or nil where shared state cannot be had (a full
    /// disk, no `mmap`): then every writer simply syncs for itself.
    init?(directory: String) {
        path = directory + "/.sync"
        guard let bootID = Self.currentBootID, let descriptor = try? FileIO.open(path, O_CREAT | O_RDWR) else { return nil }
        // Reserve the page's block: a store into a hole on a full disk would be a SIGBUS.
        guard posix_fallocate(descriptor, 0, off_t(Layout.size)) == 0,
            let page = mmap(nil, Layout.size, PROT_READ | PROT_WRITE, MAP_SHARED, descriptor, 0), page != MAP_FAILED
        else {
            close(descriptor)
            return nil
        }
        self.descriptor = descriptor
        self.page = page
        self.bootID = bootID
    }

    deinit {
        munmap(page, Layout.size)
        close(descriptor)
    }

    /// Makes the page describe the log as the caller, holding the write lock, scanned it:
    /// its sync claim is kept when the page belongs to this boot and segment and is not
    /// ahead of the log, else the page is reset.
    func adopt(segmentInode: UInt64, nextOffset: UInt64, endPosition: Int64) throws(QueueError) {
        try withSyncLock { () throws(QueueError) in
            let current = endThisBoot(inSegment: segmentInode) != nil && word(Layout.writtenOffset) <= nextOffset
            if !current {
                setWord(Layout.magicOffset, 0)
                bootID.withUnsafeBytes { UnsafeMutableRawBufferPointer(start: page + Layout.bootOffset, count: 36).copyMemory(from: $0) }
                setWord(Layout.inodeOffset, segmentInode)
                setWord(Layout.syncedOffset, 0)
                setWord(Layout.zeroedInodeOffset, 0)
            }
            setWord(Layout.writtenOffset, nextOffset)
            setWord(Layout.endPositionOffset, UInt64(endPosition))
            setWord(Layout.lastRecordOffset, Layout.unknown)
            setWord(Layout.magicOffset, Layout.magic)
        }
    }

    /// Where writers of this boot left the records of the segment with `segmentInode`; nil
    /// unless the page belongs to this boot and that segment. Under the write lock.
    func endThisBoot(inSegment segmentInode: UInt64) -> Int64? {
        guard describes(segmentInode), bootID.elementsEqual(UnsafeRawBufferPointer(start: page + Layout.bootOffset, count: 36)) else { return nil }
        return Int64(word(Layout.endPositionOffset))
    }

    /// Where the last writer left the segment with `segmentInode`: the next offset, and the
    /// byte positions where the last record starts and ends. Nil when the page describes
    /// another segment or does not know. Under the write lock.
    func end(inSegment segmentInode: UInt64) -> (nextOffset: UInt64, lastRecord: Int64, position: Int64)? {
        guard describes(segmentInode), word(Layout.lastRecordOffset) != Layout.unknown else { return nil }
        return (word(Layout.writtenOffset), Int64(word(Layout.lastRecordOffset)), Int64(word(Layout.endPositionOffset)))
    }

    /// Records that the log holds complete records below `nextOffset` in the segment with
    /// `segmentInode`, the last one from byte `lastRecord` to `endPosition`. Under the write
    /// lock. Should the page name another segment (a roller died before it could record its
    /// roll), the page is reset rather than trusted.
    func didWrite(upTo nextOffset: UInt64, lastRecord: Int64, endPosition: Int64, segmentInode: UInt64) throws(QueueError) {
        guard word(Layout.inodeOffset) == segmentInode else {
            try adopt(segmentInode: segmentInode, nextOffset: nextOffset, endPosition: endPosition)
            return
        }
        setWord(Layout.lastRecordOffset, Layout.unknown)
        setWord(Layout.endPositionOffset, UInt64(endPosition))
        setWord(Layout.writtenOffset, nextOffset)
        setWord(Layout.lastRecordOffset, UInt64(lastRecord))
    }

    /// How far a writer zeroed the segment with `segmentInode` (``didZero(upTo:segmentInode:)``);
    /// nil when the page does not know. Under the write lock.
    func zeroedEnd(inSegment segmentInode: UInt64) -> Int64? {
        guard word(Layout.magicOffset) == Layout.magic, word(Layout.zeroedInodeOffset) == segmentInode else { return nil }
        return Int64(word(Layout.zeroedEndOffset))
    }

    /// Records that the segment with `segmentInode` holds zeros or records up to `end`, the
    /// zeros not necessarily on disk yet. Under the write lock.
    func didZero(upTo end: Int64, segmentInode: UInt64) {
        setWord(Layout.zeroedInodeOffset, 0)
        setWord(Layout.zeroedEndOffset, UInt64(end))
        setWord(Layout.zeroedInodeOffset, segmentInode)
    }

    /// Records a roll, under the write lock: the sealed segment is synced, so every record
    /// before `base` is durable, and `inode` is the new active segment. A writer that
    /// follows a roll the roller recorded leaves what was written since untouched.
    func didRoll(to base: UInt64, segmentInode: UInt64) throws(QueueError) {
        try withSyncLock { () throws(QueueError) in
            setWord(Layout.syncedOffset, max(word(Layout.syncedOffset), base))
            guard word(Layout.inodeOffset) != segmentInode else { return }
            setWord(Layout.inodeOffset, segmentInode)
            setWord(Layout.writtenOffset, base)
            setWord(Layout.endPositionOffset, 0)
            setWord(Layout.lastRecordOffset, Layout.unknown)
        }
    }

    /// Makes the records below `end`, written to the segment with `segmentInode`, durable:
    /// returns at once when another process's sync covered them, else runs `sync` (one
    /// `fdatasync` of that segment) and claims everything written to it before the sync
    /// started. When the page names another segment, it syncs and claims nothing.
    /// Returns whether `sync` ran.
    @discardableResult
    func sync(upTo end: UInt64, segmentInode: UInt64, _ sync: () throws(QueueError) -> Void) throws(QueueError) -> Bool {
        while true {
            // A sync that finished meanwhile may already cover these records: no lock needed then.
            if word(Layout.syncedOffset) >= end { return false }
            let seen = syncLock.currentGeneration
            let ran = try syncLock.withLockIfFree { () throws(QueueError) -> Bool in
                guard word(Layout.syncedOffset) < end else { return false }
                guard word(Layout.inodeOffset) == segmentInode else {
                    try sync()
                    return true
                }
                let written = max(word(Layout.writtenOffset), end)
                try sync()
                setWord(Layout.syncedOffset, max(word(Layout.syncedOffset), written))
                return true
            }
            if let ran { return ran }
            // Another process syncs: its sync may cover these records too.
            syncLock.sleep(whileGenerationIs: seen)
        }
    }

    /// The topic's write lock (`.lock`, open as `descriptor`), its waiters sleeping on this page.
    /// Its waiters sleep at once: looking again first measured no faster.
    func writeLock(descriptor: Int32, path: String) -> SharedLock {
        lock(descriptor: descriptor, path: path, at: Layout.writeLockOffset, wakesAll: false, yieldingNanoseconds: 0)
    }

    /// The lock of this file, held while syncing. A waiter looks again for up to
    /// `syncWaitYieldingNanoseconds` before it sleeps.
    var syncLock: SharedLock {
        lock(descriptor: descriptor, path: path, at: Layout.syncLockOffset, wakesAll: true, yieldingNanoseconds: Self.syncWaitYieldingNanoseconds)
    }

    /// How long a waiter for another process's sync looks again before it sleeps: about three
    /// syncs on this machine's disk, so most such waits end without a sleep and the wake-up
    /// it needs. With 8 publishing processes that made 1.8–2.0× Redis instead of 1.5× (same run);
    /// 150 µs gave less, 1 ms no more. A wait for a slower disk sleeps after it.
    static let syncWaitYieldingNanoseconds: UInt64 = 500_000

    private func lock(descriptor: Int32, path: String, at offset: Int, wakesAll: Bool, yieldingNanoseconds: UInt64) -> SharedLock {
        SharedLock(
            page: self, descriptor: descriptor, path: path, generation: (page + offset).assumingMemoryBound(to: UInt32.self),
            sleepers: (page + offset + 4).assumingMemoryBound(to: UInt32.self), wakesAll: wakesAll, yieldingNanoseconds: yieldingNanoseconds)
    }

    /// Whether the page is in this layout and about the segment with `segmentInode`.
    private func describes(_ segmentInode: UInt64) -> Bool {
        word(Layout.magicOffset) == Layout.magic && word(Layout.inodeOffset) == segmentInode
    }

    private func word(_ offset: Int) -> UInt64 { page.load(fromByteOffset: offset, as: UInt64.self) }
    private func setWord(_ offset: Int, _ value: UInt64) { page.storeBytes(of: value, toByteOffset: offset, as: UInt64.self) }

    private func withSyncLock<T>(_ body: () throws(QueueError) -> T) throws(QueueError) -> T {
        try syncLock.withLock(body)
    }

    /// This boot's id (36 bytes), or nil where the system does not tell: the page's
    /// claims mean nothing after a reboot, so without it there is no shared state.
    private static let currentBootID: [UInt8]? = {
        guard let text = try? String(contentsOfFile: "/proc/sys/kernel/random/boot_id", encoding: .utf8) else { return nil }
        let bytes = Array(text.utf8.prefix(36))
        return bytes.count == 36 ? bytes : nil
    }()
}
