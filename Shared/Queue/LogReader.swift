import Foundation

/// Reads a topic's records by offset, from any process, without blocking writers.
///
/// A record that looks invalid at the end of the log may be one still being written, so
/// the reader looks again under the shared lock (writers hold it exclusively while they
/// write): what is still invalid then is damage (reported with file and offset) or the
/// torn tail of a crashed writer (the next writer cuts it; until then it is the end).
final class LogReader {
    let topic: String
    private let files: SegmentFiles
    private var bases: [UInt64] = []
    private var descriptors: [UInt64: Int32] = [:]
    /// Where the previous read stopped, so that the next one continues without rescanning.
    private var resume: (base: UInt64, position: Int64, offset: UInt64)?
    /// Where the previous ``endOffset()`` scan stopped.
    private var end: (base: UInt64, position: Int64, offset: UInt64)?
    /// Taken, when first needed, to look again at a record that may be half written.
    private var readLock: ReadLock?

    init(directory: String, topic: String) {
        self.topic = topic
        self.files = SegmentFiles(directory: directory)
    }

    deinit {
        for descriptor in descriptors.values { close(descriptor) }
    }

    /// Up to `maxCount` records from `offset` on (from the first kept one, if retention
    /// removed `offset`); empty at the end of the log.
    func read(from offset: UInt64, maxCount: Int) throws(QueueError) -> [QueueRecord] {
        bases = try files.bases()
        for (base, descriptor) in descriptors where !bases.contains(base) {
            close(descriptor)
            descriptors[base] = nil
        }
        guard let first = bases.first, maxCount > 0 else { return [] }
        var wanted = max(offset, first)
        var records: [QueueRecord] = []
        guard var index = bases.lastIndex(where: { $0 <= wanted }) else { return [] }
        while records.count < maxCount {
            let base = bases[index]
            let isLast = index == bases.count - 1
            let result = try scan(base: base, from: wanted, maxCount: maxCount - records.count, isLast: isLast)
            records += result.records
            wanted = max(wanted, result.nextOffset)
            if result.stoppedEarly { break }
            if case .tail = result.ending { break }
            if isLast {
                let newer = try files.bases()
                guard newer.count > bases.count else { break }
                bases = newer
                // The segment may have grown before it was sealed: read the rest of it first.
                if result.nextOffset != bases[index + 1] { continue }
            }
            index += 1
            guard index < bases.count else { break }
            guard bases[index] == result.nextOffset else {
                throw QueueError(.corruptRecord, "topic \(topic): segment \(files.path(base: bases[index])) starts at offset \(bases[index]) but the previous one ends at \(result.nextOffset)")
            }
        }
        return records
    }

    /// The offset the next published record will get, as far as this reader can see.
    /// Scans only what was appended since the previous call.
    func endOffset() throws(QueueError) -> UInt64 {
        bases = try files.bases()
        guard let last = bases.last else { return 0 }
        var start = end?.base == last ? end! : (base: last, position: 0, offset: last)
        if let resume, resume.base == last, resume.position > start.position { start = resume }
        let result = try SegmentScanner(descriptor: descriptor(last), path: files.path(base: last))
            .scan(from: start.position, offset: start.offset)
        end = (last, result.endPosition, result.nextOffset)
        return result.nextOffset
    }

    /// The offset of the first record still kept.
    func firstOffset() throws(QueueError) -> UInt64 {
        bases = try files.bases()
        return bases.first ?? 0
    }

    private func scan(base: UInt64, from offset: UInt64, maxCount: Int, isLast: Bool) throws(QueueError) -> SegmentScanner.Result {
        let path = files.path(base: base)
        let scanner = try SegmentScanner(descriptor: descriptor(base), path: path)
        let start = resume.flatMap { $0.base == base && $0.offset <= offset ? $0 : nil } ?? (base: base, position: 0, offset: base)
        var result = try scanner.scan(from: start.position, offset: start.offset, keepFrom: offset, maxCount: maxCount, collect: true)
        if !result.stoppedEarly, result.ending != .clean, result.ending != .zeroFilled {
            result = try sharedReadLock().withLock { () throws(QueueError) in
                try scanner.scan(from: start.position, offset: start.offset, keepFrom: offset, maxCount: maxCount, collect: true, searchingDamage: true)
            }
        }
        switch result.ending {
        case .corrupt(let reason):
            throw QueueError(.corruptRecord, "topic \(topic): \(path) at byte \(result.endPosition), offset \(result.nextOffset): \(reason); consumption stops here until an operator acts (see docs/queue.md)")
        case .tail(let bytes, let reason) where !isLast && !result.stoppedEarly:
            throw QueueError(.corruptRecord, "topic \(topic): \(path) at byte \(result.endPosition), offset \(result.nextOffset): the sealed segment ends in \(bytes) bytes of \(reason)")
        default:
            break
        }
        resume = (base, result.endPosition, result.nextOffset)
        return result
    }

    private func sharedReadLock() throws(QueueError) -> ReadLock {
        if let readLock { return readLock }
        let lock = try ReadLock(directory: files.directory)
        readLock = lock
        return lock
    }

    private func descriptor(_ base: UInt64) throws(QueueError) -> Int32 {
        if let descriptor = descriptors[base] { return descriptor }
        let descriptor = try FileIO.open(files.path(base: base), O_RDONLY)
        descriptors[base] = descriptor
        return descriptor
    }
}
