import Foundation

/// Reads a segment's records from a position on, and tells how the segment ends.
struct SegmentScanner {
    /// How the bytes after the last valid record look.
    enum Ending: Equatable {
        /// The file ends right after the last valid record.
        case clean
        /// Zeros follow the last valid record: space preallocated for records to come.
        case zeroFilled
        /// Bytes follow that hold no valid record and are followed by none: a torn tail
        /// (or a record still being written, for a reader without the lock).
        case tail(bytes: Int64, reason: String)
        /// Invalid bytes are followed by a valid record: damage in the middle of the log.
        case corrupt(reason: String)
    }

    /// What a scan found.
    struct Result {
        /// The file position after the last valid record read.
        var endPosition: Int64
        /// The offset the next record must carry.
        var nextOffset: UInt64
        var records: [QueueRecord]
        /// Whether the scan stopped at `maxCount` records rather than at the end.
        var stoppedEarly: Bool
        var ending: Ending
    }

    let descriptor: Int32
    let path: String
    static let chunkSize = 1 << 20
    /// The first read of a scan: enough for a few records, so that checking for new records
    /// at the end of a preallocated segment stays one small read.
    static let firstReadSize = 16 << 10
    /// Linux's `SEEK_DATA`, which Glibc's module does not export (it needs `_GNU_SOURCE`).
    private static let seekData: Int32 = 3
    /// How far past a bad record the scanner looks for a valid one (a segment's worth).
    static let damageSearchLimit = 256 << 20

    /// Scans from `position`, where a record with `offset` must start. Keeps the records
    /// whose offset is at least `keepFrom` (at most `maxCount` of them) when `collect` is set.
    ///
    /// A zero header ends the written data. With `confirmingEnd` (recovery and verify) the
    /// zeros after it are searched too: a valid record there means a zeroed block in the
    /// middle of the log, which is damage, not the end. Such damage comes from a power loss,
    /// so zeros at `endVouchedAt` — where writers of this boot left the log — need no search.
    ///
    /// Only with `searchingDamage` does an invalid record make the scanner look past it for
    /// a valid one (damage) — a read of up to the rest of the segment. Without it the record
    /// is reported as a tail at once: what a reader racing a writer wants, since the record
    /// may be one still being written; it looks again under the lock.
    func scan(
        from position: Int64, offset: UInt64, keepFrom: UInt64 = 0, maxCount: Int = .max, collect: Bool = false,
        confirmingEnd: Bool = false, endVouchedAt: Int64? = nil, searchingDamage: Bool = false
    ) throws(QueueError) -> Result {
        var result = Result(endPosition: position, nextOffset: offset, records: [], stoppedEarly: false, ending: .clean)
        let fileSize = try FileIO.size(descriptor, path: path)
        var window = ReadWindow(descriptor: descriptor, path: path, start: position, fileSize: fileSize)
        while result.endPosition < fileSize {
            let available = try window.bytes(at: result.endPosition, atLeast: RecordFrame.headerSize)
            if available.prefix(RecordFrame.headerSize).allSatisfy({ $0 == 0 }) {
                let confirm = confirmingEnd && result.endPosition != endVouchedAt
                result.ending = confirm ? try confirmedZeroEnding(result, fileSize: fileSize) : .zeroFilled
                return result
            }
            let length = available.count >= RecordFrame.headerSize
                ? available.withUnsafeBytes { RecordFrame.header($0).frameLength } : RecordFrame.headerSize
            let frame = try window.bytes(at: result.endPosition, atLeast: min(length, RecordFrame.headerSize + RecordFrame.maxPayloadSize))
            switch frame.withUnsafeBytes({ RecordFrame.parse($0, expectedOffset: result.nextOffset) }) {
            case .record(let header):
                if collect && header.offset >= keepFrom {
                    let payload = Array(frame[(frame.startIndex + RecordFrame.headerSize)..<(frame.startIndex + header.frameLength)])
                    result.records.append(QueueRecord(offset: header.offset, timestampMilliseconds: header.timestampMilliseconds, payload: payload))
                }
                result.endPosition += Int64(header.frameLength)
                result.nextOffset += 1
                if result.records.count >= maxCount {
                    result.stoppedEarly = true
                    return result
                }
            case .incomplete:
                result.ending = .tail(bytes: fileSize - result.endPosition, reason: "an incomplete record")
                return result
            case .invalid(let reason):
                let damaged = searchingDamage ? try validRecordFollows(result, fileSize: fileSize) : false
                result.ending = damaged ? .corrupt(reason: reason) : .tail(bytes: fileSize - result.endPosition, reason: reason)
                return result
            }
        }
        return result
    }

    /// Whether a valid record follows the scan's end within the damage search limit.
    private func validRecordFollows(_ result: Result, fileSize: Int64) throws(QueueError) -> Bool {
        Self.containsValidRecord(try rest(after: result, fileSize: fileSize), after: result.nextOffset)
    }

    /// How a segment whose data ends in a zero header really ends: zeros to the end of the
    /// file, a valid record further on (a zeroed block: damage), or stray bytes after the
    /// zeros (a tail to cut).
    private func confirmedZeroEnding(_ result: Result, fileSize: Int64) throws(QueueError) -> Ending {
        if try zeros(from: result.endPosition, to: fileSize) { return .zeroFilled }
        if try validRecordFollows(result, fileSize: fileSize) { return .corrupt(reason: "a zeroed header") }
        return .tail(bytes: fileSize - result.endPosition, reason: "stray bytes after the zero-filled end")
    }

    /// Whether the file holds only zeros from `start` to `end`. Space preallocated and never
    /// written is skipped with `SEEK_DATA` (it reads as zeros); the rest is compared a chunk
    /// at a time.
    private func zeros(from start: Int64, to end: Int64) throws(QueueError) -> Bool {
        let zeroChunk = [UInt8](repeating: 0, count: Self.chunkSize)
        var position = start
        while position < end {
            let data = lseek(descriptor, off_t(position), Self.seekData)
            if data < 0 && errno == ENXIO { return true }
            if data > position { position = Int64(data) }
            let bytes = try FileIO.read(descriptor, count: Int(min(Int64(Self.chunkSize), end - position)), at: position, path: path)
            if bytes.isEmpty { return true }
            let same = bytes.withUnsafeBytes { chunk in
                zeroChunk.withUnsafeBytes { memcmp(chunk.baseAddress!, $0.baseAddress!, chunk.count) == 0 }
            }
            if !same { return false }
            position += Int64(bytes.count)
        }
        return true
    }

    /// The bytes after the scan's end, up to the damage search limit.
    private func rest(after result: Result, fileSize: Int64) throws(QueueError) -> [UInt8] {
        let count = Int(min(fileSize - result.endPosition, Int64(SegmentScanner.damageSearchLimit)))
        return try FileIO.read(descriptor, count: count, at: result.endPosition, path: path)
    }

    /// A buffered view of the file that reads ahead in chunks.
    private struct ReadWindow {
        let descriptor: Int32
        let path: String
        var start: Int64
        let fileSize: Int64
        var buffer: [UInt8] = []
        /// How much the next read fetches: small first, growing to `chunkSize` as a scan goes on.
        var readSize = SegmentScanner.firstReadSize

        init(descriptor: Int32, path: String, start: Int64, fileSize: Int64) {
            self.descriptor = descriptor
            self.path = path
            self.start = start
            self.fileSize = fileSize
        }

        /// The buffered bytes from `position` on, at least `count` of them unless the file ends first.
        mutating func bytes(at position: Int64, atLeast count: Int) throws(QueueError) -> ArraySlice<UInt8> {
            let local = Int(position - start)
            if buffer.count - local < count {
                let kept = Array(buffer[min(local, buffer.count)...])
                let from = position + Int64(kept.count)
                let wanted = min(max(readSize, count - kept.count), Int(max(0, fileSize - from)))
                readSize = min(readSize * 4, SegmentScanner.chunkSize)
                let more = try FileIO.read(descriptor, count: wanted, at: from, path: path)
                buffer = kept + more
                start = position
            }
            return buffer[Int(position - start)...]
        }
    }

    /// Whether a valid record with an offset at or after `offset` starts anywhere in `bytes`
    /// past its first byte: the difference between damage and a torn tail. A record's header
    /// is never all zeros (it holds a timestamp), so runs of zeros are skipped quickly.
    static func containsValidRecord(_ bytes: [UInt8], after offset: UInt64) -> Bool {
        bytes.withUnsafeBytes { raw in
            guard raw.count > RecordFrame.headerSize else { return false }
            var start = 1
            var nonzero = 1
            while start <= raw.count - RecordFrame.headerSize {
                if nonzero < start { nonzero = start }
                while nonzero < raw.count && raw[nonzero] == 0 { nonzero += 1 }
                if nonzero >= start + RecordFrame.headerSize {
                    start = nonzero - RecordFrame.headerSize + 1
                    continue
                }
                defer { start += 1 }
                let slice = UnsafeRawBufferPointer(rebasing: raw[start...])
                let header = RecordFrame.header(slice)
                guard header.payloadLength <= RecordFrame.maxPayloadSize, header.frameLength <= slice.count,
                    header.offset >= offset, header.offset - offset < 1 << 32
                else { continue }
                if RecordFrame.checksum(UnsafeRawBufferPointer(rebasing: slice[0..<header.frameLength])) == header.storedChecksum {
                    return true
                }
            }
            return false
        }
    }
}
